"""L103 missing-monitoring-officer: no post is designated monitoring officer."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

L103 = RuleTester("L103")


def structure(council_type: str, governance_designations: str, ruleset: str = "uk-local-government") -> str:
    return f"""orglint: 1
organisation: {{name: Example Council, type: {council_type}, ruleset: {ruleset}}}
posts:
  - {{id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}}
  - {{id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}}
  - {{id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [{governance_designations}]}}
  - {{id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}}
"""


@pytest.mark.parametrize("council_type", ["district", "county", "unitary", "metropolitan-district", "london-borough", "other"])
def test_every_type_of_council_needs_one(tmp_path: Path, council_type: str) -> None:
    assert L103.findings(tmp_path, structure(council_type, "")) == [Found("L103", None, "2:1")]


def test_reported_once_at_the_organisation_key_and_nothing_else_fires(tmp_path: Path) -> None:
    assert L103.findings(tmp_path, structure("district", "returning-officer"), alone=False) == [Found("L103", None, "2:1")]
    (finding,) = L103.lint(tmp_path, structure("district", ""))
    assert "(monitoring-officer)" in finding.message and "a district council must have" in finding.message


@pytest.mark.parametrize("written", ["monitoring-officer", "MO", "Monitoring Officer"])
def test_any_name_of_the_designation_counts(tmp_path: Path, written: str) -> None:
    assert L103.findings(tmp_path, structure("district", written), alone=False) == []


def test_a_deputy_is_not_the_officer(tmp_path: Path) -> None:
    assert L103.findings(tmp_path, structure("district", "deputy MO")) == [Found("L103", None, "2:1")]


def test_a_ruleset_that_requires_no_designation_asks_for_none(tmp_path: Path) -> None:
    assert L103.findings(tmp_path, structure("district", "", ruleset="core")) == []
