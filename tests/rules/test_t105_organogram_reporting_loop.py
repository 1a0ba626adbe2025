"""T105 organogram-reporting-loop: senior posts' reporting lines loop without reaching XX."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T105 = RuleTester("T105")


def test_a_loop_is_reported_once_at_its_first_row(tmp_path: Path) -> None:
    findings = lint(T105, tmp_path, senior(post("L1", "L2"), post("L2", "L3"), post("L3", "L1")))
    assert [Found.of(d) for d in findings] == [Found("T105", "L1", "J6")]
    assert findings[0].message == "reporting loop L1 → L2 → L3 → L1: none of these posts reaches XX"


def test_a_post_reporting_to_itself(tmp_path: Path) -> None:
    findings = lint(T105, tmp_path, senior(post("SELF", "SELF")))
    assert [(Found.of(d), d.message) for d in findings] == [(Found("T105", "SELF", "J6"), "'SELF' reports to itself")]


def test_two_loops_are_two_findings(tmp_path: Path) -> None:
    text = senior(post("A1", "A2"), post("A2", "A1"), post("B1", "B1"))
    assert [f.where for f in found(T105, tmp_path, text)] == ["J6", "J8"]


def test_without_a_top_post_it_is_t104_s(tmp_path: Path) -> None:
    text = senior(changes={"CEO": {"reports_to": "CEO"}})
    assert [f.code for f in found(T105, tmp_path, text, alone=False)] == ["T104"]


def test_a_loop_through_an_eliminated_post_is_t103_s(tmp_path: Path) -> None:
    text = senior(post("L1", "L2"), post("L2", "L1", name="Eliminated", phone="N/A", email="N/A"))
    assert found(T105, tmp_path, text) == []
    assert [(f.code, f.where) for f in found(T105, tmp_path, text, alone=False)] == [("T103", "J6")]
