"""T114 junior-invalid-fte: a junior row's Number of Posts in FTE is not a positive number (a
warning: the publication validator does not check junior cells)."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, senior, team

T114 = RuleTester("T114")


@pytest.mark.parametrize("fte", ["1", "35.05", "0.5", "120"])
def test_positive_numbers_are_clean(tmp_path: Path, fte: str) -> None:
    assert found(T114, tmp_path, senior(), junior(team(fte=fte), *TEAMS), alone=False) == []


@pytest.mark.parametrize(("fte", "shown"), [("0", "'0'"), ("-2", "'-2'"), ("several", "'several'"), ("", "blank")])
def test_anything_else_is_a_warning_at_the_fte_cell(tmp_path: Path, fte: str, shown: str) -> None:
    findings = lint(T114, tmp_path, senior(), junior(team(fte=fte)))
    assert [(Found.of(d), d.severity.label) for d in findings] == [
        (Found("T114", "DIR-A › HEO › Operations Manager", "H2"), "warning")
    ]
    assert findings[0].message.startswith(f"the number of posts in FTE, {shown}, is not a positive number: ")


def test_each_row_is_judged_and_the_senior_table_is_not(tmp_path: Path) -> None:
    text = senior(changes={"DIR-A": {"fte": "0"}})  # the senior FTE is T112's
    assert [f.where for f in found(T114, tmp_path, text, junior(team(fte="0"), *TEAMS, team(fte="none")))] == ["H2", "H5"]


def test_no_junior_table_is_nothing_to_check(tmp_path: Path) -> None:
    assert found(T114, tmp_path, senior()) == []
