"""T113 junior-invalid-senior-post: a junior row's Reporting Senior Post is blank, names no live
senior post, or (a warning) is reference 0."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior, team

T113 = RuleTester("T113")


def test_an_unknown_or_blank_senior_post_is_an_error_at_the_cell(tmp_path: Path) -> None:
    findings = lint(T113, tmp_path, senior(), junior(team("DIR-Z"), team("")))
    assert [(d.span.cell, d.severity.label) for d in findings] == [("C2", "error"), ("C3", "error")]
    assert [d.message for d in findings] == [
        "'DIR-Z' is not the reference of any senior post",
        "Reporting Senior Post is blank: give the senior post's reference",
    ]
    assert findings[0].post == "DIR-Z › HEO › Operations Manager"


def test_references_are_compared_case_by_case(tmp_path: Path) -> None:
    (finding,) = lint(T113, tmp_path, senior(), junior(team("dir-a")))
    assert (
        finding.message
        == "'dir-a' is not the reference of any senior post (did you mean 'DIR-A'? references are compared case by case)"
    )


def test_an_eliminated_post_and_one_replaced_under_its_reference(tmp_path: Path) -> None:
    old = post("DIR-D", name="Eliminated", phone="N/A", email="N/A")
    (finding,) = lint(T113, tmp_path, senior(old), junior(team("DIR-D")))
    assert finding.message == "'DIR-D' is an eliminated post: report to the post that replaced it"
    assert found(T113, tmp_path, senior(old, post("DIR-D", title="New Director")), junior(team("DIR-D"))) == []


def test_reference_zero_is_a_warning(tmp_path: Path) -> None:
    zero = post("0", name="N/D", title="Not in post", function="N/A", unit="N/A", phone="N/A", email="N/A")
    findings = found(T113, tmp_path, senior(zero), junior(team("0")))
    assert findings == [Found("T113", "0 › HEO › Operations Manager", "C2")]  # a junior row's post: senior post, grade, job
    assert lint(T113, tmp_path, senior(zero), junior(team("0")))[0].severity.label == "warning"


def test_each_row_is_judged(tmp_path: Path) -> None:
    assert [f.where for f in found(T113, tmp_path, senior(), junior(team("X"), *TEAMS, team("Y")))] == ["C2", "C5"]
