"""T117 invalid-salary-cost-of-reports: a senior row's Salary Cost of Reports the validator cannot
read (error), or (a warning) blank, N/A, N/D or negative."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T117 = RuleTester("T117")


def test_zero_and_positive_amounts_are_clean(tmp_path: Path) -> None:
    assert (
        found(T117, tmp_path, senior(post("DIR-D", cost_of_reports="250000"), cost_of_reports=True), junior(*TEAMS), alone=False)
        == []
    )


def test_a_table_without_the_column_is_not_checked(tmp_path: Path) -> None:
    assert found(T117, tmp_path, senior()) == []


def test_text_the_validator_cannot_read_is_an_error_at_the_cell(tmp_path: Path) -> None:
    findings = lint(T117, tmp_path, senior(post("DIR-D", cost_of_reports="lots"), cost_of_reports=True))
    assert [(Found.of(d), d.severity.label) for d in findings] == [(Found("T117", "DIR-D", "N6"), "error")]
    assert findings[0].message == "the salary cost of reports 'lots' is not a number, N/A or N/D"


@pytest.mark.parametrize("cost", ["", "N/A", "N/D", "-1"])
def test_blank_n_a_n_d_and_negative_are_warnings(tmp_path: Path, cost: str) -> None:
    findings = lint(T117, tmp_path, senior(post("DIR-D", cost_of_reports=cost), cost_of_reports=True))
    assert [(d.span.cell, d.severity.label) for d in findings] == [("N6", "warning")]


def test_each_row_is_judged(tmp_path: Path) -> None:
    text = senior(post("DIR-D", cost_of_reports="-5"), post("DIR-E", cost_of_reports="x"), cost_of_reports=True)
    assert [f.where for f in found(T117, tmp_path, text)] == ["N6", "N7"]
