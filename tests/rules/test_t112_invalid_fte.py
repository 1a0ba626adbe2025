"""T112 invalid-fte: a senior post's FTE is not a number above 0 and at most 1 (a warning: the
publication validator does not check it)."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T112 = RuleTester("T112")


@pytest.mark.parametrize("fte", ["1", "0.5", "0.01", "1.0"])
def test_above_0_and_at_most_1_is_clean(tmp_path: Path, fte: str) -> None:
    assert found(T112, tmp_path, senior(post("DIR-D", fte=fte)), junior(*TEAMS), alone=False) == []


@pytest.mark.parametrize(
    ("fte", "said"),
    [
        ("0", "the FTE 0 is not above 0 and at most 1"),
        ("1.01", "the FTE 1.01 is not above 0 and at most 1"),
        ("-1", "the FTE -1 is not above 0 and at most 1"),
        ("full time", "the FTE 'full time' is not a number"),
        ("", "the FTE is blank"),
    ],
)
def test_anything_else_is_a_warning_at_the_fte_cell(tmp_path: Path, fte: str, said: str) -> None:
    findings = lint(T112, tmp_path, senior(post("DIR-D", fte=fte)))
    assert [(Found.of(d), d.severity.label) for d in findings] == [(Found("T112", "DIR-D", "K6"), "warning")]
    assert findings[0].message.startswith(said + ": the organogram schema asks for 1 or a decimal fraction")


def test_each_row_is_judged(tmp_path: Path) -> None:
    assert [f.where for f in found(T112, tmp_path, senior(changes={"CEO": {"fte": "2"}, "DIR-C": {"fte": "half"}}))] == [
        "K2",
        "K5",
    ]
