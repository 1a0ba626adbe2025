"""T101 invalid-post-reference: a senior row's Post Unique Reference is blank, holds XX, or has
characters the publication validator (error) or the organogram schema (warning) refuses."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T101 = RuleTester("T101")


@pytest.mark.parametrize("reference", ["DIR-D", "D4", "0", "123"])
def test_letters_digits_dashes_and_the_not_in_post_zero_are_accepted(tmp_path: Path, reference: str) -> None:
    row = (
        post(reference, name="N/D", title="Not in post", function="N/A", unit="N/A", phone="N/A", email="N/A")
        if reference == "0"
        else post(reference)
    )
    assert found(T101, tmp_path, senior(row)) == []


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("DIR D", "reference 'DIR D' contains a space: no spaces or punctuation"),
        ("DIR.D", "reference 'DIR.D' contains '.': no spaces or punctuation"),
        ("XXD", "reference 'XXD' contains 'XX', which means 'the top'"),
    ],
)
def test_what_the_validator_refuses_is_an_error_at_the_reference_cell(tmp_path: Path, reference: str, message: str) -> None:
    (finding,) = lint(T101, tmp_path, senior(post(reference)))
    assert (finding.span.cell, finding.message, finding.severity.label) == ("A6", message, "error")


def test_a_blank_reference_with_a_name_is_a_row_and_reported(tmp_path: Path) -> None:
    (finding,) = lint(T101, tmp_path, senior(post("")))
    assert (Found.of(finding), finding.message) == (Found("T101", None, "A6"), "the Post Unique Reference is blank")


def test_what_only_the_schema_refuses_is_a_warning(tmp_path: Path) -> None:
    (finding,) = lint(T101, tmp_path, senior(post("DIR_D")))
    assert (Found.of(finding), finding.severity.label) == (Found("T101", "DIR_D", "A6"), "warning")
    assert (
        finding.message
        == "reference 'DIR_D' contains '_': the organogram schema asks for letters, digits and '-' only, the publication validator accepts it"
    )


def test_each_row_at_fault_is_reported(tmp_path: Path) -> None:
    assert [f.where for f in found(T101, tmp_path, senior(post("A B"), post("C;D"), post("E-F")))] == ["A6", "A7"]
