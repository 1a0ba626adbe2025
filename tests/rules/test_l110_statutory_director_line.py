"""L110 statutory-director-line: a DCS or DPH does not report to the head of paid service."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .councils import UNITARY, designate

L110 = RuleTester("L110")


def test_directors_under_the_head_are_clean(tmp_path: Path) -> None:
    assert L110.findings(tmp_path, UNITARY, alone=False) == []


def test_each_misplaced_director_is_reported_at_its_reports_to_with_its_own_grounds(tmp_path: Path) -> None:
    text = UNITARY.replace(
        "{id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2",
        "{id: DCS, title: Director of Children's Services, reports_to: DL, tier: 3",
    )
    text = text.replace(
        "{id: DPH, title: Director of Public Health, reports_to: CE, tier: 2",
        "{id: DPH, title: Director of Public Health, reports_to: DASS, tier: 3",
    )
    found = L110.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [
        Found("L110", "DCS", where(text, "id: DCS", "DL")),
        Found("L110", "DPH", where(text, "id: DPH", "DASS")),
    ]
    assert found[0].message == "Director of Children's Services 'DCS' reports to 'DL', not to the head of paid service (CE)"
    assert found[0].basis.startswith("Children Act 2004 s18") and found[1].basis.startswith(
        "National Health Service Act 2006 s73A"
    )


def test_the_only_finding_beside_the_ruleset(tmp_path: Path) -> None:
    text = UNITARY.replace(
        "{id: DPH, title: Director of Public Health, reports_to: CE, tier: 2",
        "{id: DPH, title: Director of Public Health, reports_to: DL, tier: 3",
    )
    assert L110.findings(tmp_path, text, alone=False) == [Found("L110", "DPH", where(text, "id: DPH", "DL"))]


def test_the_director_of_adult_services_may_report_elsewhere(tmp_path: Path) -> None:
    text = UNITARY.replace(
        "{id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2",
        "{id: DASS, title: Director of Adult Services, reports_to: DL, tier: 3",
    )
    assert L110.findings(tmp_path, text) == []


def test_the_head_may_be_a_statutory_director_itself(tmp_path: Path) -> None:
    text = designate(designate(UNITARY, "DCS", "[]"), "CE", "[head-of-paid-service, director-of-childrens-services]")
    assert L110.findings(tmp_path, text) == []


def test_a_director_reporting_to_no_one_is_reported_at_its_id(tmp_path: Path) -> None:
    text = UNITARY.replace(
        "{id: DPH, title: Director of Public Health, reports_to: CE, tier: 2",
        "{id: DPH, title: Director of Public Health, tier: 1",
    )
    assert L110.findings(tmp_path, text) == [Found("L110", "DPH", where(text, "id: DPH", "DPH"))]
    assert "reports to None" in L110.lint(tmp_path, text)[0].message


def test_without_a_head_of_paid_service_no_line_is_judged(tmp_path: Path) -> None:
    """L101 reports the missing head; every director's line would be wrong otherwise."""
    text = designate(UNITARY, "CE", "[]")
    assert L110.findings(tmp_path, text) == []
