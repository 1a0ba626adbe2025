"""G102 salary-outside-band: a post's salary falls outside its grade's pay band."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .graded import FILES, GRADED, regrade

G102 = RuleTester("G102")


@pytest.mark.parametrize(
    ("salary", "at"),
    [("{min: 59999, max: 75000}", "59999"), ("{min: 60000, max: 75001}", "75001"), ("{min: 50000, max: 90000}", "90000")],
)
def test_either_end_one_outside_is_reported_at_that_end(tmp_path: Path, salary: str, at: str) -> None:
    """At the bound outside the band, not the salary's start (the top, where both are outside)."""
    text = regrade(GRADED, "HOS1", "{min: 60000, max: 75000}", salary)
    assert G102.findings(tmp_path, text, FILES, alone=False) == [Found("G102", "HOS1", where(text, "id: HOS1", at))]


def test_the_message_gives_both_ranges(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM1", "{min: 40000, max: 50000}", "{min: 40000, max: 52500}")
    (finding,) = G102.lint(tmp_path, text, FILES)
    assert finding.message == "salary £40,000–£52,500 is outside grade TM's band £40,000–£50,000"


def test_each_post_outside_is_reported(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM1", "{min: 40000, max: 50000}", "{min: 1, max: 2}")
    text = regrade(text, "CE", "{min: 150000, max: 180000}", "{min: 190000, max: 200000}")
    assert [f.post for f in G102.findings(tmp_path, text, FILES)] == ["CE", "TM1"]


def test_no_salary_no_grade_or_a_grade_without_a_band_are_not_judged(tmp_path: Path) -> None:
    text = regrade(GRADED, "DIR1", "grade: DIR, ", "")
    text = regrade(text, "HOS1", "grade: HOS", "grade: APPRENTICE")
    text = regrade(text, "TM1", "grade: TM", "grade: NOSUCH")
    assert G102.findings(tmp_path, text, FILES) == []
