"""Tables read from CSV files and XLSX sheets: rows of text cells, each cell locatable by row,
column, sheet and header (``K12 (Reports to Senior Post)``)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orglint.diagnostics import Span
from orglint.load.source import Limits, LoadProblem, SourceFile, read_binary, read_text
from orglint.safe_text import safe_text

CSV_ENCODING_FALLBACK = "cp1252"
"""Excel's "CSV" on Windows: the £ sign is byte 0xA3."""


@dataclass
class TableRow:
    number: int
    """1-based, as a spreadsheet numbers rows (the header is usually row 1)."""
    cells: list[str]
    """The cells' text, stripped once here (rules read each cell many times)."""

    def __post_init__(self) -> None:
        self.cells = [cell.strip() for cell in self.cells]

    def get(self, index: int | None) -> str:
        """The cell's text; "" for a column the row does not reach."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def blank(self) -> bool:
        return not any(self.cells)


@dataclass
class Table:
    source: SourceFile
    sheet: str | None
    header: list[str]
    header_row: int = 1
    rows: list[TableRow] = field(default_factory=list)
    places: list[tuple[int, int]] | None = None
    """A sheet of (field, value) rows read as a table of one record: where each column's value
    stands (its row, and its 0-based column), the column's header being the field's name."""

    def cell_span(self, row: int, column: int | None) -> Span:
        """The cell at a 1-based row and 0-based column index (the row's first cell if None)."""
        index = column if column is not None else 0
        header = self.header[index].strip() if index < len(self.header) and self.header[index].strip() else f"column {index + 1}"
        if self.places is not None and index < len(self.places):
            row, index = self.places[index]
        # sheet and header are the table's own text, shown in every view: made safe here, once,
        # as display_path makes a file's name safe
        return Span(self.source.display, row, index + 1, row, index + 2, sheet=self._safe_sheet, header=safe_text(header))

    def header_span(self) -> Span:
        width = max(1, len(self.header))
        return Span(self.source.display, self.header_row, 1, self.header_row, width + 1, sheet=self._safe_sheet)

    @property
    def _safe_sheet(self) -> str | None:
        return None if self.sheet is None else safe_text(self.sheet)


def normalise_header(text: str) -> str:
    """Headers compared loosely: case, spacing and a "(£)" unit do not matter."""
    return re.sub(r"\s+", " ", text.replace("(£)", "").replace("£", "")).strip().casefold()


HeaderTest = Callable[[str, list[str]], bool]
"""Whether a row (its cells' text) is the header of the named sheet."""


def _first_filled(_: str, __: list[str]) -> bool:
    """Any row: ``_table`` asks only about rows that are not blank, so the header is the first of those."""
    return True


def read_csv(path: Path, limits: Limits | None = None, is_header: HeaderTest = _first_filled) -> Table:
    """The file as a table whose header is its first non-blank row, or the first that ``is_header``
    accepts (title rows above it skipped; the first non-blank row if none is)."""
    text = read_text(path, fallback=CSV_ENCODING_FALLBACK, limits=limits)
    source = SourceFile(path)
    records = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unclosed quote is a fault, not a long cell
    try:
        rows = list(records)
    except csv.Error as error:
        raise LoadProblem(f"not a readable CSV file: {error}", records.line_num or 1) from None
    if not rows:
        raise LoadProblem("the file is empty: expected a header row")
    return _table(source, None, rows, is_header)


def _table(source: SourceFile, sheet: str | None, rows: list[list[str]], is_header: HeaderTest, name: str = "") -> Table:
    """A table of ``rows`` (row 1 first) whose header is the first row ``is_header`` accepts (asked
    with the sheet's ``name`` as the caller wanted it), else the first non-blank row; blank rows
    below it are left out."""
    filled = [number for number, cells in enumerate(rows, start=1) if any(cell.strip() for cell in cells)]
    header_row = next((number for number in filled if is_header(name, rows[number - 1])), filled[0] if filled else 0)
    if not header_row:
        return Table(source, sheet, [], header_row=1)
    table = Table(source, sheet, rows[header_row - 1], header_row=header_row)
    for number in range(header_row + 1, len(rows) + 1):
        row = TableRow(number, rows[number - 1])
        if not row.blank:
            table.rows.append(row)
    return table


def _workbook(path: Path, limits: Limits | None = None, *, for_sheets: bool) -> Any:
    """The workbook, opened with python-calamine (a Rust reader: ten times openpyxl's read-only
    speed on a 20,000-post workbook, see docs/performance.md). What it unpacks to is measured first
    (a zip bomb, or a cell at XFD1048576, would abort the process): as its parts declare it, to list
    its sheets' names; part by part, unpacked, where its sheets (``for_sheets``) are to be read."""
    from python_calamine import CalamineWorkbook

    from orglint.load.workbook_bounds import check_declared, check_unpacked

    data = read_binary(path, limits)  # a directory, an unreadable file: located faults like any input
    (check_unpacked if for_sheets else check_declared)(data, limits or Limits())
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine's own errors, zip's and the XML's: all mean "not a workbook"
        raise LoadProblem(f"not a readable XLSX workbook: {type(error).__name__}: {error}") from None


def sheet_names(path: Path, limits: Limits | None = None) -> list[str]:
    workbook = _workbook(path, limits, for_sheets=False)
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()


def read_xlsx(
    path: Path, sheet_names: list[str], limits: Limits | None = None, is_header: HeaderTest = _first_filled
) -> dict[str, Table]:
    """The named sheets of a workbook that has them (case-insensitive), each as a table whose
    header is its first row that ``is_header`` accepts (by default its first non-blank row):
    title rows above it are skipped."""
    workbook = _workbook(path, limits, for_sheets=True)
    try:
        return _sheets(workbook, SourceFile(path), sheet_names, is_header)
    except LoadProblem:
        raise
    except Exception as error:  # a sheet's XML broken beyond what opening the workbook reads
        raise LoadProblem(f"not a readable XLSX workbook: {type(error).__name__}: {error}") from None
    finally:
        workbook.close()


def _sheets(workbook: Any, source: SourceFile, sheet_names: list[str], is_header: HeaderTest) -> dict[str, Table]:
    wanted = {name.casefold(): name for name in sheet_names}
    tables: dict[str, Table] = {}
    for title in workbook.sheet_names:
        name = wanted.get(title.strip().casefold())
        if name is None:
            continue
        rows = workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)  # rows from row 1, whatever is blank
        cells = [["" if value is None else _cell_text(value) for value in values] for values in rows]
        tables[name] = _table(source, title, cells, is_header, name)
    return tables


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?")
_UK_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
DATE_FORMS = "a date: dd/mm/yyyy or YYYY-MM-DD"


def read_date(text: str) -> datetime.date:
    """A date cell's text: ISO ``2024-05-20``, UK ``20/05/2024`` or ``20/05/24`` (20xx), or an
    Excel serial number (a date cell is already ISO text, see ``_cell_text``). US order is never
    guessed: ``05/20/2024`` is not a date. ValueError for anything else."""
    text = text.strip()
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := _UK_DATE.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year + 2000 if len(match.group(3)) == 2 else year, month, day)
        if re.fullmatch(r"\d{3,5}(?:\.0+)?", text):
            return _EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
    except ValueError:
        pass  # 31/02/2024, 05/20/2024: shaped like a date, but none
    raise ValueError(f"should be {DATE_FORMS}")


def _cell_text(value: object) -> str:
    """Cells as the text a person sees: 1.0 as "1", dates as ISO dates."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") and not any((value.hour, value.minute)) else value.isoformat()  # type: ignore[attr-defined]
    return str(value)


@dataclass
class MappedTable:
    """A table with where each known column is (by a key such as ``reports_to``)."""

    table: Table
    columns: dict[str, int]
    """Where each field is: by its dotted path within the record (``salary.min``)."""
    lists: frozenset[str] = frozenset()
    """The fields whose cell holds several values (separated by ``;`` or new lines; also ``,`` if ``commas``)."""
    dates: frozenset[str] = frozenset()
    """The fields whose cell holds a date (``read_date``)."""
    amounts: frozenset[str] = frozenset()
    """The fields whose cell holds a sum of money, read as Excel shows it (``£45,000``: ``orglint.model.amounts``)."""
    commas: bool = False
    row_ids: dict[int, str] | None = field(default=None, compare=False, repr=False)
    """Where a row is its record's only identity (an organogram's junior staff groups): the ids
    the model gives the rows, by row number, worked out once for the table."""

    @property
    def rows(self) -> list[TableRow]:
        return self.table.rows

    def value(self, row: TableRow, key: str) -> str:
        return row.get(self.columns.get(key))

    def span(self, row: TableRow, key: str) -> Span:
        return self.table.cell_span(row.number, self.columns.get(key))
