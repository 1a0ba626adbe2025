"""T109 undisclosed-organisation: a senior row's Organisation or Unit is blank or N/D (or, a warning,
a junior row's is blank, or the organisation is n/d or N/A on a real post)."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior, team

T109 = RuleTester("T109")


@pytest.mark.parametrize(("value", "said"), [("", "blank"), ("N/D", "withheld (N/D)")])
def test_blank_or_withheld_is_an_error_at_the_cell(tmp_path: Path, value: str, said: str) -> None:
    findings = lint(T109, tmp_path, senior(changes={"DIR-C": {"organisation": value, "unit": value}}))
    assert [Found.of(d) for d in findings] == [Found("T109", "DIR-C", "F5"), Found("T109", "DIR-C", "G5")]
    assert [d.message for d in findings] == [
        f"the Organisation is {said}: it must be given",
        f"the Unit is {said}: it must be given",
    ]
    assert {d.severity.label for d in findings} == {"error"}


@pytest.mark.parametrize("value", ["n/d", "N/A"])
def test_what_only_the_schema_refuses_is_a_warning(tmp_path: Path, value: str) -> None:
    (finding,) = lint(T109, tmp_path, senior(changes={"DIR-C": {"organisation": value}}))
    assert (finding.span.cell, finding.severity.label) == ("F5", "warning")


def test_a_reference_zero_row_may_say_n_a(tmp_path: Path) -> None:
    zero = post("0", name="N/D", title="Not in post", function="N/A", unit="N/A", organisation="N/A", phone="N/A", email="N/A")
    assert found(T109, tmp_path, senior(zero)) == []


def test_a_blank_unit_on_a_junior_row_is_a_warning_at_its_cell(tmp_path: Path) -> None:
    findings = lint(T109, tmp_path, senior(), junior(team("DIR-A", unit=""), *TEAMS))
    assert [(Found.of(d), d.severity.label) for d in findings] == [
        (Found("T109", "DIR-A › HEO › Operations Manager", "B2"), "warning")
    ]
    assert findings[0].message.startswith("the Unit is blank: the organogram schema requires it on junior rows")


def test_a_blank_organisation_on_a_junior_row_is_a_warning_at_its_cell(tmp_path: Path) -> None:
    findings = lint(T109, tmp_path, senior(), junior(team("DIR-B", organisation=""), *TEAMS))
    assert [(d.span.cell, d.severity.label) for d in findings] == [("A2", "warning")]
