"""E103 evaluation-grade-mismatch: a post's evaluated grade is not its grade."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .evaluated import EVALUATED, FILES
from .graded import regrade

E103 = RuleTester("E103", FILES)


def test_another_grade_is_reported_at_the_evaluated_grade_and_nothing_else_fires(tmp_path: Path) -> None:
    finding = Expected("AD2", ("id: AD2", "SO,"), "'AD2' was evaluated at grade SO but is on grade AD")
    E103.only_finding(tmp_path, regrade(EVALUATED, "AD2", "grade: AD, rationale", "grade: SO, rationale"), expected=finding)


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        pytest.param([("AD2", "grade: AD, rationale", "grade: ad, rationale")], [], id="a-grade-written-another-way-is-g104-s"),
        pytest.param(
            [("AD1", "grade: AD, rationale", "grade: CE, rationale"), ("CE", "grade: CE, rationale", "grade: AD, rationale")],
            ["CE", "AD1"],
            id="each-post-is-judged",
        ),
        pytest.param(
            [("AD2", "grade: AD, rationale", "rationale"), ("AD3", "tier: 2, grade: AD, evaluation", "tier: 2, evaluation")],
            [],
            id="no-grade-on-either-side-is-not-a-mismatch",
        ),
    ],
)
def test_which_posts_are_on_another_grade_than_evaluated(
    tmp_path: Path, changes: list[tuple[str, str, str]], reported: list[str]
) -> None:
    text = EVALUATED
    for post, old, new in changes:
        text = regrade(text, post, old, new)
    assert [f.post for f in E103.findings(tmp_path, text)] == reported


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("tier: 2, grade: AD, evaluation", "tier: 2, grade: ADD, evaluation", "G104"),
        ("grade: AD, rationale", "grade: ADD, rationale", "E103"),
    ],
    ids=["the post's grade is G104's", "the evaluated grade is E103's"],
)
def test_a_grade_the_ruleset_does_not_define_is_one_finding(tmp_path: Path, old: str, new: str, code: str) -> None:
    """`ADD` for `AD`: one mistake. On the post, G104's (with its did-you-mean) where G104 runs,
    not also a regrading; in the record, this rule's, which G104 leaves to it."""
    text = regrade(EVALUATED, "AD2", old, new)
    with_g104 = {name: ruleset.replace("rules:\n", "rules:\n  G104: error\n", 1) for name, ruleset in FILES.items()}
    assert [found.code for found in E103.findings(tmp_path, text, with_g104, alone=False)] == [code]
    assert [found.code for found in E103.findings(tmp_path, text, alone=False)] == ["E103"]  # where G104 does not run


def test_a_post_whose_undefined_grade_is_accepted_is_still_judged_against_its_evaluation(tmp_path: Path) -> None:
    """G104 suppressed for a local grade (`ignore[G104]`): E103 no longer follows from it, and says
    the post is not on the grade it was evaluated at."""
    text = regrade(EVALUATED, "AD2", "tier: 2, grade: AD, evaluation", "tier: 2, grade: L13, evaluation")
    line = next(line for line in text.splitlines() if "grade: L13" in line)
    text = text.replace(line, line + "  # orglint: ignore[G104] -- a local grade")
    with_g104 = {name: ruleset.replace("rules:\n", "rules:\n  G104: error\n", 1) for name, ruleset in FILES.items()}
    assert [found.code for found in E103.findings(tmp_path, text, with_g104, alone=False)] == ["E103"]
