"""L110 statutory-director-line: a DCS or DPH does not report to the head of paid service."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import UNITARY, designate
from .graded import regrade

L110 = RuleTester("L110")


def test_directors_under_the_head_are_clean(tmp_path: Path) -> None:
    L110.expect(tmp_path, UNITARY, alone=False)


def test_each_misplaced_director_is_reported_at_its_reports_to_with_its_own_grounds(tmp_path: Path) -> None:
    text = regrade(UNITARY, "DCS", "reports_to: CE, tier: 2", "reports_to: DL, tier: 3")
    dcs, dph = L110.expect(
        tmp_path,
        regrade(text, "DPH", "reports_to: CE, tier: 2", "reports_to: DASS, tier: 3"),
        Expected(
            "DCS",
            ("id: DCS", "DL"),
            "Director of Children's Services 'DCS' reports to 'DL', not to the head of paid service (CE)",
        ),
        Expected("DPH", ("id: DPH", "DASS")),
    )
    assert dcs.basis.startswith("Children Act 2004 s18") and dph.basis.startswith("National Health Service Act 2006 s73A")


def test_the_only_finding_beside_the_ruleset(tmp_path: Path) -> None:
    text = regrade(UNITARY, "DPH", "reports_to: CE, tier: 2", "reports_to: DL, tier: 3")
    L110.expect(tmp_path, text, Expected("DPH", ("id: DPH", "DL")), alone=False)


def test_a_director_reporting_to_no_one_is_reported_at_its_id(tmp_path: Path) -> None:
    text = regrade(UNITARY, "DPH", "reports_to: CE, tier: 2", "tier: 1")
    (finding,) = L110.expect(tmp_path, text, Expected("DPH", ("id: DPH", "DPH")))
    assert "reports to None" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            regrade(UNITARY, "DASS", "reports_to: CE, tier: 2", "reports_to: DL, tier: 3"),
            id="the-director-of-adult-services-may-report-elsewhere",
        ),
        pytest.param(
            designate(designate(UNITARY, "DCS", "[]"), "CE", "[head-of-paid-service, director-of-childrens-services]"),
            id="the-head-may-be-a-statutory-director-itself",
        ),
        # L101 reports the missing head; every director's line would be wrong otherwise
        pytest.param(designate(UNITARY, "CE", "[]"), id="without-a-head-of-paid-service-no-line-is-judged"),
    ],
)
def test_lines_the_rule_does_not_judge(tmp_path: Path, text: str) -> None:
    L110.expect(tmp_path, text)
