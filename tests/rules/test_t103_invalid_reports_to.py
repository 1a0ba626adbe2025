"""T103 invalid-reports-to: a senior row's Reports to Senior Post is blank, names no senior post
(case by case), or names an eliminated one."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T103 = RuleTester("T103")


def test_an_unknown_reference_is_reported_at_the_cell(tmp_path: Path) -> None:
    findings = lint(T103, tmp_path, senior(post("DIR-D", "DIR-Z")))
    assert [Found.of(d) for d in findings] == [Found("T103", "DIR-D", "J6")]
    assert findings[0].message == "'DIR-Z' is not the reference of any senior post"
    assert found(T103, tmp_path, senior(post("DIR-D", "DIR-Z")), alone=False) == [Found("T103", "DIR-D", "J6")]


def test_blank_and_lower_case_xx(tmp_path: Path) -> None:
    findings = lint(T103, tmp_path, senior(post("DIR-D", ""), post("DIR-E", "xx")))
    assert [(d.span.cell, d.message) for d in findings] == [
        ("J6", "Reports to Senior Post is blank: give the manager's reference, or XX"),
        ("J7", "'xx' is not the reference of any senior post: write XX in capitals for a top post"),
    ]


def test_a_reference_in_another_case_says_which_it_may_mean(tmp_path: Path) -> None:
    (finding,) = lint(T103, tmp_path, senior(post("DIR-D", "dir-a")))
    assert (
        finding.message
        == "'dir-a' is not the reference of any senior post (did you mean 'DIR-A'? references are compared case by case)"
    )


def test_reporting_to_an_eliminated_post_except_from_another(tmp_path: Path) -> None:
    text = senior(post("OLD", name="Eliminated"), post("DIR-D", "OLD"), post("OLD-2", "OLD", name="Eliminated"))
    findings = lint(T103, tmp_path, text)
    assert [(d.span.cell, d.message) for d in findings] == [
        ("J7", "'OLD' is an eliminated post: report to the post that replaced it")
    ]
