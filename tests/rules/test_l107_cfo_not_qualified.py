"""L107 cfo-not-qualified: the chief finance officer holds no accepted accountancy qualification."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .councils import DISTRICT

L107 = RuleTester("L107")


def with_qualifications(qualifications: str) -> str:
    return DISTRICT.replace("qualifications: [CIPFA]", qualifications)


@pytest.mark.parametrize("accepted", ["CIPFA", "ICAEW", "ICAS", "ICAI", "ACCA"])
def test_each_accepted_body_qualifies(tmp_path: Path, accepted: str) -> None:
    assert L107.findings(tmp_path, with_qualifications(f"qualifications: [{accepted}]"), alone=False) == []


def test_one_accepted_among_others_qualifies(tmp_path: Path) -> None:
    assert L107.findings(tmp_path, with_qualifications("qualifications: [MBA, ACCA, PRINCE2]")) == []


def test_no_accepted_one_is_reported_at_the_qualifications_and_nothing_else_fires(tmp_path: Path) -> None:
    text = with_qualifications("qualifications: [MBA, CIMA]")
    assert L107.findings(tmp_path, text, alone=False) == [Found("L107", "AD1", where(text, "id: AD1", "[MBA"))]
    (finding,) = L107.lint(tmp_path, text)
    assert finding.message == (
        "chief finance officer 'AD1' holds no accepted accountancy qualification (has: MBA, CIMA; accepted: CIPFA, ICAEW, ICAS, ICAI, ACCA)"
    )


@pytest.mark.parametrize("absent", ["", ", qualifications: []"])
def test_no_qualifications_are_reported_at_the_designation(tmp_path: Path, absent: str) -> None:
    text = with_qualifications("XX").replace(", XX", absent)
    assert L107.findings(tmp_path, text) == [Found("L107", "AD1", where(text, "id: AD1", "chief-finance-officer"))]
    assert "(has: none;" in L107.lint(tmp_path, text)[0].message


def test_the_designation_written_by_another_name(tmp_path: Path) -> None:
    text = with_qualifications("qualifications: [MBA]").replace("[chief-finance-officer]", "[s151]")
    assert L107.findings(tmp_path, text) == [Found("L107", "AD1", where(text, "id: AD1", "[MBA]"))]
    text = text.replace(", qualifications: [MBA]", "")
    assert L107.findings(tmp_path, text) == [Found("L107", "AD1", where(text, "id: AD1", "s151"))]


def test_only_the_chief_finance_officer_is_judged(tmp_path: Path) -> None:
    """The deputy (AD3) and a post with no designation need no qualification; no CFO at all is L102's."""
    text = DISTRICT.replace("designations: [chief-finance-officer], qualifications: [CIPFA]", "qualifications: [MBA]")
    assert L107.findings(tmp_path, text) == []


def test_a_ruleset_may_accept_other_bodies(tmp_path: Path) -> None:
    ruleset = "orglint-ruleset: 1\nname: cima\nextends: [uk-local-government]\nrules:\n  L107: {accepted-qualifications: {CIMA: Chartered Institute of Management Accountants}}\n"
    text = with_qualifications("qualifications: [CIMA]").replace("ruleset: uk-local-government", "ruleset: ./cima.yaml")
    assert L107.findings(tmp_path, text, {"cima.yaml": ruleset}) == []
    text = text.replace("[CIMA]", "[CIPFA]")
    assert [f.code for f in L107.findings(tmp_path, text, {"cima.yaml": ruleset})] == ["L107"]


@pytest.mark.parametrize(
    "written", ["cipfa", "Chartered Institute of Public Finance and Accountancy", "CPFA", "C.P.F.A.", "fca", "FCCA"]
)
def test_a_qualification_is_read_as_people_write_it(tmp_path: Path, written: str) -> None:
    """By its code, its body's name or a member's letters, in any case: not a false statutory error."""
    assert L107.findings(tmp_path, with_qualifications(f"qualifications: [{written!r}]")) == []


@pytest.mark.parametrize("written", ["CIMA", "CPA", "cipf", "Chartered Institute"])
def test_what_is_none_of_them_is_still_reported(tmp_path: Path, written: str) -> None:
    assert [f.code for f in L107.findings(tmp_path, with_qualifications(f"qualifications: [{written!r}]"))] == ["L107"]
