"""Amounts of money written as a spreadsheet shows them (``£45,000``). A table's cell (a structure
workbook, a mapped spreadsheet, as an organogram's) is read as Excel shows it: ``£`` and thousands
commas are formatting. A structure file's salary is a YAML number, as its JSON Schema says; text
such as ``£45,000`` there is one X002 that says exactly what to write instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from orglint.engine import LintOptions, build_structures
from orglint.load.discover import discover
from orglint.model.amounts import number
from orglint.model.schema import Post
from tests.conftest import STRUCTURE_HEAD, check_json, findings, write
from tests.workbooks import write_workbook


def _errors(path: str, *options: str) -> list[dict[str, Any]]:
    _, document = check_json(path, *options)
    return [d for d in document["diagnostics"] if d["code"].startswith("X")]


def _posts(path: Path) -> list[Post]:
    (built,) = build_structures(discover([path], spreadsheet_for=lambda _: _settings(path)), LintOptions())
    assert built.structure is not None, built.input_findings
    return built.structure.posts


def _settings(path: Path) -> Any:
    return LintOptions().config_for(path.parent).settings.spreadsheet


def test_a_yaml_amount_with_a_pound_sign_and_commas_says_what_to_write(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + '  - id: CE\n    title: Chief Executive\n    salary:\n      min: "£45,000"\n'
          "      max: 52,500.50\n")  # fmt: skip
    low, high = _errors("s.yaml")
    assert low["message"] == "post 'CE': salary.min: should be a plain number (45000, without £ or commas), got '£45,000'"
    assert (low["line"], low["column"]) == (7, 12)
    assert high["message"] == "post 'CE': salary.max: should be a plain number (52500.5, without £ or commas), got '52,500.50'"


def test_commas_in_a_flow_mapping_are_one_finding_with_the_mapping_to_write(in_tmp: Path) -> None:
    """In ``{...}`` a comma ends a value: ``{min: £45,000, max: £52,500}`` is read as min £45, a key
    000, max £52 and a key 500. That is one mistake, so one finding, at the salary."""
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, salary: {min: £45,000, max: £52,500}}\n")
    (finding,) = _errors("s.yaml")
    assert finding["message"] == (
        "post 'CE': salary: write {min: 45000, max: 52500}: amounts without £ or commas (in {...} a comma ends the value)"
    )
    assert (finding["line"], finding["column"]) == (4, 46)


@pytest.mark.parametrize(
    ("salary", "written"),
    [
        ("{min: £45,000, max: £52,000}", "{min: 45000, max: 52000}"),  # a second key 000: set aside, not X001
        ("{min: 45,000, max: 52,000}", "{min: 45000, max: 52000}"),
        ("{min: £1,045,000, max: £1,052,000}", "{min: 1045000, max: 1052000}"),
        ('{min: "£45,000", max: £52,000.50}', "{min: 45000, max: 52000.5}"),
        ("{\n      min: £45,000,\n      max: £52,000\n    }", "{min: 45000, max: 52000}"),
    ],
)
def test_amounts_split_alike_are_read_as_written(in_tmp: Path, salary: str, written: str) -> None:
    """The tails of ``£45,000`` and ``£52,000`` are both a key ``000``: the amounts are read from
    the mapping's text, so the finding says what to write, and the repeated tail is no finding."""
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - id: CE\n    title: Chief Executive\n    salary: {salary}\n")
    (finding,) = _errors("s.yaml")
    assert finding["message"] == (
        f"post 'CE': salary: write {written}: amounts without £ or commas (in {{...}} a comma ends the value)"
    )
    assert (finding["line"], finding["column"]) == (6, 13)


@pytest.mark.parametrize(
    "salary",
    ["{min: 45000, min: 52000}", "{min: 45,000, 000: 1, max: 52000}", "\n      min: 45000\n      min: 52000"],
)
def test_any_other_repeated_key_is_still_a_duplicate(in_tmp: Path, salary: str) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - id: CE\n    title: Chief Executive\n    salary: {salary}\n")
    assert any(d["code"] == "X001" and "duplicate key" in d["message"] for d in _errors("s.yaml"))


@pytest.mark.parametrize(
    ("salary", "written"),
    [
        ("85000-95000", "{min: 85000, max: 95000}"),
        ('"£45,000 to £52,500"', "{min: 45000, max: 52500}"),
        ("45000 – 52000.5", "{min: 45000, max: 52000.5}"),
        ("120000", "{min: 120000, max: 120000}"),  # a spot salary: both bounds
    ],
)
def test_a_salary_written_as_one_value_says_the_mapping_to_write(in_tmp: Path, salary: str, written: str) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - id: CE\n    title: Chief Executive\n    salary: {salary}\n")
    (finding,) = _errors("s.yaml")
    assert finding["message"].startswith(f"post 'CE': salary: write {written}: a salary is a mapping")


@pytest.mark.parametrize("salary", ["about 50k", "52000-45000", "-5"])
def test_a_salary_that_is_no_range_is_just_not_a_mapping(in_tmp: Path, salary: str) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - id: CE\n    title: Chief Executive\n    salary: {salary!r}\n")
    (finding,) = _errors("s.yaml")
    assert finding["message"].startswith("post 'CE': salary: should be a mapping")


def test_plain_yaml_amounts_and_other_text_are_as_before(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, salary: {min: 45000, max: about 50k}}\n")
    (finding,) = _errors("s.yaml")
    assert finding["message"] == "post 'CE': salary.max: should be a number, got 'about 50k'"


def test_a_workbook_cell_reads_an_amount_as_excel_shows_it(in_tmp: Path) -> None:
    data = {
        "orglint": 1,
        "organisation": {"name": "Test District Council", "type": "district"},
        "departments": [{"id": "resources"}],
        "posts": [
            {"id": "CE", "title": "Chief Executive", "salary": {"min": "£90,000", "max": " £ 95,000.50 "}},
            {"id": "D1", "title": "Director", "reports_to": "CE", "salary": {"min": "45,000", "max": "about 50k"}},
        ],
    }
    write_workbook(data, in_tmp / "wb.xlsx")
    _, document = check_json("wb.xlsx", "--isolated")
    (finding,) = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert finding["cell"]["header"] == "Salary to" and finding["message"] == "salary.max: should be a number, got 'about 50k'"
    chief, director = _posts(in_tmp / "wb.xlsx")
    assert chief.salary is not None and (chief.salary.min, chief.salary.max) == (90000, 95000.5)
    assert director.salary is None  # the bad half leaves the range unread: one finding, at its cell


def test_a_mapped_spreadsheet_reads_amounts_the_same_way(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", '[spreadsheet]\n[spreadsheet.columns]\nid = "Post"\ntitle = "Title"\n'
          'salary_min = "From"\nsalary_max = "To"\n')  # fmt: skip
    book = Workbook()
    sheet = book.active
    for row in (["Post", "Title", "From", "To"], ["CE", "Chief Executive", "£60,900", "£65,000"]):
        sheet.append(row)
    book.save(in_tmp / "posts.xlsx")
    assert _errors("posts.xlsx") == []
    (chief,) = _posts(in_tmp / "posts.xlsx")
    assert chief.salary is not None and (chief.salary.min, chief.salary.max) == (60900, 65000)


def test_one_reading_of_an_amount_for_every_table() -> None:
    """The organogram reader's helper, which the workbook and spreadsheet readers share."""
    assert number("£60,900") == 60900 and number(" 1,234.5 ") == 1234.5 and number("N/D") is None
    # commas only as Excel's thousands: a decimal comma or a slipped one is not a number
    assert number("1,234,567") == 1234567 and number("-£45,000") == -45000 and number("£ 45,000.") == 45000
    assert [number(text) for text in ("45,00", "4,5", "1,2345", ",450", "45,000,", "45,,000", "0,5")] == [None] * 7


def test_a_long_value_is_read_in_one_pass() -> None:
    """A pattern with lazy parts before spaces took the square of the length: 26 s for a salary of
    20,000 spaces (a hostile file's); the range is now found by its separator alone."""
    from orglint.model.amounts import range_written

    assert range_written("1" + " " * 200_000 + "x") is None
    assert range_written("£45,000" + " " * 1_000 + "to £52,000") == (45_000, 52_000)


def test_a_long_flow_mapping_is_read_in_one_pass(in_tmp: Path) -> None:
    spaces = " " * 100_000
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + f"  - {{id: CE, title: Chief Executive, tier: 1, salary: {{min: 45,000,{spaces}max: 52,000}}}}\n",
    )
    ((code, _, _),) = findings("s.yaml")
    assert code == "X002"


def test_hay_points_split_at_a_thousands_comma_are_one_fault_saying_what_to_write(in_tmp: Path) -> None:
    """`total: 1,262` in `{...}` reads as `total: 1` and a key `262`: it was an unknown key '262'
    and a total that did not add up (E105), for one comma."""
    points = "{know_how: 608, problem_solving: 304, accountability: 350, total: 1,262}"
    record = f"{{scheme: HAY, date: 2024-01-15, grade: G1, rationale: r, points: {points}}}"
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - {{id: CE, title: Chief Executive, tier: 1, evaluation: {record}}}\n")
    _, document = check_json("s.yaml", "--select", "E105,X")
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X002"
    assert finding["message"] == (
        "post 'CE': evaluation.points: write {know_how: 608, problem_solving: 304, accountability: 350, total: 1262}: "
        "whole numbers without commas (in {...} a comma ends the value)"
    )
