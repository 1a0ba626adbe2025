"""S003 reporting-cycle: reporting lines loop back on themselves."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import CLEAN

S003 = RuleTester("S003")


def test_a_post_reporting_to_itself(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, title: Officer, reports_to: X, tier: 3}\n"
    finding = S003.only_finding(tmp_path, text)
    assert Found.of(finding) == Found("S003", "X", where(text, "reports_to: X", "X"))
    assert finding.message == "post 'X' reports to itself"


def test_a_loop_is_reported_once_at_its_first_post_in_the_files_naming_it_whole(tmp_path: Path) -> None:
    text = (
        CLEAN
        + "  - {id: C, title: Officer, reports_to: A, tier: 3}\n"
        + "  - {id: A, title: Officer, reports_to: B, tier: 3}\n"
        + "  - {id: B, title: Officer, reports_to: C, tier: 3}\n"
    )
    finding = S003.only_finding(tmp_path, text)
    assert Found.of(finding) == Found("S003", "C", where(text, "reports_to: A", "A"))
    assert finding.message == "reporting loop: C → A → B → C (each reports to the next)"


def test_two_loops_are_two_findings(tmp_path: Path) -> None:
    text = (
        CLEAN
        + "  - {id: A, title: Officer, reports_to: B, tier: 3}\n"
        + "  - {id: B, title: Officer, reports_to: A, tier: 3}\n"
        + "  - {id: C, title: Officer, reports_to: C, tier: 3}\n"
    )
    assert [f.post for f in S003.findings(tmp_path, text)] == ["A", "C"]


def test_a_post_hanging_below_a_loop_is_not_in_it(tmp_path: Path) -> None:
    text = (
        CLEAN
        + "  - {id: A, title: Officer, reports_to: B, tier: 3}\n"
        + "  - {id: B, title: Officer, reports_to: A, tier: 3}\n"
        + "  - {id: T, title: Officer, reports_to: A, tier: 4}\n"
    )
    found = S003.lint(tmp_path, text)
    assert [d.message for d in found] == ["reporting loop: A → B → A (each reports to the next)"]
