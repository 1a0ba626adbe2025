"""UK government organograms (data.gov.uk): a senior staff table and a junior staff table, as
CSV files (``...-senior.csv`` with ``...-junior.csv`` beside it) or as the sheets of the official
workbook. Headers are matched loosely (case, spacing, "(£)"), older names are accepted, and
columns the template does not know (an index, ``URI``, ``source_file``) are ignored."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orglint.diagnostics import Diagnostic, Span
from orglint.load.input_findings import invalid_structure, invalid_yaml
from orglint.load.perimeter import leaves_its_project
from orglint.load.source import Limits, LoadProblem, SourceFile, is_workbook
from orglint.load.table import MappedTable, Table, normalise_header, read_csv, read_xlsx

SENIOR_SHEET, JUNIOR_SHEET = "(final data) senior-staff", "(final data) junior-staff"


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]
    """The header as the template writes it, then older or looser names."""
    required: bool = True


SENIOR_COLUMNS = (
    Column("reference", ("Post Unique Reference",)),
    Column("name", ("Name",)),
    Column("grade", ("Grade (or equivalent)", "Grade")),
    Column("title", ("Job Title",)),
    Column("function", ("Job/Team Function",)),
    Column("parent", ("Parent Department",), required=False),
    Column("organisation", ("Organisation",)),
    Column("unit", ("Unit",)),
    Column("phone", ("Contact Phone",)),
    Column("email", ("Contact E-mail", "Contact Email")),
    Column("reports_to", ("Reports to Senior Post",)),
    Column("cost_of_reports", ("Salary Cost of Reports (£)",), required=False),
    Column("fte", ("FTE",)),
    Column("pay_floor", ("Actual Pay Floor (£)",)),
    Column("pay_ceiling", ("Actual Pay Ceiling (£)",)),
    Column("group", ("Professional/Occupational Group",), required=False),
    Column("notes", ("Notes",), required=False),
    Column("valid", ("Valid?",), required=False),
)
JUNIOR_COLUMNS = (
    Column("parent", ("Parent Department",), required=False),
    Column("organisation", ("Organisation",)),
    Column("unit", ("Unit",)),
    Column("reports_to", ("Reporting Senior Post",)),
    Column("grade", ("Grade",)),
    Column("pay_min", ("Payscale Minimum (£)",)),
    Column("pay_max", ("Payscale Maximum (£)",)),
    Column("title", ("Generic Job Title",)),
    Column("fte", ("Number of Posts in FTE",)),
    Column("group", ("Professional/Occupational Group",), required=False),
)


@dataclass
class Organogram:
    source: SourceFile
    """The file named (the senior table's, or the workbook)."""
    senior: MappedTable | None = None
    junior: MappedTable | None = None
    findings: list[Diagnostic] = field(default_factory=list)

    @property
    def sources(self) -> list[SourceFile]:
        tables = [t.table.source for t in (self.senior, self.junior) if t is not None]
        unique = {source.display: source for source in reversed([self.source, *tables])}  # one per file, the first kept
        return list(reversed(unique.values()))


def twin(path: Path, table: str, other: str) -> Path | None:
    """The name of the other table of a pair: ``x-senior.csv`` → ``x-junior.csv`` for ("senior",
    "junior"), and back (the word in any case); None if ``path`` is not named so."""
    stem = path.stem
    index = stem.casefold().rfind(table)
    if index < 0:
        return None
    return path.with_name(f"{stem[:index]}{other}{stem[index + len(table) :]}{path.suffix}")


def table_beside(path: Path, table: str, other: str) -> Path | None:
    """The other table of a pair, when it exists (and is not a link out, which is not read)."""
    candidate = twin(path, table, other)
    return candidate if candidate is not None and candidate.is_file() and not leaves_its_project(candidate) else None


def junior_beside(senior: Path) -> Path | None:
    return table_beside(senior, "senior", "junior")


def _columns(table: Table, expected: tuple[Column, ...], what: str) -> tuple[dict[str, int], list[Diagnostic]]:
    positions: dict[str, int] = {}
    by_name = {normalise_header(column_name): column for column in expected for column_name in column.names}
    for index, heading in enumerate(table.header):
        column = by_name.get(normalise_header(heading))
        if column is not None and column.key not in positions:
            positions[column.key] = index
    missing = [column.names[0] for column in expected if column.required and column.key not in positions]
    if not missing:
        return positions, []
    names = ", ".join(repr(name) for name in missing)
    message = (
        f"the {what} table has no {names} column{'s' if len(missing) > 1 else ''} "
        f"(an organogram's {what} columns are: {', '.join(column.names[0] for column in expected)})"
    )
    return positions, [invalid_structure(message, table.header_span())]


def _table(table: Table, expected: tuple[Column, ...], what: str, organogram: Organogram) -> MappedTable | None:
    columns, findings = _columns(table, expected, what)
    organogram.findings.extend(findings)
    return None if findings else MappedTable(table, columns)


def load_organogram(path: Path, junior: Path | None = None, limits: Limits | None = None) -> Organogram:
    """Read an organogram named by its senior CSV (the junior CSV found beside it, or given) or
    by its workbook. Faults are findings; a table with a missing column is left out."""
    organogram = Organogram(SourceFile(path))
    if is_workbook(path):
        try:
            sheets = read_xlsx(path, [SENIOR_SHEET, JUNIOR_SHEET], limits)
        except LoadProblem as problem:
            organogram.findings.append(invalid_yaml(organogram.source, problem))
            return organogram
        if SENIOR_SHEET not in sheets:
            organogram.findings.append(
                invalid_structure(
                    f"the workbook has no {SENIOR_SHEET!r} sheet (an organogram workbook has "
                    f"{SENIOR_SHEET!r} and {JUNIOR_SHEET!r})",
                    Span.start_of(organogram.source.display),
                )
            )
            return organogram
        for table in sheets.values():
            table.source = organogram.source
        organogram.senior = _table(sheets[SENIOR_SHEET], SENIOR_COLUMNS, "senior staff", organogram)
        if JUNIOR_SHEET in sheets:
            organogram.junior = _table(sheets[JUNIOR_SHEET], JUNIOR_COLUMNS, "junior staff", organogram)
        return organogram
    try:
        organogram.senior = _table(read_csv(path, limits), SENIOR_COLUMNS, "senior staff", organogram)
    except LoadProblem as problem:
        organogram.findings.append(invalid_yaml(organogram.source, problem))
        return organogram
    junior = junior or junior_beside(path)
    if junior is not None:
        try:
            organogram.junior = _table(read_csv(junior, limits), JUNIOR_COLUMNS, "junior staff", organogram)
        except LoadProblem as problem:
            organogram.findings.append(invalid_yaml(SourceFile(junior), problem))
    return organogram
