"""G103 grade-inversion: a post's grade is not below its manager's."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import FILES, GRADED, regrade

G103 = RuleTester("G103")


def test_the_same_grade_as_the_manager_is_a_warning_at_the_grade(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM2", "grade: TM", "grade: HOS")
    found = G103.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("G103", "TM2", where(text, "id: TM2", "HOS}"))]
    assert found[0].message == "'TM2' (HOS) is the same grade as its manager 'HOS1' (HOS)"
    assert found[0].severity.label == "warning"


def test_a_grade_above_the_manager_s(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM3", "grade: TM", "grade: CE")
    messages = [d.message for d in G103.lint(tmp_path, text, FILES)]
    assert messages == ["'TM3' (CE) is graded above its manager 'HOS1' (HOS)"]


def test_a_manager_graded_below_all_its_reports_is_a_finding_per_report(tmp_path: Path) -> None:
    text = regrade(GRADED, "HOS1", "grade: HOS", "grade: TM")
    assert [f.post for f in G103.findings(tmp_path, text, FILES)] == ["TM1", "TM2", "TM3"]


def test_posts_or_managers_without_a_ranked_grade_are_not_judged(tmp_path: Path) -> None:
    text = regrade(GRADED, "HOS1", "grade: HOS, ", "")  # its team has no manager's rank
    text = regrade(text, "DIR2", "grade: DIR", "grade: NOSUCH")
    text = regrade(text, "HOS2", "grade: HOS", "grade: OTHER")
    assert G103.findings(tmp_path, text, FILES) == []


def test_a_top_post_has_no_manager_to_compare(tmp_path: Path) -> None:
    text = regrade(GRADED, "CE", "grade: CE", "grade: APPRENTICE")  # below its reports: their finding, not its own
    assert [f.post for f in G103.findings(tmp_path, text, FILES)] == ["DIR1", "DIR2", "DIR3"]
