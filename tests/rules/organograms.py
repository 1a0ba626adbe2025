"""Organograms for the organogram (T) rules' tests: a clean senior staff table (a chief executive
and three directors, on rows 2 to 5) and junior staff table, written as the data.gov.uk CSV
files, with helpers to change a cell or add a row. Findings point at cells: columns A
(reference) to M (pay ceiling) in the senior table, A (organisation) to H (FTE) in the junior."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from orglint.diagnostics import Diagnostic
from orglint.testing import Found, RuleTester

SENIOR, JUNIOR = "example-senior.csv", "example-junior.csv"

SENIOR_COLUMNS = {
    "reference": "Post Unique Reference",
    "name": "Name",
    "grade": "Grade (or equivalent)",
    "title": "Job Title",
    "function": "Job/Team Function",
    "organisation": "Organisation",
    "unit": "Unit",
    "phone": "Contact Phone",
    "email": "Contact E-mail",
    "reports_to": "Reports to Senior Post",
    "fte": "FTE",
    "pay_floor": "Actual Pay Floor (£)",
    "pay_ceiling": "Actual Pay Ceiling (£)",
}
COST_OF_REPORTS = "Salary Cost of Reports (£)"
JUNIOR_COLUMNS = {
    "organisation": "Organisation",
    "unit": "Unit",
    "reports_to": "Reporting Senior Post",
    "grade": "Grade",
    "pay_min": "Payscale Minimum (£)",
    "pay_max": "Payscale Maximum (£)",
    "title": "Generic Job Title",
    "fte": "Number of Posts in FTE",
}


def post(reference: str, reports_to: str = "CEO", **cells: str) -> dict[str, str]:
    """A senior row: a director reporting to the chief executive unless ``cells`` say otherwise."""
    return {
        "reference": reference,
        "name": "Sam Jones",
        "grade": "SCS2",
        "title": "Director",
        "function": "Runs a directorate",
        "organisation": "Example Agency",
        "unit": "Operations",
        "phone": "0300 123 4567",
        "email": "director@example.gov.uk",
        "reports_to": reports_to,
        "fte": "1",
        "pay_floor": "100000",
        "pay_ceiling": "104999",
        **cells,
    }


def team(reports_to: str = "DIR-A", **cells: str) -> dict[str, str]:
    """A junior row: a team of four under ``reports_to``."""
    return {
        "organisation": "Example Agency",
        "unit": "Operations",
        "reports_to": reports_to,
        "grade": "HEO",
        "pay_min": "30000",
        "pay_max": "36000",
        "title": "Operations Manager",
        "fte": "4",
        **cells,
    }


POSTS = [
    post("CEO", "XX", name="Jane Smith", grade="SCS3", title="Chief Executive", pay_floor="150000", pay_ceiling="154999"),
    post("DIR-A"),
    post("DIR-B"),
    post("DIR-C"),
]
TEAMS = [team("DIR-A"), team("DIR-B", grade="SEO", title="Policy Adviser", fte="2.5")]


def _csv(columns: dict[str, str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns.values())
    writer.writerows([row.get(key, "") for key in columns] for row in rows)
    return out.getvalue()


def senior(*extra: dict[str, str], changes: dict[str, dict[str, str]] | None = None, cost_of_reports: bool = False) -> str:
    """The clean senior table with ``changes`` (cells by reference) and ``extra`` rows after it."""
    rows = [{**row, **(changes or {}).get(row["reference"], {})} for row in POSTS] + list(extra)
    columns = {**SENIOR_COLUMNS, "cost_of_reports": COST_OF_REPORTS} if cost_of_reports else SENIOR_COLUMNS
    if cost_of_reports:
        rows = [{"cost_of_reports": "0", **row} for row in rows]
    return _csv(columns, rows)


def junior(*rows: dict[str, str]) -> str:
    return _csv(JUNIOR_COLUMNS, list(rows))


def lint(
    rule: RuleTester, folder: Path, senior_table: str, junior_table: str | None = None, *, alone: bool = True
) -> list[Diagnostic]:
    files = {JUNIOR: junior_table} if junior_table is not None else None
    return rule.lint(folder, senior_table, files, kind="fail" if alone else "pass", filename=SENIOR)


def found(
    rule: RuleTester, folder: Path, senior_table: str, junior_table: str | None = None, *, alone: bool = True
) -> list[Found]:
    """Every finding, as ``Found`` (its ``where`` the cell, such as ``"K3"``)."""
    return [Found.of(d) for d in lint(rule, folder, senior_table, junior_table, alone=alone)]
