"""S003 reporting-cycle: reporting lines loop back on themselves."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .core import CLEAN

S003 = RuleTester("S003")


def officer(post: str, manager: str, tier: int = 3) -> str:
    """A post line for ``post`` reporting to ``manager``."""
    return f"  - {{id: {post}, title: Officer, reports_to: {manager}, tier: {tier}}}\n"


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        pytest.param(officer("X", "X"), Expected("X", ("reports_to: X", "X"), "post 'X' reports to itself"), id="to-itself"),
        pytest.param(
            officer("C", "A") + officer("A", "B") + officer("B", "C"),
            Expected("C", ("reports_to: A", "A"), "reporting loop: C → A → B → C (each reports to the next)"),
            id="once-at-its-first-post-in-the-file-naming-it-whole",
        ),
    ],
)
def test_a_loop_is_one_finding_and_nothing_else_fires(tmp_path: Path, posts: str, expected: Expected) -> None:
    S003.only_finding(tmp_path, CLEAN + posts, expected=expected)


def test_two_loops_are_two_findings(tmp_path: Path) -> None:
    text = CLEAN + officer("A", "B") + officer("B", "A") + officer("C", "C")
    assert [f.post for f in S003.findings(tmp_path, text)] == ["A", "C"]


def test_a_post_hanging_below_a_loop_is_not_in_it(tmp_path: Path) -> None:
    found = S003.lint(tmp_path, CLEAN + officer("A", "B") + officer("B", "A") + officer("T", "A", tier=4))
    assert [d.message for d in found] == ["reporting loop: A → B → A (each reports to the next)"]
