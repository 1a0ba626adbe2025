"""Issue 17: the T rules give the official publication validator's verdicts, check by check, on
the real organograms of tests/data/organograms. What the validator rejects is worked out from the
rows by tests/organogram_oracle.py (the csv module only); the warnings, where only the schema's
text asks for more, are worked out here the same way. Neither reads orglint's output.

Where the real files show no case of a check, the test takes a real pair and changes the cells it
names (``variant``), and works out the verdict from the changed rows just the same."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, check_json
from tests.organogram_oracle import ORGLINT_CODE, Cell, amount, integer_cell, read, validator_errors

pytestmark = pytest.mark.slow  # the published organograms, file by file

DATA = REPO / "tests" / "data" / "organograms"
PAIRS = sorted(path.name.removesuffix("-senior.csv") for path in DATA.glob("*-senior.csv"))
ACAS = "advisory_conciliation_and_arbitration_service-2011-09-30"
APA = "asset_protection_agency-2012-03-31"
DCMS_EMPTY = "department_for_culture_media_and_sport-2011-03-31"
DCMS = "department_for_culture_media_and_sport-2011-09-30"
EA = "environment_agency-2011-03-31"
HCA = "homes_and_communities_agency-2011-03-31"
MOD = "ministry_of_defence-2012-03-31"
PINS = "planning_inspectorate-2011-09-30"
UKHO = "united_kingdom_hydrographic_office-2015-03-31"

Findings = dict[str, Any]


class Linted:
    """A pair linted once by the whole uk-organogram ruleset, with the validator's verdict."""

    def __init__(self, folder: Path, name: str) -> None:
        self.senior, self.junior = folder / f"{name}-senior.csv", folder / f"{name}-junior.csv"
        _, self.document = check_json(str(self.senior))
        self.rejected = validator_errors(self.senior, self.junior)
        self.tables = {"senior": read(self.senior), "junior": read(self.junior)}

    def cells(self, code: str, severity: str) -> set[Cell]:
        return {
            (Path(d["file"]).name, d["line"], d["column"])
            for d in self.document["diagnostics"]
            if d["code"] == code and d["severity"] == severity
        }

    def errors(self, code: str) -> set[Cell]:
        return self.cells(code, "error")

    def warnings(self, code: str) -> set[Cell]:
        return self.cells(code, "warning")

    def expected(self, code: str) -> set[Cell]:
        """The cells the validator rejects in the checks orglint's ``code`` makes."""
        return {cell for check, cells in self.rejected.items() if ORGLINT_CODE[check] == code for cell in cells}

    def messages(self, code: str) -> list[str]:
        return [d["message"] for d in self.document["diagnostics"] if d["code"] == code]

    def senior_rows(self) -> list[tuple[int, dict[str, str]]]:
        return self.tables["senior"][1]

    def junior_rows(self) -> list[tuple[int, dict[str, str]]]:
        return self.tables["junior"][1]

    def at(self, table: str, row: int, header: str) -> Cell:
        path = self.senior if table == "senior" else self.junior
        return (path.name, row, self.tables[table][0].index(header) + 1)


@pytest.fixture(scope="module")
def linted() -> Callable[[str], Linted]:
    """Each real pair linted once for the module, when a test first asks for it."""
    done: dict[str, Linted] = {}

    def get(name: str) -> Linted:
        if name not in done:
            done[name] = Linted(DATA, name)
        return done[name]

    return get


def variant(folder: Path, name: str, edits: dict[tuple[str, int, str], str]) -> Linted:
    """The real pair ``name`` copied into ``folder`` with the cells (table, row, header) changed, linted."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in ("senior", "junior"):
        source, target = DATA / f"{name}-{table}.csv", folder / f"{name}-{table}.csv"
        changes = {(row, header): value for (which, row, header), value in edits.items() if which == table}
        if not changes:
            shutil.copyfile(source, target)
            continue
        with source.open(encoding="utf-8", newline="") as handle:
            records = list(csv.reader(handle))
        for (row, header), value in changes.items():
            records[row - 1][records[0].index(header)] = value
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(records)
    return Linted(folder, name)


def no_pay(text: str) -> bool:
    """A pay cell holding a number no more than 0."""
    value = amount(text)
    return value is not None and value <= 0


# T107: names


@pytest.mark.parametrize("name", PAIRS)
def test_names_are_judged_as_the_validator_judges_them(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    warned = set()
    for row, cells in pair.senior_rows():
        given, pay = cells["Name"], [cells["Actual Pay Floor (£)"], cells["Actual Pay Ceiling (£)"]]
        if cells["Post Unique Reference"] in ("", "0"):
            continue
        numbers = [amount(text) for text in pay]
        nd_with_pay_zero = given == "N/D" and any(v is not None for v in numbers) and not any(v and v > 0 for v in numbers)
        loose = given not in ("N/D", "N/A") and given.upper() in ("N/D", "N/A")
        if nd_with_pay_zero or loose or (given == "N/A" and all(no_pay(text) for text in pay)):
            warned.add(pair.at("senior", row, "Name"))
    assert pair.errors("T107") == pair.expected("T107")
    assert pair.warnings("T107") == warned
    if name == APA:  # N/D names of posts paid 0: the validator accepts them, the schema's text does not
        assert not pair.errors("T107") and len(pair.warnings("T107")) == 9
    if name == UKHO:  # lower-case n/d is a name to the validator
        assert not pair.errors("T107") and len(pair.warnings("T107")) == 4
    if name == DCMS:  # the reference-0 row is named N/D, as it must be
        (zero,) = [row for row, cells in pair.senior_rows() if cells["Post Unique Reference"] == "0"]
        assert pair.at("senior", zero, "Name") not in pair.errors("T107")


def test_a_reference_0_row_must_be_named_exactly_nd(tmp_path: Path) -> None:
    pair = variant(tmp_path, DCMS, {("senior", 33, "Name"): "n/d"})
    assert pair.expected("T107") >= {pair.at("senior", 33, "Name")}
    assert pair.errors("T107") == pair.expected("T107")


# T110: contacts


@pytest.mark.parametrize("name", PAIRS)
def test_contacts_are_judged_as_the_validator_judges_them(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T110") == pair.expected("T110")
    if name == ACAS:  # a vacant post's contacts are N/A, as the validator asks
        vacant = [row for row, cells in pair.senior_rows() if cells["Name"] == "Vacant"]
        assert vacant and not pair.errors("T110")
    if name == EA:  # a live post's phone and e-mail are each required: a blank pair is two findings
        rows = {row for _, row, _ in pair.errors("T110")}
        assert len(pair.errors("T110")) == 2 * len(rows) == 24


def test_contacts_both_withheld_are_one_finding_and_an_address_needs_at_and_dot(tmp_path: Path) -> None:
    edits = {("senior", 2, "Contact Phone"): "N/D", ("senior", 2, "Contact E-mail"): "N/D"}
    edits |= {("senior", 3, "Contact E-mail"): "info at planning-inspectorate"}
    edits |= {("senior", 4, "Name"): "Eliminated", ("senior", 4, "Contact Phone"): "N/A", ("senior", 4, "Contact E-mail"): "N/D"}
    pair = variant(tmp_path, PINS, edits)
    assert pair.expected("T110") == {pair.at("senior", 2, "Contact Phone"), pair.at("senior", 3, "Contact E-mail")}
    assert pair.errors("T110") == pair.expected("T110")
    assert len(pair.messages("T110")) == 2


# T111: pay


@pytest.mark.parametrize("name", PAIRS)
def test_pay_text_is_an_error_and_blanks_and_bands_are_warnings(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    warned = set()
    for row, cells in pair.senior_rows():
        floor, ceiling = cells["Actual Pay Floor (£)"], cells["Actual Pay Ceiling (£)"]
        for header, text in (("Actual Pay Floor (£)", floor), ("Actual Pay Ceiling (£)", ceiling)):
            if text == "" or (integer_cell(text) in ("N/A", "N/D") and text not in ("N/A", "N/D")):
                warned.add(pair.at("senior", row, header))
        low, high = amount(floor), amount(ceiling)
        if low is not None and low % 5000:
            warned.add(pair.at("senior", row, "Actual Pay Floor (£)"))
        if (high is not None and high != 0 and (high + 1) % 5000) or (low is not None and high is not None and low > high):
            warned.add(pair.at("senior", row, "Actual Pay Ceiling (£)"))
    assert pair.errors("T111") == pair.expected("T111")
    assert pair.warnings("T111") == warned
    if name == MOD:
        assert len(warned) == 372  # blank pay, which the validator reads as N/A


def test_pay_that_is_text_is_one_finding(tmp_path: Path) -> None:
    pair = variant(
        tmp_path,
        APA,
        {
            ("senior", 3, "Actual Pay Floor (£)"): "tbc",
            ("senior", 3, "Actual Pay Ceiling (£)"): "N/D",
            ("senior", 4, "Actual Pay Ceiling (£)"): "n.a.",
        },
    )
    assert pair.expected("T111") == {pair.at("senior", 3, "Actual Pay Floor (£)")}
    assert pair.errors("T111") == pair.expected("T111")
    assert pair.at("senior", 4, "Actual Pay Ceiling (£)") in pair.warnings("T111")  # read as N/A; the schema writes N/A
    assert not pair.errors("T107") and pair.at("senior", 3, "Name") not in pair.warnings("T107")  # not also a name finding


# T101: references


@pytest.mark.parametrize("name", PAIRS)
def test_references_with_xx_spaces_or_punctuation_are_errors_underscores_warnings(
    name: str, linted: Callable[[str], Linted]
) -> None:
    pair = linted(name)
    rejected = pair.expected("T101")
    warned = {
        pair.at("senior", row, "Post Unique Reference")
        for row, cells in pair.senior_rows()
        if re.search(r"[^A-Za-z0-9-]", cells["Post Unique Reference"])
    } - rejected
    assert pair.errors("T101") == rejected
    assert pair.warnings("T101") == warned
    if name == EA:  # every reference has an underscore, which the validator accepts
        assert not rejected and len(warned) == len(pair.senior_rows()) == 163


def test_xx_anywhere_in_a_reference_is_an_error(tmp_path: Path) -> None:
    pair = variant(tmp_path, HCA, {("senior", 3, "Post Unique Reference"): "HCAXX3"})
    assert pair.at("senior", 3, "Post Unique Reference") in pair.expected("T101")
    assert pair.errors("T101") == pair.expected("T101")


# T108: not in post


@pytest.mark.parametrize("name", PAIRS)
def test_not_in_post_texts_are_compared_exactly(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T108") == pair.expected("T108")
    if name == DCMS:  # "Not In Post" is not "Not in post"
        assert pair.at("senior", 33, "Job Title") in pair.errors("T108")


# T115: junior payscale


@pytest.mark.parametrize("name", PAIRS)
def test_junior_payscale_text_is_an_error(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T115") == pair.expected("T115")


def test_junior_payscale_na_blank_and_reversed_are_warnings(tmp_path: Path) -> None:
    edits = {
        ("junior", 2, "Payscale Minimum (£)"): "N/A",
        ("junior", 3, "Payscale Maximum (£)"): "",
        ("junior", 4, "Payscale Minimum (£)"): "60000",
        ("junior", 5, "Payscale Maximum (£)"): "tbc",
    }
    pair = variant(tmp_path, PINS, edits)
    assert pair.expected("T115") == {pair.at("junior", 5, "Payscale Maximum (£)")}
    assert pair.errors("T115") == pair.expected("T115")
    assert pair.warnings("T115") == {
        pair.at("junior", 2, "Payscale Minimum (£)"),
        pair.at("junior", 3, "Payscale Maximum (£)"),
        pair.at("junior", 4, "Payscale Maximum (£)"),  # the minimum above the maximum
    }


# T113: junior reporting senior post


@pytest.mark.parametrize("name", PAIRS)
def test_junior_rows_report_to_live_senior_posts(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T113") == pair.expected("T113")
    if name == MOD:  # references with an Eliminated row and a live row are live
        seniors = pair.senior_rows()
        eliminated = {cells["Post Unique Reference"] for _, cells in seniors if cells["Name"] == "Eliminated"}
        live = {cells["Post Unique Reference"] for _, cells in seniors if cells["Name"] != "Eliminated"}
        both = eliminated & live
        juniors = [row for row, cells in pair.junior_rows() if cells["Reporting Senior Post"] in both]
        assert both and len(juniors) > 40
        assert not {pair.at("junior", row, "Reporting Senior Post") for row in juniors} & pair.errors("T113")


# T102: duplicate references


@pytest.mark.parametrize("name", PAIRS)
def test_duplicate_references_after_eliminated_rows_and_job_shares(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T102") == pair.expected("T102")
    assert not [m for m in pair.messages("T102") if re.search(r"\brows? \d", m)]  # the row is the location, not the text
    if name == MOD:  # two identical rows under one reference: a job share, one post
        shared = [row for row, cells in pair.senior_rows() if cells["Post Unique Reference"] == "00000043"]
        assert len(shared) == 2 and not {pair.at("senior", row, "Post Unique Reference") for row in shared} & pair.errors("T102")


def test_an_eliminated_row_is_set_aside_before_duplicates_are_looked_for(tmp_path: Path) -> None:
    # row 5 (reference 3, Director of Strategy) takes row 4's reference 2 (Director of Delivery)
    shared = variant(tmp_path / "live", ACAS, {("senior", 5, "Post Unique Reference"): "2"})
    assert shared.expected("T102") == shared.errors("T102") == {shared.at("senior", 5, "Post Unique Reference")}
    eliminated = {
        ("senior", 5, "Name"): "Eliminated",
        ("senior", 5, "Contact Phone"): "N/A",
        ("senior", 5, "Contact E-mail"): "N/A",
    }
    pair = variant(tmp_path / "eliminated", ACAS, {("senior", 5, "Post Unique Reference"): "2", **eliminated})
    assert not pair.expected("T102") and not pair.errors("T102")


# T104: no top post


def test_an_empty_senior_table_has_no_top_post_and_nothing_else(linted: Callable[[str], Linted]) -> None:
    pair = linted(DCMS_EMPTY)
    assert pair.expected("T104") == pair.errors("T104") == {pair.at("senior", 1, "Reports to Senior Post")}
    assert [d["code"] for d in pair.document["diagnostics"]] == ["T104"]


def test_an_eliminated_top_post_is_no_top_post(tmp_path: Path) -> None:
    (top,) = [row for row, cells in read(DATA / f"{HCA}-senior.csv")[1] if cells["Reports to Senior Post"] == "XX"]
    edits = {
        ("senior", top, "Name"): "Eliminated",
        ("senior", top, "Contact Phone"): "N/A",
        ("senior", top, "Contact E-mail"): "N/A",
    }
    pair = variant(tmp_path, HCA, edits)
    assert pair.expected("T104") == pair.errors("T104") == {pair.at("senior", 1, "Reports to Senior Post")}


def test_a_top_post_reporting_to_itself_is_one_finding(tmp_path: Path) -> None:
    (top,) = [row for row, cells in read(DATA / f"{HCA}-senior.csv")[1] if cells["Reports to Senior Post"] == "XX"]
    pair = variant(tmp_path, HCA, {("senior", top, "Reports to Senior Post"): "2J0001"})
    errors = [(d["code"], d["line"], d["column"]) for d in pair.document["diagnostics"] if d["severity"] == "error"]
    assert pair.rejected == {"no-top-post": {pair.at("senior", 1, "Reports to Senior Post")}}  # the validator stops there
    assert errors == [("T104", 1, pair.at("senior", 1, "Reports to Senior Post")[2])]


# T116 and T117: new checks


def test_blank_job_title_or_function_is_an_error(tmp_path: Path) -> None:
    pair = variant(tmp_path, HCA, {("senior", 3, "Job Title"): "", ("senior", 4, "Job/Team Function"): ""})
    assert pair.expected("T116") == {pair.at("senior", 3, "Job Title"), pair.at("senior", 4, "Job/Team Function")}
    assert pair.errors("T116") == pair.expected("T116")


def test_salary_cost_of_reports_text_is_an_error_and_a_blank_a_warning(tmp_path: Path) -> None:
    pair = variant(
        tmp_path, HCA, {("senior", 3, "Salary Cost of Reports (£)"): "see notes", ("senior", 4, "Salary Cost of Reports (£)"): ""}
    )
    assert pair.expected("T117") == {pair.at("senior", 3, "Salary Cost of Reports (£)")}
    assert pair.errors("T117") == pair.expected("T117")
    assert pair.warnings("T117") == {pair.at("senior", 4, "Salary Cost of Reports (£)")}


# T103: reports to


@pytest.mark.parametrize("name", PAIRS)
def test_reports_to_as_the_validator_judges_it(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    assert pair.errors("T103") == pair.expected("T103")


def test_a_reference_differing_only_in_case_is_an_error_that_says_so(tmp_path: Path) -> None:
    assert read(DATA / f"{HCA}-senior.csv")[1][0][1]["Reports to Senior Post"] == "2J0001"
    pair = variant(tmp_path, HCA, {("senior", 2, "Reports to Senior Post"): "2j0001"})
    assert pair.expected("T103") == pair.errors("T103") == {pair.at("senior", 2, "Reports to Senior Post")}
    assert pair.messages("T103") == [
        "'2j0001' is not the reference of any senior post (did you mean '2J0001'? references are compared case by case)"
    ]


# FTE, and the junior checks the validator does not make


@pytest.mark.parametrize("name", PAIRS)
def test_what_the_validator_does_not_check_is_never_an_error(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    for code in ("T112", "T114"):
        assert not pair.errors(code)
    junior = {cell for cell in pair.errors("T109") if cell[0] == pair.junior.name}
    assert not junior
    if name == EA:  # blank FTEs: warnings now
        blank = {pair.at("senior", row, "FTE") for row, cells in pair.senior_rows() if cells["FTE"] == ""}
        assert len(blank) == 12 and pair.warnings("T112") == blank


# the whole ruleset: every error is a validator rejection, and every rejection an error


@pytest.mark.parametrize("name", PAIRS)
def test_every_error_is_a_rejection_and_every_rejection_an_error(name: str, linted: Callable[[str], Linted]) -> None:
    pair = linted(name)
    errors = {
        (d["code"], Path(d["file"]).name, d["line"], d["column"])
        for d in pair.document["diagnostics"]
        if d["severity"] == "error"
    }
    rejected = {(ORGLINT_CODE[check], *cell) for check, cells in pair.rejected.items() for cell in cells}
    assert errors == rejected
    per_cell = [(file, line, column) for _, file, line, column in errors]
    assert len(per_cell) == len(set(per_cell))  # one mistake, one finding
