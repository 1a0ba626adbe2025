"""T111 invalid-pay-range: a senior row's pay floor or ceiling the validator cannot read (error), or
one the organogram schema asks otherwise (warning): blank, N/A or N/D misspelt, off the £5,000 band,
or a floor above the ceiling."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T111 = RuleTester("T111")


def test_banded_pay_is_clean_and_so_are_n_a_n_d_and_zero(tmp_path: Path) -> None:
    assert found(T111, tmp_path, senior(), junior(*TEAMS), alone=False) == []
    rows = [
        post("D1", pay_floor="N/A", pay_ceiling="N/A"),
        post("D2", pay_floor="N/D", pay_ceiling="N/D"),
        post("D3", pay_floor="0", pay_ceiling="0"),
    ]
    assert found(T111, tmp_path, senior(*rows)) == []


def test_text_the_validator_cannot_read_is_an_error_at_the_cell(tmp_path: Path) -> None:
    findings = lint(T111, tmp_path, senior(post("DIR-D", pay_floor="about 100k", pay_ceiling="104999")))
    assert [(Found.of(d), d.severity.label, d.message) for d in findings] == [
        (Found("T111", "DIR-D", "L6"), "error", "the pay floor 'about 100k' is not a number, N/A or N/D")
    ]


@pytest.mark.parametrize(
    ("floor", "ceiling", "cells"), [("", "104999", ["L6"]), ("n/a", "n/a", ["L6", "M6"]), ("100000", "", ["M6"])]
)
def test_blanks_and_loose_spellings_are_warnings(tmp_path: Path, floor: str, ceiling: str, cells: list[str]) -> None:
    findings = lint(T111, tmp_path, senior(post("DIR-D", pay_floor=floor, pay_ceiling=ceiling)))
    assert [(d.span.cell, d.severity.label) for d in findings] == [(cell, "warning") for cell in cells]


def test_the_band_s_edges(tmp_path: Path) -> None:
    """A floor a multiple of £5,000 and a ceiling £1 below one; one pound off either way is a warning."""
    assert found(T111, tmp_path, senior(post("DIR-D", pay_floor="95000", pay_ceiling="99999"))) == []
    findings = lint(T111, tmp_path, senior(post("DIR-D", pay_floor="95001", pay_ceiling="100000")))
    assert [(d.span.cell, d.severity.label) for d in findings] == [("L6", "warning"), ("M6", "warning")]
    assert findings[0].message.startswith("the pay floor £95,001: ")


def test_a_floor_above_the_ceiling(tmp_path: Path) -> None:
    (finding,) = lint(T111, tmp_path, senior(post("DIR-D", pay_floor="110000", pay_ceiling="104999")))
    assert (finding.span.cell, finding.severity.label) == ("M6", "warning")
    assert finding.message.startswith("the pay ceiling £104,999 is below the floor £110,000: ")
