"""The structure workbook ``orglint template`` writes (orglint/load/workbook_layout.py): a sheet per
sheet of the layout, in its order, each with a bold header row whose cells carry the column's note
as a comment, panes frozen below the header, columns wide enough to read, and drop-down lists of
the ruleset's words; filled, if given a structure, with every field of it, so that reading the
workbook back gives the same structure.

Values are written as the loader reads them: lists one per line in a cell, dates as Excel dates
(shown dd/mm/yyyy), numbers as numbers, ``group`` as yes or no. A drop-down list goes inline when
it fits Excel's 255 characters (and has no comma or quote), else on the hidden ``Lists`` sheet,
referenced by its range. The lists suggest; a value outside them is warned of, not refused (a
council's own grade, two designations one per line in a cell). Text is always written as text:
a title that starts with ``=`` is not a formula.
"""

from __future__ import annotations

import datetime
import io
import typing
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from orglint.errors import OrglintError
from orglint.load.workbook_layout import DEPARTMENTS, EVALUATIONS, POSTS, PROFILES, WORKBOOK, Column, Sheet, Vocabulary
from orglint.model.schema import Contract, CouncilType, DepartmentKind, Function, Post
from orglint.model.structure import Structure
from orglint.policy import Policy

LISTS_SHEET = "Lists"
"""The hidden sheet holding drop-down lists too long (or too awkward) to write inline."""
INLINE_LIMIT = 255
"""Excel's limit on an inline list (the quoted, comma-separated text)."""
BLANK_ROWS = 500
"""Rows below the last record that the drop-down lists still cover, for a manager to fill."""
DATE_FORMAT = "dd/mm/yyyy"
MIN_WIDTH, MAX_WIDTH = 10, 60


class UnwritableValue(OrglintError):
    """A value of the structure that a workbook cannot hold (exit 2; nothing is written)."""


def vocabularies(policy: Policy) -> dict[Vocabulary, list[str]]:
    """Each drop-down list's values: what the loader accepts, from the format and the ruleset's policy.
    Designations are offered by their names (which the rules read as the designation), the rest
    by their ids."""
    return {
        "contracts": list(typing.get_args(Contract)),
        "council-types": list(typing.get_args(CouncilType)),
        "department-kinds": list(typing.get_args(DepartmentKind)),
        "functions": list(typing.get_args(Function)),
        "designations": [entry.name or key for key, entry in policy.designations.items()],
        "grades": list(policy.grades),
        "levels": list(policy.roles),
        "yes-no": ["yes", "no"],
    }


def _value_at(record: Any, path: str) -> Any:
    value = record
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value


def cell_value(value: Any) -> Any:
    """A field's value as its cell holds it (None: the cell is left blank)."""
    if value is None or value == ():
        return None
    if isinstance(value, bool):
        return "yes" if value else None
    if isinstance(value, list | tuple):
        return "\n".join("" if item is None else str(item) for item in value)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def _records(sheet: Sheet, structure: Structure | None) -> list[Any]:
    if structure is None:
        return []
    if sheet is EVALUATIONS:
        return [_Evaluated(post) for post in structure.posts if post.evaluation is not None]
    if sheet.fields_in_rows:
        return [structure.organisation] if structure.organisation is not None else []
    held: dict[Sheet, list[Any]] = {
        DEPARTMENTS: list(structure.departments),
        PROFILES: list(structure.profiles),
        POSTS: list(structure.posts),
    }
    return held.get(sheet, [])


class _RulesetGiven:
    """The organisation's record (or none) with the ruleset the workbook is made for."""

    def __init__(self, organisation: Any, ruleset: str) -> None:
        self._organisation, self.ruleset = organisation, ruleset

    def __getattr__(self, name: str) -> Any:
        return getattr(self._organisation, name, None)


class _Evaluated:
    """A post's evaluation record as the Evaluations sheet holds it: the post's id, then the record."""

    def __init__(self, post: Post) -> None:
        self.post = post.id
        self._evaluation = post.evaluation

    def __getattr__(self, name: str) -> Any:
        return getattr(self._evaluation, name)


def render_workbook(policy: Policy, structure: Structure | None = None, ruleset: str | None = None) -> bytes:
    """The structure workbook, as the bytes of an .xlsx file; ``ruleset``, where given, is written
    as the organisation's (the workbook is then checked against the ruleset its lists come from)."""
    book = Workbook()
    default = book.active
    lists = _Lists(book)
    words = vocabularies(policy)
    for sheet in WORKBOOK:
        worksheet = book.create_sheet(sheet.name)
        records = _records(sheet, structure)
        if sheet.fields_in_rows:
            record = records[0] if records else None
            _write_fields_in_rows(worksheet, sheet, _RulesetGiven(record, ruleset) if ruleset else record, words, lists)
        else:
            _write_table(worksheet, sheet, records, words, lists)
    if default is not None:
        book.remove(default)
    lists.finish()
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _header(cell: Any, column: Column) -> None:
    cell.value = column.header
    cell.font = Font(bold=True)
    cell.alignment = Alignment(vertical="top")
    comment = Comment(column.note, "orglint")
    comment.width, comment.height = 240, 80
    cell.comment = comment


def _fill(cell: Any, column: Column, record: Any) -> int:
    """Write a record's field into its cell; the width the value needs."""
    value = cell_value(_value_at(record, column.field))
    if value is None:
        return 0
    try:
        cell.value = value
    except IllegalCharacterError:
        where = f"{cell.parent.title}!{cell.coordinate} ({column.header})"
        raise UnwritableValue(f"{where}: the value holds a control character, which a workbook cannot hold") from None
    if isinstance(value, str):
        cell.data_type = "s"  # text, even text that starts with "=": never a formula Excel would run
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
        return len(DATE_FORMAT)
    if isinstance(value, str) and "\n" in value:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        return max(len(line) for line in value.split("\n"))
    return len(str(value))


def _write_table(
    worksheet: Worksheet, sheet: Sheet, records: list[Any], words: dict[Vocabulary, list[str]], lists: _Lists
) -> None:
    last_row = len(records) + 1 + BLANK_ROWS
    for index, column in enumerate(sheet.columns, start=1):
        _header(worksheet.cell(row=1, column=index), column)
        width = len(column.header) + 3
        for row, record in enumerate(records, start=2):
            width = max(width, _fill(worksheet.cell(row=row, column=index), column, record) + 2)
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
        if column.choices is not None:
            _choose(worksheet, column, f"{letter}2:{letter}{last_row}", words, lists)
    worksheet.freeze_panes = "A2"


def _write_fields_in_rows(
    worksheet: Worksheet, sheet: Sheet, record: Any, words: dict[Vocabulary, list[str]], lists: _Lists
) -> None:
    width = 0
    for row, column in enumerate(sheet.columns, start=1):
        _header(worksheet.cell(row=row, column=1), column)
        if record is not None:
            width = max(width, _fill(worksheet.cell(row=row, column=2), column, record))
        if column.choices is not None:
            _choose(worksheet, column, f"B{row}", words, lists)
    worksheet.column_dimensions["A"].width = max(MIN_WIDTH, max(len(c.header) for c in sheet.columns) + 3)
    worksheet.column_dimensions["B"].width = min(max(width + 2, 40), MAX_WIDTH)
    worksheet.freeze_panes = "B1"


FORMAT_WORDS: frozenset[Vocabulary] = frozenset({"contracts", "council-types", "department-kinds", "functions", "yes-no"})
"""The drop-down lists of the format's own words, which allow no other (in any case)."""


def _choose(worksheet: Worksheet, column: Column, cells: str, words: dict[Vocabulary, list[str]], lists: _Lists) -> None:
    assert column.choices is not None
    values = words[column.choices]
    if not values:
        return
    validation = DataValidation(type="list", formula1=lists.formula(column.choices, values), allow_blank=True)
    if column.choices in FORMAT_WORDS:  # the format takes these words and no others: refused, as a check would
        validation.errorStyle = "stop"
        validation.error = f"{column.header}: choose one of the list."
    else:  # the ruleset's words: another may be meant (a grade it does not list yet), and a check says so
        validation.errorStyle = "warning"
        validation.error = f"Not one of the ruleset's {column.header.lower()}: keep it anyway?"
    validation.errorTitle = column.header
    validation.showErrorMessage = not column.is_list  # several values one per line: the list only suggests
    validation.add(cells)
    worksheet.add_data_validation(validation)


class _Lists:
    """Drop-down lists: inline when they fit, else a column each of the hidden Lists sheet."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.sheet: Worksheet | None = None
        self.columns: dict[str, str] = {}

    def formula(self, name: str, values: list[str]) -> str:
        inline = ",".join(values)
        if len(inline) + 2 <= INLINE_LIMIT and not any("," in value or '"' in value for value in values):
            return f'"{inline}"'
        if name not in self.columns:
            if self.sheet is None:
                self.sheet = self.book.create_sheet(LISTS_SHEET)
            index = len(self.columns) + 1
            for row, value in enumerate(values, start=1):
                self.sheet.cell(row=row, column=index, value=value)
            letter = get_column_letter(index)
            self.columns[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"
        return self.columns[name]

    def finish(self) -> None:
        if self.sheet is not None:
            self.sheet.sheet_state = "hidden"
            self.book.move_sheet(self.sheet, offset=len(self.book.sheetnames))  # after the layout's sheets


def record_counts(structure: Structure) -> Iterator[tuple[str, int]]:
    """How many records each sheet holds for a structure (for the command's summary)."""
    for sheet in WORKBOOK:
        yield sheet.name, len(_records(sheet, structure))
