"""T115 junior-invalid-payscale: a junior row's payscale minimum or maximum the validator cannot read
(error), or (a warning) not an amount, or a minimum above the maximum."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, senior, team

T115 = RuleTester("T115")


def test_amounts_with_the_minimum_at_most_the_maximum_are_clean(tmp_path: Path) -> None:
    assert found(T115, tmp_path, senior(), junior(*TEAMS), alone=False) == []
    assert found(T115, tmp_path, senior(), junior(team(pay_min="30000", pay_max="30000"))) == []


def test_text_the_validator_cannot_read_is_an_error_at_the_cell(tmp_path: Path) -> None:
    findings = lint(T115, tmp_path, senior(), junior(team(pay_min="thirty thousand")))
    assert [(Found.of(d), d.severity.label) for d in findings] == [
        (Found("T115", "DIR-A › HEO › Operations Manager", "E2"), "error")
    ]
    assert findings[0].message == "the payscale minimum 'thirty thousand' is not a number, N/A or N/D"


@pytest.mark.parametrize(
    ("pay_min", "pay_max", "cells"), [("", "36000", ["E2"]), ("N/A", "N/D", ["E2", "F2"]), ("30000", "n/d", ["F2"])]
)
def test_blanks_n_a_and_n_d_are_warnings(tmp_path: Path, pay_min: str, pay_max: str, cells: list[str]) -> None:
    findings = lint(T115, tmp_path, senior(), junior(team(pay_min=pay_min, pay_max=pay_max)))
    assert [(d.span.cell, d.severity.label) for d in findings] == [(cell, "warning") for cell in cells]


def test_a_minimum_above_the_maximum_is_a_warning_at_the_maximum(tmp_path: Path) -> None:
    (finding,) = lint(T115, tmp_path, senior(), junior(team(pay_min="36001", pay_max="36000")))
    assert (finding.span.cell, finding.severity.label) == ("F2", "warning")
    assert finding.message.startswith("the payscale maximum £36,000 is below the minimum £36,001: ")
