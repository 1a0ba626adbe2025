"""G103 grade-inversion: a post's grade is not below its manager's."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import FILES, GRADED, regrade

G103 = RuleTester("G103", FILES)


@pytest.mark.parametrize(
    ("post", "grade", "message"),
    [
        pytest.param("TM2", "HOS", "'TM2' (HOS) is the same grade as its manager 'HOS1' (HOS)", id="the-manager-s-grade"),
        pytest.param("TM3", "CE", "'TM3' (CE) is graded above its manager 'HOS1' (HOS)", id="a-grade-above-the-manager-s"),
    ],
)
def test_a_grade_not_below_the_manager_s_is_a_warning_at_the_grade(tmp_path: Path, post: str, grade: str, message: str) -> None:
    text = regrade(GRADED, post, "grade: TM", f"grade: {grade}")
    (finding,) = G103.expect(tmp_path, text, Expected(post, (f"id: {post}", f"{grade}}}"), message))
    assert finding.severity.label == "warning"


@pytest.mark.parametrize(
    ("post", "old", "new", "reported"),
    [
        pytest.param("HOS1", "grade: HOS", "grade: TM", ["TM1", "TM2", "TM3"], id="a-finding-per-report"),
        pytest.param("CE", "grade: CE", "grade: APPRENTICE", ["DIR1", "DIR2", "DIR3"], id="a-top-post-has-no-manager-to-compare"),
    ],
)
def test_a_manager_graded_below_its_reports_gives_their_findings_not_its_own(
    tmp_path: Path, post: str, old: str, new: str, reported: list[str]
) -> None:
    text = regrade(GRADED, post, old, new)
    assert [f.post for f in G103.findings(tmp_path, text)] == reported


def test_posts_or_managers_without_a_ranked_grade_are_not_judged(tmp_path: Path) -> None:
    text = regrade(GRADED, "HOS1", "grade: HOS, ", "")  # its team has no manager's rank
    text = regrade(text, "DIR2", "grade: DIR", "grade: NOSUCH")
    G103.expect(tmp_path, regrade(text, "HOS2", "grade: HOS", "grade: OTHER"))
