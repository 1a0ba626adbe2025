"""P102 salary-bracket: a salary in the top three levels that is not one £5,000 bracket."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .published import COUNCIL, FILES, change

P102 = RuleTester("P102")


@pytest.mark.parametrize(
    ("salary", "bracket"),
    [
        ("{min: 65000, max: 69999}", True),  # £65,000-£69,999: the Regulations' bracket
        ("{min: 65000, max: 70000}", True),  # written to the next multiple
        ("{min: 65000, max: 69998}", False),  # a pound short
        ("{min: 65000, max: 70001}", False),  # a pound over
        ("{min: 65001, max: 70000}", False),  # not from a multiple of £5,000
        ("{min: 64999, max: 69998}", False),
        ("{min: 65000, max: 65000}", False),  # an exact salary is not a bracket
        ("{min: 60000, max: 75000}", False),  # the grade's whole band
        ("{min: 0, max: 4999}", True),
    ],
)
def test_what_is_a_five_thousand_pound_bracket(tmp_path: Path, salary: str, bracket: bool) -> None:
    text = change(COUNCIL, "H-RES2", "{min: 65000, max: 69999}", salary)
    expected = [] if bracket else [Found("P102", "H-RES2", where(text, "{id: H-RES2,", salary))]
    assert P102.findings(tmp_path, text, FILES) == expected


def test_the_message_says_the_bracket_its_minimum_falls_in(tmp_path: Path) -> None:
    text = change(COUNCIL, "D-LAW", "{min: 100000, max: 104999}", "{min: 98000, max: 106000}")
    (finding,) = P102.lint(tmp_path, text, FILES)
    assert finding.message == "salary £98,000–£106,000 is not a £5,000 bracket (its minimum falls in £95,000–£99,999)"


def test_the_fourth_level_s_salaries_are_not_the_chart_s(tmp_path: Path) -> None:
    """Every Team Manager's salary (£38,000-£42,000) is not a bracket, and none is reported."""
    assert "salary: {min: 38000, max: 42000}" in COUNCIL
    assert P102.findings(tmp_path, COUNCIL, FILES) == []


def test_a_missing_salary_is_p101_s_not_p102_s(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", "salary: {min: 150000, max: 154999}, ", "")
    assert P102.findings(tmp_path, text, FILES) == []
    assert [f.code for f in P102.findings(tmp_path, text, FILES, alone=False)] == ["P101"]


def test_several_posts_are_several_findings(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", "max: 154999", "max: 159999")
    text = change(text, "H-PLA1", "max: 69999", "max: 74999")
    assert [(f.code, f.post) for f in P102.findings(tmp_path, text, FILES)] == [("P102", "CE"), ("P102", "H-PLA1")]


def test_it_is_the_only_finding_of_the_mistake(tmp_path: Path) -> None:
    text = change(COUNCIL, "D-RES", "max: 104999", "max: 109999")
    assert P102.only_finding(tmp_path, text, FILES).post == "D-RES"
