"""What the T rules share: they read an organogram's tables, cell by cell, and point at cells."""

from __future__ import annotations

from collections.abc import Iterator

from orglint.diagnostics import Diagnostic
from orglint.load.organogram import Organogram
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import NOT_IN_POST, TOP, junior_post_id
from orglint.model.rows import number
from orglint.rules import CheckContext, Rule

__all__ = ["NOT_APPLICABLE", "NOT_IN_POST", "TOP", "UNDISCLOSED", "OrganogramRule", "disclosed", "number"]

UNDISCLOSED, NOT_APPLICABLE = "N/D", "N/A"
BASIS = "data.gov.uk organogram schema for {table} staff (datagovuk/schemas, organogram/organogram-{table}-staff-csv-schema.json)"


def shown(value: str) -> str:
    """A cell's value quoted for a message, or "blank"."""
    return repr(value) if value else "blank"


def disclosed(value: str) -> bool:
    """Given, and not withheld: neither blank nor "N/D"."""
    return bool(value) and value.upper() != UNDISCLOSED


class OrganogramRule(Rule):
    """A rule on an organogram's tables. Structures read from YAML have none, and pass."""

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        organogram = context.structure.organogram
        if organogram is None:
            return iter(())
        return self.check_organogram(context, organogram)

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def at(self, table: MappedTable, row: TableRow, key: str, message: str, post: str | None = None) -> Diagnostic:
        """A finding on one cell, about the row's post."""
        if post is None:
            reference = table.value(row, "reference") if "reference" in table.columns else junior_post_id(table, row)
            post = reference if reference and reference != NOT_IN_POST else None
        return self.finding(table.span(row, key), message, post=post)


def senior_rows(organogram: Organogram) -> Iterator[tuple[MappedTable, TableRow]]:
    if organogram.senior is not None:
        for row in organogram.senior.rows:
            yield organogram.senior, row


def junior_rows(organogram: Organogram) -> Iterator[tuple[MappedTable, TableRow]]:
    if organogram.junior is not None:
        for row in organogram.junior.rows:
            yield organogram.junior, row
