"""L102 missing-chief-finance-officer: no post is designated chief finance officer (s151 officer)."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

L102 = RuleTester("L102")


def structure(council_type: str, resources_designations: str, ruleset: str = "uk-local-government") -> str:
    return f"""orglint: 1
organisation: {{name: Example Council, type: {council_type}, ruleset: {ruleset}}}
posts:
  - {{id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}}
  - {{id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [{resources_designations}], qualifications: [CIPFA]}}
  - {{id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}}
  - {{id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}}
"""


@pytest.mark.parametrize("council_type", ["district", "county", "unitary", "metropolitan-district", "london-borough", "other"])
def test_every_type_of_council_needs_one(tmp_path: Path, council_type: str) -> None:
    assert L102.findings(tmp_path, structure(council_type, "")) == [Found("L102", None, "2:1")]


def test_reported_once_at_the_organisation_key_and_nothing_else_fires(tmp_path: Path) -> None:
    assert L102.findings(tmp_path, structure("district", "returning-officer"), alone=False) == [Found("L102", None, "2:1")]
    (finding,) = L102.lint(tmp_path, structure("district", ""))
    assert "(chief-finance-officer)" in finding.message and "a district council must have" in finding.message


@pytest.mark.parametrize("written", ["chief-finance-officer", "s151", "S151 Officer", "section 151 officer", "CFO"])
def test_any_name_of_the_designation_counts(tmp_path: Path, written: str) -> None:
    assert L102.findings(tmp_path, structure("district", written), alone=False) == []


def test_a_deputy_is_not_the_officer(tmp_path: Path) -> None:
    """The deputy chief finance officer (AD3) does not stand in for a missing CFO."""
    assert L102.findings(tmp_path, structure("district", "deputy-chief-finance-officer")) == [Found("L102", None, "2:1")]


def test_a_ruleset_that_requires_no_designation_asks_for_none(tmp_path: Path) -> None:
    assert L102.findings(tmp_path, structure("district", "", ruleset="core")) == []
