"""T107 invalid-name: a senior row's Name is blank, or N/D or N/A against its pay, or not N/D on a reference-0 row."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T107 = RuleTester("T107")

ZERO = {"title": "Not in post", "function": "N/A", "unit": "N/A", "phone": "N/A", "email": "N/A"}


def test_names_vacant_and_eliminated_are_clean(tmp_path: Path) -> None:
    assert found(T107, tmp_path, senior(), junior(*TEAMS), alone=False) == []
    assert found(T107, tmp_path, senior(post("DIR-D", name="Vacant"), post("DIR-E", name="Eliminated"))) == []


def test_a_blank_name_is_an_error_at_the_name_cell(tmp_path: Path) -> None:
    findings = lint(T107, tmp_path, senior(changes={"DIR-B": {"name": ""}}))
    assert [(Found.of(d), d.message) for d in findings] == [
        (Found("T107", "DIR-B", "B4"), "the Name is blank: give it, or N/D, Vacant or Eliminated")
    ]


@pytest.mark.parametrize(
    ("floor", "ceiling", "severity"), [("100000", "104999", "error"), ("0", "0", "warning"), ("N/D", "N/D", None), ("", "", None)]
)
def test_n_d_against_the_pay(tmp_path: Path, floor: str, ceiling: str, severity: str | None) -> None:
    findings = lint(T107, tmp_path, senior(post("DIR-D", name="N/D", pay_floor=floor, pay_ceiling=ceiling)))
    assert [(d.span.cell, d.severity.label) for d in findings] == ([("B6", severity)] if severity else [])


@pytest.mark.parametrize(("floor", "severity"), [("0", "warning"), ("100000", "error")])
def test_n_a_is_only_for_rows_without_pay(tmp_path: Path, floor: str, severity: str) -> None:
    ceiling = "0" if floor == "0" else "104999"
    (finding,) = lint(T107, tmp_path, senior(post("DIR-D", name="N/A", pay_floor=floor, pay_ceiling=ceiling)))
    assert (finding.span.cell, finding.severity.label) == ("B6", severity)


def test_n_d_in_another_case_is_a_name_to_the_validator_and_a_warning(tmp_path: Path) -> None:
    (finding,) = lint(T107, tmp_path, senior(post("DIR-D", name="n/d")))
    assert finding.severity.label == "warning" and finding.message.startswith("the name 'n/d': the organogram schema writes N/D")


def test_a_reference_zero_row_must_be_named_n_d(tmp_path: Path) -> None:
    assert found(T107, tmp_path, senior(post("0", name="N/D", **ZERO))) == []
    (finding,) = lint(T107, tmp_path, senior(post("0", name="Sam Jones", **ZERO)))
    assert (Found.of(finding), finding.message) == (
        Found("T107", None, "B6"),
        "the reference is 0 (paid but not in a post), so the name must be N/D, not 'Sam Jones'",
    )


def test_an_unreadable_pay_is_read_as_0_and_left_to_t111(tmp_path: Path) -> None:
    findings = lint(T107, tmp_path, senior(post("DIR-D", name="N/D", pay_floor="lots", pay_ceiling="lots")))
    assert findings == []
