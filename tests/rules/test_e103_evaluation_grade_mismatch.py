"""E103 evaluation-grade-mismatch: a post's evaluated grade is not its grade."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .evaluated import EVALUATED, FILES
from .graded import regrade

E103 = RuleTester("E103")


def test_another_grade_is_reported_at_the_evaluated_grade_and_nothing_else_fires(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD2", "grade: AD, rationale", "grade: SO, rationale")
    finding = E103.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("E103", "AD2", where(text, "id: AD2", "SO,"))
    assert finding.message == "'AD2' was evaluated at grade SO but is on grade AD"


def test_grades_are_compared_exactly(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD2", "grade: AD, rationale", "grade: ad, rationale")
    assert [f.post for f in E103.findings(tmp_path, text, FILES)] == ["AD2"]


def test_each_post_is_judged(tmp_path: Path) -> None:
    text = regrade(
        regrade(EVALUATED, "AD1", "grade: AD, rationale", "grade: CE, rationale"),
        "CE",
        "grade: CE, rationale",
        "grade: AD, rationale",
    )
    assert [f.post for f in E103.findings(tmp_path, text, FILES)] == ["CE", "AD1"]


def test_no_grade_on_either_side_is_not_a_mismatch(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD2", "grade: AD, rationale", "rationale")
    text = regrade(text, "AD3", "tier: 2, grade: AD, evaluation", "tier: 2, evaluation")
    assert E103.findings(tmp_path, text, FILES) == []
