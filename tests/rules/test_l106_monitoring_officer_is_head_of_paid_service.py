"""L106 monitoring-officer-is-head-of-paid-service: one post is both."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import DISTRICT, designate

L106 = RuleTester("L106")

# AD2 is no longer the monitoring officer, so only L106 can fire when CE is made one.
MO_ELSEWHERE = designate(DISTRICT, "AD2", "[returning-officer]")
MESSAGE = "'CE' is both Head of Paid Service and Monitoring Officer: the monitoring officer may not be the head of paid service"


def test_the_clean_council_is_clean(tmp_path: Path) -> None:
    L106.expect(tmp_path, DISTRICT, alone=False)


def test_a_deputy_monitoring_officer_may_be_the_head(tmp_path: Path) -> None:
    L106.expect(tmp_path, designate(DISTRICT, "CE", "[head-of-paid-service, deputy-monitoring-officer]"))


@pytest.mark.parametrize(
    ("written", "at"),
    [
        pytest.param("[head-of-paid-service, monitoring-officer]", "monitoring-officer", id="as-the-ruleset-names-them"),
        pytest.param("[MO, HoPS]", "MO", id="by-their-short-names-in-the-other-order"),
        pytest.param("[Head of Paid Service, Monitoring Officer]", "Monitoring", id="by-their-titles"),
    ],
)
def test_both_in_any_order_by_any_name_are_one_finding(tmp_path: Path, written: str, at: str) -> None:
    L106.only_finding(tmp_path, designate(MO_ELSEWHERE, "CE", written), expected=Expected("CE", ("id: CE", at), MESSAGE))
