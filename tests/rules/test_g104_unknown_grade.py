"""G104 unknown-grade: a post's grade (or, without one, its evaluated grade) is not in the policy's grades."""

from pathlib import Path

import pytest

from orglint.policy import Policy
from orglint.testing import Expected, RuleTester

from .core import CLEAN
from .graded import FILES, GRADED, RULESET, regrade

G104 = RuleTester("G104", FILES)


def test_defined_grades_are_clean_a_rank_alone_included(tmp_path: Path) -> None:
    G104.expect(tmp_path, GRADED + "  - {id: AP, title: Apprentice, reports_to: TM1, tier: 5, grade: APPRENTICE}\n")


def test_an_undefined_grade_is_reported_at_the_grade_with_the_closest_one(tmp_path: Path) -> None:
    G104.expect(
        tmp_path,
        regrade(regrade(GRADED, "HOS2", "grade: HOS", "grade: HOSS"), "HOS3", "grade: HOS", "grade: Band 9"),
        Expected("HOS2", ("id: HOS2", "HOSS"), "grade 'HOSS' is not defined by the ruleset (did you mean 'HOS'?)"),
        Expected("HOS3", ("id: HOS3", "Band 9"), "grade 'Band 9' is not defined by the ruleset"),
    )


def test_grades_are_compared_exactly(tmp_path: Path) -> None:
    assert [f.post for f in G104.findings(tmp_path, regrade(GRADED, "TM1", "grade: TM", "grade: tm"))] == ["TM1"]


def test_without_a_grade_the_evaluated_grade_is_checked_and_nothing_else_fires(tmp_path: Path) -> None:
    message = "evaluated grade 'TMM' is not defined by the ruleset (did you mean 'TM'?)"
    text = regrade(GRADED, "TM2", "grade: TM}", "evaluation: {scheme: HAY, grade: TMM}}")
    G104.only_finding(tmp_path, text, expected=Expected("TM2", ("id: TM2", "TMM}"), message))


def test_with_a_grade_the_evaluated_one_is_e103_s(tmp_path: Path) -> None:
    G104.expect(tmp_path, regrade(GRADED, "TM2", "grade: TM}", "grade: TM, evaluation: {scheme: HAY, grade: TMM}}"))


def test_without_a_grade_policy_nothing_is_checked(tmp_path: Path) -> None:
    G104.expect(tmp_path, CLEAN.replace("tier: 2}", "tier: 2, grade: anything}"), files={})


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Director", "DIR"),  # the grade's name
        ("director", "DIR"),
        ("A.D.", "AD"),  # its id, punctuated
        ("Grade 15", "15"),  # its id after the word "grade"
        ("grade: 12", "12"),
        ("Grade", None),
        ("Band 15", None),  # another word: not certain
        ("Dir", "DIR"),  # its id in other case
        ("Dtr", None),  # an abbreviation: a suggestion at most
        ("Senior", None),  # a name two grades share names neither
        ("1-5", None),  # digits punctuation parts: run together they would name grade 15
        ("1/3", None),
        ("Grade 1 (2)", None),
        ("Grade Fifteen", "G15"),  # a grade's own name, though it starts with "grade"
        ("Grade 14", None),  # G14's name, and 14's id after "grade": which is meant cannot be told
        ("Grade 12", "12"),
    ],
)
def test_a_grade_named_another_way_is_read_only_where_exactly_one_grade_is_named(written: str, meant: str | None) -> None:
    policy = Policy.model_validate(
        {
            "grades": {
                "DIR": {"rank": 3, "name": "Director"},
                "AD": {"rank": 2, "name": "Senior"},
                "SM": {"rank": 2, "name": "Senior"},
                "15": {"rank": 1},
                "14": {"rank": 1},
                "12": {"rank": 0},
                "G15": {"rank": 1, "name": "Grade Fifteen"},
                "G14": {"rank": 1, "name": "Grade 14"},
            }
        }
    )
    assert policy.grade_named(written) == meant


def test_a_grade_read_as_the_one_it_names_is_reported_as_written(tmp_path: Path) -> None:
    G104.expect(
        tmp_path,
        regrade(GRADED, "HOS2", "grade: HOS", "grade: h.o.s."),
        Expected("HOS2", ("id: HOS2", "h.o.s."), "grade 'h.o.s.' is not defined by the ruleset (did you mean 'HOS'?)"),
    )


def test_an_evaluated_grade_written_another_way_is_reported_and_read_as_the_post_s(tmp_path: Path) -> None:
    """`grade: HOS` evaluated at `hos`: one G104 at the evaluated grade, not also an E103."""
    text = regrade(GRADED, "HOS2", "grade: HOS}", "grade: HOS, evaluation: {scheme: HAY, grade: hos}}")
    assert [(f.code, f.post) for f in G104.findings(tmp_path, text, alone=False)] == [("G104", "HOS2")]
    (finding,) = G104.lint(tmp_path, text)
    assert finding.message == "evaluated grade 'hos' is not defined by the ruleset (did you mean 'HOS'?)"


def test_a_grade_read_by_its_name_that_differs_from_the_evaluated_one_is_also_e103_s(tmp_path: Path) -> None:
    """`h.o.s.` is read as HOS, evaluated at TM: the writing is G104's, and the two defined grades
    differing is a mistake of its own (E103), not one that follows from it."""
    text = regrade(GRADED, "HOS2", "grade: HOS}", "grade: h.o.s., evaluation: {scheme: HAY, grade: TM}}")
    with_e103 = {"graded.yaml": RULESET.replace("  G104: error\n", "  G104: error\n  E103: error\n")}
    found = sorted((f.code, f.post) for f in G104.findings(tmp_path, text, with_e103, alone=False))
    assert found == [("E103", "HOS2"), ("G104", "HOS2")]
