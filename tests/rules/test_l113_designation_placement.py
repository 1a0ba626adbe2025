"""L113 designation-placement: a designation the ruleset places on particular posts is held elsewhere,
by too many of them, or by too few."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where

L113 = RuleTester("L113")

RULESET = """orglint-ruleset: 1
name: placed
extends: [uk-local-government]
rules:
  L113:
    placements:
      - {designation: chief-finance-officer, on: {tier: 2, department: resources}}
      - {designation: monitoring-officer, on: {tier: 2, department: governance}}
      - {designation: deputy-chief-executive, on: {tier: 2}, count: 2}
"""
FILES = {"placed.yaml": RULESET}

PLACED = """orglint: 1
organisation: {name: Example District Council, type: district, ruleset: ./placed.yaml}
departments: [{id: governance}, {id: resources}]
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: AD1, title: AD Governance, reports_to: CE, tier: 2, department: governance, designations: [monitoring-officer, deputy-chief-executive]}
  - {id: AD2, title: AD Resources, reports_to: CE, tier: 2, department: resources, designations: [chief-finance-officer, deputy-chief-executive], qualifications: [CIPFA]}
  - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
"""


def test_every_designation_where_the_ruleset_places_it_is_clean(tmp_path: Path) -> None:
    assert L113.findings(tmp_path, PLACED, FILES, alone=False) == []


def test_a_misplaced_holder_is_reported_at_its_designation_and_nothing_else_fires(tmp_path: Path) -> None:
    text = PLACED.replace(
        "department: governance, designations: [monitoring-officer,", "department: resources, designations: [monitoring-officer,"
    )
    found = L113.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("L113", "AD1", where(text, "id: AD1", "monitoring-officer"))]
    assert (
        found[0].message
        == "'AD1' is designated Monitoring Officer, which the ruleset places on a post with tier 2 and department governance"
    )
    assert L113.findings(tmp_path, text, FILES, alone=False) == [Found.of(found[0])]


def test_a_misplaced_holder_is_not_also_too_few(tmp_path: Path) -> None:
    """The misplaced holder's finding says where the designation belongs: no second finding at the organisation."""
    text = PLACED.replace(
        "tier: 2, department: governance, designations: [monitoring-officer, deputy-chief-executive]",
        "tier: 2, department: governance, designations: [deputy-chief-executive]",
    )
    text = text.replace(
        "designations: [deputy-chief-finance-officer, deputy-monitoring-officer]",
        "designations: [deputy-chief-finance-officer, deputy-monitoring-officer, monitoring-officer]",
    )
    assert L113.findings(tmp_path, text, FILES) == [Found("L113", "AD3", where(text, "id: AD3", "monitoring-officer]"))]


def test_too_few_holders_are_reported_at_the_organisation(tmp_path: Path) -> None:
    text = PLACED.replace("[chief-finance-officer, deputy-chief-executive]", "[chief-finance-officer]")
    found = L113.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("L113", None, "2:1")]
    assert found[0].message.startswith("1 of the 2 Deputy Chief Executive designation(s) the ruleset places on ")


def test_holders_beyond_the_count_are_each_reported(tmp_path: Path) -> None:
    text = PLACED.replace(
        "[deputy-chief-finance-officer, deputy-monitoring-officer]",
        "[deputy-chief-finance-officer, deputy-monitoring-officer, deputy-chief-executive]",
    )
    found = L113.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("L113", "AD3", where(text, "id: AD3", "deputy-chief-executive"))]
    assert found[0].message.startswith("'AD3' is one Deputy Chief Executive too many: the ruleset places 2 on ")
