"""Models read from table rows (organograms, spreadsheets): where each field's cell is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from orglint.diagnostics import Span
from orglint.load.table import MappedTable, TableRow
from orglint.model.schema import Department, Located, Post, validator


class RowOrigin:
    """Where each field of a post read from a table row stands: its cell."""

    def __init__(self, table: MappedTable, row: TableRow, fields: dict[str, Any]) -> None:
        self.table, self.row, self.fields = table, row, fields

    def __contains__(self, key: object) -> bool:
        return key in self.fields

    def __getitem__(self, key: str) -> Any:
        nested = self.fields[key]
        if isinstance(nested, RowOrigin):
            return nested  # a record on another sheet's row (a post's evaluation record)
        return RowOrigin(self.table, self.row, nested) if isinstance(nested, dict) else None

    def value_span(self, key: str) -> Span:
        column = self.fields[key]
        if isinstance(column, RowOrigin):
            return column.span()
        if isinstance(column, dict):
            column = next(iter(column.values()))
        return self.table.span(self.row, column)

    key_span = value_span

    def span(self) -> Span:
        return self.table.span(self.row, next((key for key in self.fields.values() if isinstance(key, str)), "reference"))


def located(model: type[Located], data: dict[str, Any], origin: RowOrigin) -> Any:
    try:
        item = validator(model).validate_python(data)
    except ValidationError:
        return None  # the T rules report what is wrong with the row
    return item.record_origin(origin)


def departments_of(posts: Iterable[Post], kinds: Mapping[str, str] | None = None) -> list[Department]:
    """A department for each one the posts name (tables have no list of them), located at the
    first cell that names it, of the kind ``kinds`` gives it (the configuration's), else the default."""
    found: dict[str, Department] = {}
    for post in posts:
        if post.department is None or post.department in found:
            continue
        origin = post.origin
        cell = RowOrigin(origin.table, origin.row, {"id": origin.fields["department"]})
        data = {"id": post.department}
        if kinds and post.department in kinds:
            data["kind"] = kinds[post.department]
        department = located(Department, data, cell)
        if department is not None:
            found[post.department] = department
    return list(found.values())
