"""What the official publication validator rejects in a published organogram pair, worked out
from the rows with the csv module alone: an independent, plainly written statement of the
validator's checks (``etl_to_csv.py`` in the public ``datagovuk/organograms`` repository, at its
strictest level), to compare orglint with. It imports nothing from orglint.

``validator_errors(senior_csv, junior_csv)`` gives, for each check, the cells the validator
rejects: ``{check: {(file name, row, column)}}``, rows numbered as a spreadsheet numbers them
(the header is row 1), columns from 1. A rejection of the whole file (no top post) is placed at
the header cell of the column concerned. ``ORGLINT_CODE`` names the orglint rule that makes each
check.

The files are the CSVs of ``data/dgu/csv-from-triplestore``: the validator's own output format,
with the Total Pay column blanked (header ``""``) and ``URI``, ``source_file``, ``source_line``
columns added. Where the validator is buggy or silent, the lead's decisions (see the README's
list of remaining differences) are followed and marked "decision" below.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ORGLINT_CODE = {
    "reference": "T101",
    "duplicate-reference": "T102",
    "reports-to": "T103",
    "reports-to-unknown": "T103",
    "no-top-post": "T104",
    "reports-to-self": "T105",
    "grade": "T106",
    "name": "T107",
    "title-not-in-post": "T108",
    "function-not-in-post": "T108",
    "unit-not-in-post": "T108",
    "organisation": "T109",
    "unit": "T109",
    "phone": "T110",
    "email": "T110",
    "no-contact": "T110",
    "pay": "T111",
    "junior-reports-to": "T113",
    "junior-payscale": "T115",
    "title-or-function-blank": "T116",
    "cost-of-reports": "T117",
}

GRADES = {"scs4", "scs3", "scs2", "scs1a", "scs1", "of-9", "of-8", "of-7", "of-6"}
REFERENCE_FORBIDDEN = set("¬!\"£$%^&()+={}[]:;@'#<>,.\\/")
VACANT_OR_ELIMINATED = {"Vacant", "VACANT", "vacant", "Eliminated", "ELIMINATED", "eliminated"}
JOB_SHARE_MAY_DIFFER = {
    "Name",
    "Actual Pay Floor (£)",
    "Actual Pay Ceiling (£)",
    "Contact Phone",
    "Contact E-mail",
    "Notes",
    "FTE",
}
NOT_TEMPLATE = {"", "Total Pay (£)", "URI", "source_file", "source_line"}
"""CSV columns the validator's template does not compare (Total Pay is blank in every row)."""
INVALID = "invalid"


def read(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows (spreadsheet row number, cells by header), cells stripped. The
    validator drops a row whose first two cells are both blank."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    header = [name.strip() for name in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        cells = {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}
        if cells[header[0]] or cells[header[1]]:
            rows.append((number, cells))
    return header, rows


def amount(text: str) -> float | None:
    """A cell's number (the CSVs may write "£" and thousands commas), or None."""
    try:
        value = float(text.replace("£", "").replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def integer_cell(text: str) -> object:
    """What the validator makes of a cell of an integer column: a blank is N/A, a number is
    itself, text whose letters are N A or N D is N/A or N/D, anything else is INVALID."""
    if text == "":
        return "N/A"
    value = amount(text)
    if value is not None:
        return value
    letters = re.sub("[^A-Z]", "", text.upper())
    return {"NA": "N/A", "ND": "N/D"}.get(letters, INVALID)


Cell = tuple[str, int, int]
"""(file name, row, column)."""
Reject = Callable[[str, int, str], None]
"""Record that a check rejects the cell of a row (by its number) and column (by its header)."""


def validator_errors(senior_csv: Path, junior_csv: Path | None = None) -> dict[str, set[Cell]]:
    """For each check, the cells the validator rejects in the pair."""
    errors: dict[str, set[Cell]] = defaultdict(set)
    header, rows = read(senior_csv)
    column = {name: index + 1 for index, name in enumerate(header)}
    if "Grade" in column and "Grade (or equivalent)" not in column:
        column["Grade (or equivalent)"] = column["Grade"]

    def reject(check: str, number: int, name: str) -> None:
        errors[check].add((senior_csv.name, number, column[name]))

    references = {cells["Post Unique Reference"] for _, cells in rows}
    for number, cells in rows:
        _senior_row(number, cells, references, reject)

    # the graph checks: Eliminated rows set aside, job-share rows merged
    live = [(number, cells) for number, cells in rows if cells["Name"] != "Eliminated"]
    compared = [name for name in header if name not in NOT_TEMPLATE and name not in JOB_SHARE_MAY_DIFFER]
    kept, seen = [], set()
    for number, cells in live:
        key = tuple(_compared_value(name, cells[name]) for name in compared)
        if key not in seen:
            seen.add(key)
            kept.append((number, cells))
    first: dict[str, tuple[int, dict[str, str]]] = {}
    for number, cells in kept:
        reference = cells["Post Unique Reference"]
        if reference in first and reference not in ("XX", "xx", "0"):
            # decision: where one of the two rows is an eliminated post its name's spelling keeps
            # live ("'Eliminated'", "eliminated"), the mistake is that name, and it is placed there
            meant_eliminated = [
                (row, row_cells)
                for row, row_cells in (first[reference], (number, cells))
                if row_cells["Name"].strip("'\"").casefold() == "eliminated"
            ]
            if meant_eliminated:
                reject("duplicate-reference", meant_eliminated[0][0], "Name")
            else:
                reject("duplicate-reference", number, "Post Unique Reference")
        first.setdefault(reference, (number, cells))
    has_top = any(cells["Reports to Senior Post"] in ("XX", "xx") for _, cells in live)
    if not has_top:
        errors["no-top-post"].add((senior_csv.name, 1, column["Reports to Senior Post"]))
    for number, cells in kept:  # the tree is only walked from a top post (no top: fatal, nothing more)
        if has_top and cells["Reports to Senior Post"] == cells["Post Unique Reference"]:
            reject("reports-to-self", number, "Reports to Senior Post")
    live_references = {cells["Post Unique Reference"] for _, cells in live}
    for number, cells in live:
        manager = cells["Reports to Senior Post"]
        if manager and manager not in live_references | {"XX", "xx"}:
            reject("reports-to-unknown", number, "Reports to Senior Post")

    if junior_csv is not None:
        junior_header, junior = read(junior_csv)
        junior_column = {name: index + 1 for index, name in enumerate(junior_header)}
        for number, cells in junior:
            for name in ("Payscale Minimum (£)", "Payscale Maximum (£)"):
                if integer_cell(cells[name]) is INVALID:
                    errors["junior-payscale"].add((junior_csv.name, number, junior_column[name]))
            if cells["Reporting Senior Post"] not in live_references:  # a blank too
                errors["junior-reports-to"].add((junior_csv.name, number, junior_column["Reporting Senior Post"]))
    return dict(errors)


def _compared_value(name: str, text: str) -> object:
    if name == "Salary Cost of Reports (£)":
        value = integer_cell(text)
        return round(value) if isinstance(value, float) else value
    return text


def _senior_row(number: int, cells: dict[str, str], references: set[str], reject: Reject) -> None:
    """The validator's checks of one senior row's cells."""
    a, b = cells["Post Unique Reference"], cells["Name"]
    for name, check in (
        ("Actual Pay Floor (£)", "pay"),
        ("Actual Pay Ceiling (£)", "pay"),
        ("Salary Cost of Reports (£)", "cost-of-reports"),
    ):
        if integer_cell(cells[name]) is INVALID:
            reject(check, number, name)
    if not a:
        # decision: the in-sheet formula rejects a blank reference on a row with other cells
        # (the Python port forgets it); the row's other checks only run for a given reference
        reject("reference", number, "Post Unique Reference")
        return
    if "XX" in a or " " in a or REFERENCE_FORBIDDEN & set(a):
        reject("reference", number, "Post Unique Reference")
    zero = a == "0"

    # Name. Decision: the CSVs have no Total Pay, so the pay is the pay floor and ceiling; a
    # cell the validator cannot read counts as 0, as the validator's loader makes it
    pay = [integer_cell(cells[name]) for name in ("Actual Pay Floor (£)", "Actual Pay Ceiling (£)")]
    pay = [0.0 if value is INVALID else value for value in pay]
    positive = any(isinstance(value, float) and value > 0 for value in pay)
    unpaid = all(isinstance(value, float) and value <= 0 for value in pay)
    named_wrongly = b == "" or (b == "N/A" and not unpaid) or (b == "N/D" and positive)
    if (b != "N/D") if zero else named_wrongly:
        reject("name", number, "Name")

    grade_column = "Grade (or equivalent)" if "Grade (or equivalent)" in cells else "Grade"
    if cells[grade_column].lower() not in GRADES:
        reject("grade", number, grade_column)

    title, function = cells["Job Title"], cells["Job/Team Function"]
    for name, text in (("Job Title", title), ("Job/Team Function", function)):
        if text == "":
            reject("title-or-function-blank", number, name)
    if title not in ("", "N/D") and (title != "Not in post" if zero else title == "Not in post"):
        reject("title-not-in-post", number, "Job Title")
    # decision: for reference 0 the validator means "N/A" (it compares the text "0" with the
    # number 0, so as written it never applies the reference-0 branch)
    if function not in ("", "N/D") and (function != "N/A" if zero else function == "N/A"):
        reject("function-not-in-post", number, "Job/Team Function")

    if cells["Organisation"] in ("", "N/D"):
        reject("organisation", number, "Organisation")
    unit = cells["Unit"]
    if unit in ("", "N/D"):
        reject("unit", number, "Unit")
    elif unit != "N/A" if zero else unit == "N/A":
        reject("unit-not-in-post", number, "Unit")

    phone, email = cells["Contact Phone"], cells["Contact E-mail"]
    exempt = zero or b in VACANT_OR_ELIMINATED
    both_withheld = phone == "N/D" and email == "N/D"
    if phone == "":
        reject("phone", number, "Contact Phone")
    elif both_withheld:
        # the validator says so in both cells: one problem, placed at the phone
        reject("no-contact", number, "Contact Phone")
    elif phone != "N/A" if exempt else phone == "N/A":
        reject("phone", number, "Contact Phone")
    if not both_withheld and not (exempt and email == "N/A"):
        address = "@" in email and "." in email
        if email in ("", "N/A") or (email != "N/D" and not address):
            reject("email", number, "Contact E-mail")

    manager = cells["Reports to Senior Post"]
    known = manager == "XX" or manager.lower() in {reference.lower() for reference in references}
    if not known:  # a blank too
        reject("reports-to", number, "Reports to Senior Post")
