"""A structure workbook (``orglint.load.workbook_layout``): a Posts sheet and at least one other
of the layout's sheets, each read as a table whose columns are found by their headers (the
layout's names and aliases, compared with ``normalise_header``). Each sheet's header is the first
row holding its required headers, so title rows above it (a logo, a heading) are skipped."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from orglint.load.input_findings import invalid_structure, invalid_yaml
from orglint.load.source import Limits, LoadProblem, SourceFile
from orglint.load.spreadsheet import Spreadsheet
from orglint.load.table import MappedTable, Table, TableRow, normalise_header, read_xlsx
from orglint.load.workbook_layout import POSTS, WORKBOOK, Column, Sheet

_SHEETS = {sheet.name: sheet for sheet in WORKBOOK}


@cache
def _names(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """A sheet's or column's names as headers compare (worked out once: headers are compared
    on every row looked at while the header row is looked for)."""
    return frozenset(normalise_header(text) for text in (name, *aliases))


def layout_sheets(names: list[str]) -> dict[str, str]:
    """The workbook's sheets that are the layout's: the layout's name → the sheet's own name."""
    found: dict[str, str] = {}
    for sheet in WORKBOOK:
        wanted = _names(sheet.name, sheet.aliases)
        for name in names:
            if normalise_header(name) in wanted and sheet.name not in found:
                found[sheet.name] = name
    return found


def structure_workbook_sheets(names: list[str]) -> dict[str, str] | None:
    """The layout's sheets of a workbook with these sheet names (as ``layout_sheets``, for
    ``load_workbook``), None if it is not a structure workbook."""
    found = layout_sheets(names)
    return found if POSTS.name in found and len(found) > 1 else None


def _column_of(sheet: Sheet, heading: str) -> Column | None:
    text = normalise_header(heading)
    if not text:
        return None
    for column in sheet.columns:
        if text in _names(column.header, column.aliases):
            return column
    return None


def _columns(sheet: Sheet, header: list[str]) -> dict[str, int]:
    """Each of the sheet's fields whose column the header has → its index. A heading is the
    field it names first (``ID`` is a sheet's id: a column named by its own header wins)."""
    columns: dict[str, int] = {}
    for exact in (True, False):
        for index, heading in enumerate(header):
            text = normalise_header(heading)
            for column in sheet.columns:
                names = _names(column.header, ()) if exact else _names(column.header, column.aliases)
                if text and text in names and column.field not in columns and index not in columns.values():
                    columns[column.field] = index
                    break
    return columns


def _has_required(sheet: Sheet, columns: dict[str, int]) -> bool:
    return bool(columns) and all(column.field in columns for column in sheet.columns if column.required)


def _is_header(sheet: Sheet, cells: list[str]) -> bool:
    return _has_required(sheet, _columns(sheet, cells))


def _by_name(sheet_name: str, cells: list[str]) -> bool:
    sheet = _SHEETS[sheet_name]
    if sheet.fields_in_rows:
        return any(cell.strip() for cell in cells)  # no header: every row is a field's
    return _is_header(sheet, cells)


def _mapped(sheet: Sheet, table: Table, columns: dict[str, int]) -> MappedTable:
    lists = frozenset(column.field for column in sheet.columns if column.is_list)
    dates = frozenset(column.field for column in sheet.columns if column.is_date)
    amounts = frozenset(column.field for column in sheet.columns if column.is_amount)
    return MappedTable(table, columns, lists, dates, amounts)


def _fields_in_rows(sheet: Sheet, table: Table) -> MappedTable:
    """A sheet of (field, value) rows (the field's name in its first column, the value beside
    it) as a table of one record, each value located at its own cell."""
    columns: dict[str, int] = {}
    header: list[str] = []
    values: list[str] = []
    places: list[tuple[int, int]] = []
    for row in [TableRow(table.header_row, table.header), *table.rows]:
        column = _column_of(sheet, row.get(0))
        if column is None or column.field in columns:
            continue
        columns[column.field] = len(values)
        header.append(row.get(0))
        values.append(row.get(1))
        places.append((row.number, 1))
    record = Table(table.source, table.sheet, header, header_row=table.header_row, places=places)
    record.rows = [TableRow(table.header_row, values)]
    return MappedTable(record, columns, frozenset(column.field for column in sheet.columns if column.is_list))


def load_workbook(path: Path, found: dict[str, str], limits: Limits | None = None) -> Spreadsheet:
    """The structure workbook whose layout's sheets ``structure_workbook_sheets`` found."""
    spreadsheet = Spreadsheet(SourceFile(path), None)
    own = {name: layout for layout, name in found.items()}
    try:
        tables = read_xlsx(path, list(own), limits, is_header=lambda name, cells: _by_name(own[name], cells))
    except LoadProblem as problem:
        spreadsheet.findings.append(invalid_yaml(spreadsheet.source, problem))
        return spreadsheet
    for layout_name, name in found.items():
        sheet = _SHEETS[layout_name]
        table = tables[name]
        table.source = spreadsheet.source
        if sheet.fields_in_rows:
            spreadsheet.sheets[layout_name] = _fields_in_rows(sheet, table)
            continue
        columns = _columns(sheet, table.header)
        if not _has_required(sheet, columns):
            required = " and ".join(repr(column.header) for column in sheet.columns if column.required)
            message = f"no header row: no row of the sheet holds {required}, so none of its rows is read"
            spreadsheet.findings.append(invalid_structure(message, table.cell_span(1, 0)))
            continue
        mapped = _mapped(sheet, table, columns)
        if sheet is POSTS:
            spreadsheet.table = mapped
        else:
            spreadsheet.sheets[layout_name] = mapped
    return spreadsheet
