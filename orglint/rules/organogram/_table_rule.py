"""What the T rules share: they read an organogram's tables, cell by cell, and point at cells.

The T rules give the verdicts of the official publication validator (``etl_to_csv.py`` in the
``datagovuk/organograms`` repository, at its strictest level): an error is a cell the validator
rejects; where only the published schema's text is stricter than the validator, the finding is
a warning (``at_most=Severity.WARNING``) whose message says so."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any, ClassVar

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import (
    ELIMINATED,
    NOT_APPLICABLE,
    NOT_IN_POST,
    TOP,
    UNDISCLOSED,
    Amount,
    amount,
    junior_post_id,
)
from orglint.rules import CheckContext, Rule, SettingsT

BASIS = "data.gov.uk organogram schema for {table} staff (datagovuk/schemas, organogram/organogram-{table}-staff-csv-schema.json)"
VALIDATOR = "the publication validator (datagovuk/organograms, etl_to_csv.py)"
SCHEMA_ONLY = Severity.WARNING
"""The most a finding may be where only the schema's text is stricter than the validator."""

TOPS = (TOP, TOP.lower())
"""A top post's 'Reports to Senior Post', to the validator's tree check."""


def shown(value: str) -> str:
    """A cell's value quoted for a message, or "blank"."""
    return repr(value) if value else "blank"


NO_BLANK = "says 'Cannot be left blank - if none write 0'"
"""The organogram schema's words on a blank pay floor or salary cost of reports."""


class OrganogramRule(Rule[SettingsT]):
    """A rule on an organogram's tables. Structures read from YAML have none, and pass.

    A rule's basis is made of what it declares: ``validator_says``, the publication validator's
    check in its messages' words (none where the validator does not check it), and
    ``schema_says``, the organogram schema's text for the table the rule reads, senior unless its
    class line says ``table="junior"``."""

    table: ClassVar[str] = "senior"
    validator_says: ClassVar[str | None] = None
    schema_says: ClassVar[str] = ""

    def __init_subclass__(cls, *, table: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if table is not None:
            cls.table = table
        if "schema_says" not in cls.__dict__:
            return  # a base class of rules
        schema = f"{BASIS.format(table=cls.table)}: {cls.schema_says}"
        if cls.validator_says is None:
            cls.basis = f"{schema} (the publication validator does not check it)"
        else:
            cls.basis = f"{VALIDATOR}: {cls.validator_says}; {schema}"

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        organogram = context.structure.organogram
        if organogram is None:
            return iter(())
        return self.check_organogram(context, organogram)

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        """Each senior post's row (those with a reference), then each junior row, one at a time; a
        rule that needs the tables as a whole (references, reporting lines) overrides this."""
        for table, row, reference in posts(organogram):
            yield from self.check_senior_post(table, row, reference)
        for table, row in junior_rows(organogram):
            yield from self.check_junior_row(table, row)

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        return iter(())

    def check_junior_row(self, table: MappedTable, row: TableRow) -> Iterator[Diagnostic]:
        return iter(())

    def read_amount(
        self,
        table: MappedTable,
        row: TableRow,
        key: str,
        what: str,
        blank: str = "requires it",
        words: tuple[str, ...] = (NOT_APPLICABLE, UNDISCLOSED),
    ) -> tuple[Amount, Diagnostic | None]:
        """A cell of an integer column as the validator reads it, and the finding about it, if any.
        Only text the validator cannot read is an error; the rest is what the schema asks for
        beyond it, a warning: no blank (``blank`` gives the schema's words), and a number or one
        of ``words`` written exactly."""
        cell = amount(table.value(row, key))
        accepted = f"the publication validator accepts it (as {cell.read_as})"
        if cell.invalid:
            return cell, self.at(table, row, key, f"the {what} {cell.text!r} is not a number, N/A or N/D")
        if cell.reading == "blank":
            message = f"the {what} is blank: the organogram schema {blank}, {accepted}"
        elif cell.value is not None or cell.text in words:
            return cell, None
        elif cell.read_as in words:
            message = f"the {what} is {cell.text!r}: the organogram schema writes {cell.read_as}, {accepted}"
        else:
            message = f"the {what} is {cell.text!r}: the organogram schema asks for a number, {accepted}"
        return cell, self.at(table, row, key, message, at_most=SCHEMA_ONLY)

    def schema_asks(self, table: MappedTable, row: TableRow, key: str, message: str) -> Diagnostic:
        """A finding on one cell for what only the organogram schema's text asks for: at most a
        warning, and ``message`` (what the cell is, what the schema asks) goes on to say that the
        publication validator accepts it."""
        return self.at(table, row, key, f"{message}, the publication validator accepts it", at_most=SCHEMA_ONLY)

    def range_reversed(
        self,
        table: MappedTable,
        row: TableRow,
        key: str,
        bounds: tuple[float | None, float | None],
        names: tuple[str, str],
        asks: str,
    ) -> Iterator[Diagnostic]:
        """A schema-only finding on the ``key`` cell when a range's top is below its bottom:
        ``bounds`` (bottom, top) are the amounts and ``names`` (top, bottom) what the message calls
        them; ``asks`` is what the schema asks for."""
        low, high = bounds
        if low is not None and high is not None and low > high:
            top, bottom = names
            message = f"the {top} £{high:,.0f} is below the {bottom} £{low:,.0f}: the organogram schema asks for {asks}"
            yield self.schema_asks(table, row, key, message)

    def at(
        self,
        table: MappedTable,
        row: TableRow,
        key: str,
        message: str,
        post: str | None = None,
        at_most: Severity | None = None,
        fix: str = "",
    ) -> Diagnostic:
        """A finding on one cell, about the row's post. ``at_most`` caps its severity (a warning
        where only the schema's text asks for more than the validator); ``fix``, if given, is this
        finding's own advice instead of the rule's."""
        if post is None:
            reference = table.value(row, "reference") if "reference" in table.columns else junior_post_id(table, row)
            post = reference if reference and reference != NOT_IN_POST else None
        return self.finding(table.span(row, key), message, post=post, at_most=at_most, fix=fix)


def _is_row(table: MappedTable, row: TableRow, first: str, second: str) -> bool:
    """The validator drops a row whose first two cells are both blank."""
    return bool(table.value(row, first) or table.value(row, second))


def senior_rows(organogram: Organogram) -> Iterator[tuple[MappedTable, TableRow]]:
    """The senior table's rows, as the validator counts them."""
    table = organogram.senior
    if table is not None:
        for row in table.rows:
            if _is_row(table, row, "reference", "name"):
                yield table, row


def posts(organogram: Organogram) -> Iterator[tuple[MappedTable, TableRow, str]]:
    """The senior rows the validator checks cell by cell (those with a reference), with it."""
    for table, row in senior_rows(organogram):
        reference = table.value(row, "reference")
        if reference:
            yield table, row, reference


def junior_rows(organogram: Organogram) -> Iterator[tuple[MappedTable, TableRow]]:
    """The junior table's rows, as the validator counts them."""
    table = organogram.junior
    if table is not None:
        # the validator's first two columns: Parent Department and Organisation in its template,
        # Organisation and Unit in a table without a Parent Department column
        first, second = ("parent", "organisation") if "parent" in table.columns else ("organisation", "unit")
        for row in table.rows:
            if _is_row(table, row, first, second):
                yield table, row


def live(table: MappedTable, row: TableRow) -> bool:
    """Not an eliminated post: the rows the validator's tree checks keep."""
    return table.value(row, "name") != ELIMINATED


def tops(organogram: Organogram) -> list[tuple[MappedTable, TableRow]]:
    """The senior rows that report to XX (or xx), eliminated or not."""
    return [(table, row) for table, row in senior_rows(organogram) if table.value(row, "reports_to") in TOPS]


def has_top(organogram: Organogram) -> bool:
    """Whether a live post reports to XX: without one, the validator stops before its other tree checks."""
    return any(live(table, row) for table, row in tops(organogram))


class References:
    """The senior references as the validator's tree checks see them: those of live rows (an
    Eliminated row is set aside, so a reference with an Eliminated and a live row is live)."""

    def __init__(self, organogram: Organogram) -> None:
        self.rows = list(posts(organogram))
        self.live = {reference for table, row, reference in self.rows if live(table, row)}
        self.eliminated = {reference for _, _, reference in self.rows} - self.live

    @cached_property
    def by_case(self) -> dict[str, str]:
        """The live references by their case-folded text (for "did you mean")."""
        return {reference.casefold(): reference for reference in sorted(self.live)}

    def unknown(self, reference: str) -> str | None:
        """Why ``reference`` names no live senior post, or None when it names one."""
        if reference in self.live:
            return None
        if reference in self.eliminated:
            return f"{reference!r} is an eliminated post: report to the post that replaced it"
        near = self.by_case.get(reference.casefold())
        hint = f" (did you mean {near!r}? references are compared case by case)" if near else ""
        return f"{reference!r} is not the reference of any senior post{hint}"
