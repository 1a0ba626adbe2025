"""A manager's own spreadsheet of posts (CSV, or a sheet of an XLSX workbook), one row per post,
its columns mapped to the structure format by ``[tool.orglint.spreadsheet]`` in the config:

```toml
[tool.orglint.spreadsheet]
organisation = "Example Shire County Council"
council-type = "county"
sheet = "Posts"                  # XLSX only; default: the first sheet
[tool.orglint.spreadsheet.columns]
id = "Post number"
title = "Job title"
reports_to = "Line manager"
```
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from orglint.diagnostics import Diagnostic, Span
from orglint.load.input_findings import invalid_structure, invalid_yaml
from orglint.load.source import Limits, LoadProblem, SourceFile, is_workbook
from orglint.load.spreadsheet_settings import SpreadsheetSettings
from orglint.load.table import HeaderTest, MappedTable, Table, normalise_header, read_csv, read_xlsx, sheet_names
from orglint.suggest import closest, did_you_mean

LEGACY_LISTS = frozenset({"designations", "qualifications", "responsibilities"})
LEGACY_DATES = frozenset({"evaluation.date"})
AMOUNTS = frozenset({"salary.min", "salary.max"})


def field_path(key: str) -> str:
    """A ``[tool.orglint.spreadsheet.columns]`` key as the field's dotted path (``salary_min``: ``salary.min``)."""
    for record in ("salary", "contact", "evaluation"):
        if key.startswith(record + "_"):
            return f"{record}.{key.removeprefix(record + '_')}"
    return key


@dataclass
class Spreadsheet:
    """A spreadsheet of posts: one table (``[tool.orglint.spreadsheet]``'s mapping) or a structure
    workbook (``orglint.load.workbook``: a table per sheet of the layout, by its name)."""

    source: SourceFile
    settings: SpreadsheetSettings | None
    table: MappedTable | None = None
    findings: list[Diagnostic] = field(default_factory=list)
    sheets: dict[str, MappedTable] = field(default_factory=dict)
    """A structure workbook's tables other than Posts (``table``), by the layout's sheet name."""


def _mapped_header(settings: SpreadsheetSettings) -> HeaderTest:
    """The header is the first row holding the mapped id and title columns: title rows above it
    are skipped (with no such row, the first row is the header, and says what it lacks)."""
    wanted = {normalise_header(settings.columns.id), normalise_header(settings.columns.title)}

    def is_header(_: str, cells: list[str]) -> bool:
        return wanted <= {normalise_header(cell) for cell in cells}

    return is_header


def load_spreadsheet(path: Path, settings: SpreadsheetSettings, limits: Limits | None = None) -> Spreadsheet:
    spreadsheet = Spreadsheet(SourceFile(path), settings)
    try:
        if is_workbook(path):
            names = sheet_names(path, limits)
            wanted = settings.sheet or (names[0] if names else "")
            tables = read_xlsx(path, [wanted], limits, is_header=_mapped_header(settings))
            if wanted not in tables:
                spreadsheet.findings.append(
                    invalid_structure(
                        f"the workbook has no sheet {wanted!r} (its sheets: {', '.join(names)})",
                        Span.start_of(spreadsheet.source.display),
                    )
                )
                return spreadsheet
            table: Table = tables[wanted]
            table.source = spreadsheet.source
        else:
            table = read_csv(path, limits, is_header=_mapped_header(settings))
    except LoadProblem as problem:
        spreadsheet.findings.append(invalid_yaml(spreadsheet.source, problem))
        return spreadsheet
    headers = {normalise_header(heading): index for index, heading in enumerate(table.header)}
    columns: dict[str, int] = {}
    missing = []
    for key, heading in settings.columns.model_dump(exclude_none=True).items():
        index = headers.get(normalise_header(heading))
        if index is None:
            missing.append(heading)
        else:
            columns[field_path(key)] = index
    if missing:
        listed = ", ".join(repr(name) for name in missing)
        spreadsheet.findings.append(
            invalid_structure(
                f"no {listed} column{'s' if len(missing) > 1 else ''}, which [tool.orglint.spreadsheet.columns] maps "
                f"(the header has: {', '.join(h for h in table.header if h.strip())})",
                table.header_span(),
            )
        )
        return spreadsheet
    spreadsheet.table = MappedTable(table, columns, LEGACY_LISTS, LEGACY_DATES, AMOUNTS, commas=True)
    return spreadsheet


def unknown_department_kinds(settings: SpreadsheetSettings, departments: Iterable[str], display: str) -> list[Diagnostic]:
    """X002 for each name of ``[spreadsheet.department-kinds]`` that is no post's department in the
    spreadsheet shown as ``display`` (``departments``: the names its department column writes) but
    is close to one: a misspelling, whose kind would be given to no department, leaving the one
    meant a service department without a word. A name like none of them is left alone: one
    configuration may serve several spreadsheets (the structure and a proposal that merges a
    department away), and an input finding cannot be switched off. Each finding is at the name in
    the configuration file (at the spreadsheet's start for settings made without one)."""
    known = sorted(set(departments))
    findings = []
    for name in settings.department_kinds:
        meant = closest(name, known) if name not in known else None
        if meant is None:
            continue
        message = (
            f"[spreadsheet.department-kinds] names {name!r}, which is no post's department in {display}{did_you_mean(meant)}"
        )
        findings.append(invalid_structure(message, settings.department_kind_span(name) or Span.start_of(display)))
    return findings
