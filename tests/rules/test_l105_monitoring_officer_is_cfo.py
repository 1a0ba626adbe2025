"""L105 monitoring-officer-is-cfo: one post is both monitoring officer and chief finance officer."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import DISTRICT, designate

L105 = RuleTester("L105")

# AD2 is no longer the monitoring officer, so only L105 can fire when AD1 is made one.
MO_ELSEWHERE = designate(DISTRICT, "AD2", "[returning-officer]")
MESSAGE = (
    "'AD1' is both Chief Finance Officer and Monitoring Officer: the monitoring officer may not be the chief finance officer"
)


def test_the_clean_council_is_clean(tmp_path: Path) -> None:
    L105.expect(tmp_path, DISTRICT, alone=False)


@pytest.mark.parametrize(
    ("written", "at"),
    [
        pytest.param("[chief-finance-officer, monitoring-officer]", "monitoring-officer", id="as-the-ruleset-names-them"),
        pytest.param("[monitoring-officer, chief-finance-officer]", "monitoring-officer", id="in-the-other-order"),
        pytest.param("[s151, MO]", "MO", id="by-their-short-names"),
        pytest.param("[Monitoring Officer, CFO]", "Monitoring", id="by-title-and-initials"),
    ],
)
def test_both_in_any_order_by_any_name_are_one_finding(tmp_path: Path, written: str, at: str) -> None:
    L105.only_finding(tmp_path, designate(MO_ELSEWHERE, "AD1", written), expected=Expected("AD1", ("id: AD1", at), MESSAGE))


def test_the_deputies_may_be_one_post(tmp_path: Path) -> None:
    """AD3 is deputy to both: the bar is on the officers themselves."""
    L105.expect(tmp_path, DISTRICT)


def test_each_post_holding_both_is_reported(tmp_path: Path) -> None:
    text = designate(MO_ELSEWHERE, "AD1", "[chief-finance-officer, monitoring-officer]")
    text = designate(text, "AD3", "[chief-finance-officer, monitoring-officer]")
    assert [(f.code, f.post) for f in L105.findings(tmp_path, text)] == [("L105", "AD1"), ("L105", "AD3")]
