"""E101 not-evaluated: a post in scope has no job-evaluation record."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .evaluated import EVALUATED, FILES
from .graded import regrade

E101 = RuleTester("E101")

UNEVALUATED = "  - {id: SO1, title: Officer, reports_to: AD1, tier: 3, grade: SO}\n"


def test_each_post_without_a_record_is_reported_at_its_id(tmp_path: Path) -> None:
    text = EVALUATED + UNEVALUATED + UNEVALUATED.replace("SO1", "SO2")
    found = E101.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [
        Found("E101", "SO1", where(text, "id: SO1", "SO1")),
        Found("E101", "SO2", where(text, "id: SO2", "SO2")),
    ]
    assert found[0].message == "'SO1' has no job evaluation record"


def test_a_scope_from_a_grade_up_leaves_lower_grades_and_ungraded_posts_out(tmp_path: Path) -> None:
    files = {"evaluated.yaml": FILES["evaluated.yaml"].replace("  E101: error", "  E101: {from-grade: AD}")}
    text = EVALUATED + UNEVALUATED + "  - {id: X, title: Officer, reports_to: AD2, tier: 3}\n"
    assert E101.findings(tmp_path, text, files) == []
    text = regrade(
        text,
        "AD3",
        "grade: AD, evaluation: {scheme: HAY, date: 2024-01-15, grade: AD, rationale: Leads the service}",
        "grade: AD",
    )
    assert E101.findings(tmp_path, text, files) == [Found("E101", "AD3", where(text, "id: AD3", "AD3"))]


def test_an_unreadable_record_is_x002_alone(tmp_path: Path) -> None:
    text = regrade(
        EVALUATED,
        "AD3",
        "evaluation: {scheme: HAY, date: 2024-01-15, grade: AD, rationale: Leads the service}",
        "evaluation: yes",
    )
    assert [f.code for f in E101.findings(tmp_path, text, FILES, alone=False)] == ["X002"]
