"""L113 designation-placement: a designation the ruleset places on particular posts is held elsewhere,
by too many of them, or by too few."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import regrade

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
L113 = RuleTester("L113", {"placed.yaml": RULESET})

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
    L113.expect(tmp_path, PLACED, alone=False)


def test_a_misplaced_holder_is_reported_at_its_designation_and_nothing_else_fires(tmp_path: Path) -> None:
    text = PLACED.replace(
        "department: governance, designations: [monitoring-officer,", "department: resources, designations: [monitoring-officer,"
    )
    message = "'AD1' is designated Monitoring Officer, which the ruleset places on a post with tier 2 and department governance"
    L113.only_finding(tmp_path, text, expected=Expected("AD1", ("id: AD1", "monitoring-officer"), message))


def test_a_misplaced_holder_is_not_also_too_few(tmp_path: Path) -> None:
    """The misplaced holder's finding says where the designation belongs: no second finding at the organisation."""
    text = regrade(PLACED, "AD1", "designations: [monitoring-officer, ", "designations: [")
    text = regrade(text, "AD3", "deputy-monitoring-officer]", "deputy-monitoring-officer, monitoring-officer]")
    L113.expect(tmp_path, text, Expected("AD3", ("id: AD3", "monitoring-officer]")))


@pytest.mark.parametrize(
    ("old", "new", "expected", "message_start"),
    [
        pytest.param(
            "[chief-finance-officer, deputy-chief-executive]",
            "[chief-finance-officer]",
            Expected(None, "2:1"),
            "1 of the 2 Deputy Chief Executive designation(s) the ruleset places on ",
            id="too-few-at-the-organisation",
        ),
        pytest.param(
            "[deputy-chief-finance-officer, deputy-monitoring-officer]",
            "[deputy-chief-finance-officer, deputy-monitoring-officer, deputy-chief-executive]",
            Expected("AD3", ("id: AD3", "deputy-chief-executive")),
            "'AD3' is one Deputy Chief Executive too many: the ruleset places 2 on ",
            id="each-holder-beyond-the-count",
        ),
    ],
)
def test_a_count_missed_is_reported(tmp_path: Path, old: str, new: str, expected: Expected, message_start: str) -> None:
    (finding,) = L113.expect(tmp_path, PLACED.replace(old, new), expected)
    assert finding.message.startswith(message_start)


def test_a_designation_written_within_a_job_title_is_its_x002_alone(tmp_path: Path) -> None:
    text = PLACED.replace(
        "designations: [chief-finance-officer, deputy-chief-executive]",
        'designations: [chief-finance-officer, "AD Resources and Deputy Chief Executive"]',
    )
    assert [(f.code, f.post) for f in L113.findings(tmp_path, text, alone=False)] == [("X002", "AD2")]
