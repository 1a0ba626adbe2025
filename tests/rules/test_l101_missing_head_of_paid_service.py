"""L101 missing-head-of-paid-service: no post is designated head of paid service."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

L101 = RuleTester("L101")


def structure(council_type: str, chief_executive_designations: str, ruleset: str = "uk-local-government") -> str:
    return f"""orglint: 1
organisation: {{name: Example Council, type: {council_type}, ruleset: {ruleset}}}
posts:
  - {{id: CE, title: Chief Executive, tier: 1, designations: [{chief_executive_designations}]}}
  - {{id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}}
  - {{id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}}
  - {{id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}}
"""


@pytest.mark.parametrize("council_type", ["district", "county", "unitary", "metropolitan-district", "london-borough", "other"])
def test_every_type_of_council_needs_one(tmp_path: Path, council_type: str) -> None:
    assert L101.findings(tmp_path, structure(council_type, "")) == [Found("L101", None, "2:1")]


def test_reported_once_at_the_organisation_key_and_nothing_else_fires(tmp_path: Path) -> None:
    assert L101.findings(tmp_path, structure("district", "returning-officer"), alone=False) == [Found("L101", None, "2:1")]
    (finding,) = L101.lint(tmp_path, structure("district", ""))
    assert "head-of-paid-service" in finding.message and "a district council must have" in finding.message


@pytest.mark.parametrize("written", ["head-of-paid-service", "HoPS", "Head of Paid Service", "head of paid service"])
def test_any_name_of_the_designation_counts(tmp_path: Path, written: str) -> None:
    assert L101.findings(tmp_path, structure("district", written), alone=False) == []


def test_a_holder_anywhere_in_the_structure_counts(tmp_path: Path) -> None:
    text = structure("district", "").replace("[monitoring-officer]", "[monitoring-officer, head-of-paid-service]")
    assert L101.findings(tmp_path, text) == []


def test_a_ruleset_that_requires_no_designation_asks_for_none(tmp_path: Path) -> None:
    assert L101.findings(tmp_path, structure("district", "", ruleset="core")) == []


def test_an_empty_structure_has_none(tmp_path: Path) -> None:
    text = "orglint: 1\norganisation: {name: Example Council, type: district, ruleset: uk-local-government}\nposts: []\n"
    assert L101.findings(tmp_path, text) == [Found("L101", None, "2:1")]
