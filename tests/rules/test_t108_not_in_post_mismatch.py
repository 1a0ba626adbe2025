"""T108 not-in-post-mismatch: a reference-0 row's title, function or unit is not "Not in post"/N/A,
or a real post's is."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T108 = RuleTester("T108")

ZERO = {"name": "N/D", "title": "Not in post", "function": "N/A", "unit": "N/A", "phone": "N/A", "email": "N/A"}


def test_a_reference_zero_row_written_right_is_clean(tmp_path: Path) -> None:
    assert found(T108, tmp_path, senior(post("0", **ZERO)), junior(*TEAMS), alone=False) == []


@pytest.mark.parametrize(
    ("key", "value", "cell"), [("title", "Not In Post", "D6"), ("function", "n/a", "E6"), ("unit", "Operations", "G6")]
)
def test_a_reference_zero_row_s_cells_are_compared_exactly(tmp_path: Path, key: str, value: str, cell: str) -> None:
    findings = lint(T108, tmp_path, senior(post("0", **{**ZERO, key: value})))
    assert [Found.of(d) for d in findings] == [Found("T108", None, cell)]
    assert findings[0].message.startswith("the reference is 0 (not in a post), so the ")


def test_a_real_post_may_not_say_not_in_post_or_n_a(tmp_path: Path) -> None:
    text = senior(changes={"DIR-A": {"title": "Not in post", "function": "N/A", "unit": "N/A"}})
    findings = lint(T108, tmp_path, text)
    assert [Found.of(d) for d in findings] == [Found("T108", "DIR-A", cell) for cell in ("D3", "E3", "G3")]
    assert findings[0].message == "the Job Title 'Not in post' is only for reference-0 rows (not in a post)"


def test_blank_and_n_d_cells_are_left_to_other_rules(tmp_path: Path) -> None:
    assert found(T108, tmp_path, senior(post("0", **{**ZERO, "title": "", "function": "N/D", "unit": ""}))) == []
