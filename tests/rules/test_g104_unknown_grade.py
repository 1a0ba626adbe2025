"""G104 unknown-grade: a post's grade (or, without one, its evaluated grade) is not in the policy's grades."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import CLEAN
from .graded import FILES, GRADED, regrade

G104 = RuleTester("G104")


def test_defined_grades_are_clean_a_rank_alone_included(tmp_path: Path) -> None:
    text = GRADED + "  - {id: AP, title: Apprentice, reports_to: TM1, tier: 5, grade: APPRENTICE}\n"
    assert G104.findings(tmp_path, text, FILES) == []


def test_an_undefined_grade_is_reported_at_the_grade_with_the_closest_one(tmp_path: Path) -> None:
    text = regrade(regrade(GRADED, "HOS2", "grade: HOS", "grade: HOSS"), "HOS3", "grade: HOS", "grade: Band 9")
    found = G104.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [
        Found("G104", "HOS2", where(text, "id: HOS2", "HOSS")),
        Found("G104", "HOS3", where(text, "id: HOS3", "Band 9")),
    ]
    assert [d.message for d in found] == [
        "grade 'HOSS' is not defined by the ruleset (did you mean 'HOS'?)",
        "grade 'Band 9' is not defined by the ruleset",
    ]


def test_grades_are_compared_exactly(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM1", "grade: TM", "grade: tm")
    assert [f.post for f in G104.findings(tmp_path, text, FILES)] == ["TM1"]


def test_without_a_grade_the_evaluated_grade_is_checked(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM2", "grade: TM}", "evaluation: {scheme: HAY, grade: TMM}}")
    finding = G104.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("G104", "TM2", where(text, "id: TM2", "TMM}"))
    assert finding.message == "evaluated grade 'TMM' is not defined by the ruleset (did you mean 'TM'?)"


def test_with_a_grade_the_evaluated_one_is_e103_s(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM2", "grade: TM}", "grade: TM, evaluation: {scheme: HAY, grade: TMM}}")
    assert G104.findings(tmp_path, text, FILES) == []


def test_without_a_grade_policy_nothing_is_checked(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 2}", "tier: 2, grade: anything}")
    assert G104.findings(tmp_path, text) == []
