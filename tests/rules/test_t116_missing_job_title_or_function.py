"""T116 missing-job-title-or-function: a senior row's Job Title or Job/Team Function is blank (or,
a warning, the title is N/D)."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T116 = RuleTester("T116")


def test_each_blank_is_an_error_at_its_cell(tmp_path: Path) -> None:
    findings = lint(T116, tmp_path, senior(post("DIR-D", title="", function="")))
    assert [(Found.of(d), d.severity.label) for d in findings] == [
        (Found("T116", "DIR-D", "D6"), "error"),
        (Found("T116", "DIR-D", "E6"), "error"),
    ]
    assert [d.message for d in findings] == ["the Job Title is blank: give it", "the Job/Team Function is blank: give it"]


def test_a_withheld_title_is_a_warning_and_a_withheld_function_is_accepted(tmp_path: Path) -> None:
    findings = lint(T116, tmp_path, senior(post("DIR-D", title="N/D", function="N/D")))
    assert [(d.span.cell, d.severity.label) for d in findings] == [("D6", "warning")]


def test_each_row_is_judged(tmp_path: Path) -> None:
    assert [f.where for f in found(T116, tmp_path, senior(changes={"CEO": {"function": ""}, "DIR-B": {"title": ""}}))] == [
        "E2",
        "D4",
    ]
