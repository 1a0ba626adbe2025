"""L105 monitoring-officer-is-cfo: one post is both monitoring officer and chief finance officer."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .councils import DISTRICT, designate

L105 = RuleTester("L105")

# AD1 becomes the monitoring officer too; AD2 keeps no sole designation, so only L105 can fire.
BOTH = designate(designate(DISTRICT, "AD2", "[returning-officer]"), "AD1", "[chief-finance-officer, monitoring-officer]")


def test_the_clean_council_is_clean(tmp_path: Path) -> None:
    assert L105.findings(tmp_path, DISTRICT, alone=False) == []


def test_reported_at_the_monitoring_officer_designation_and_nothing_else_fires(tmp_path: Path) -> None:
    assert L105.findings(tmp_path, BOTH, alone=False) == [Found("L105", "AD1", where(BOTH, "id: AD1", "monitoring-officer"))]
    (finding,) = L105.lint(tmp_path, BOTH)
    assert finding.message == (
        "'AD1' is both Chief Finance Officer and Monitoring Officer: the monitoring officer may not be the chief finance officer"
    )


@pytest.mark.parametrize(
    ("written", "monitoring"),
    [
        ("[monitoring-officer, chief-finance-officer]", "monitoring-officer"),
        ("[s151, MO]", "MO"),
        ("[Monitoring Officer, CFO]", "Monitoring"),
    ],
)
def test_in_any_order_and_by_any_name(tmp_path: Path, written: str, monitoring: str) -> None:
    text = designate(designate(DISTRICT, "AD2", "[returning-officer]"), "AD1", written)
    assert L105.findings(tmp_path, text) == [Found("L105", "AD1", where(text, "id: AD1", monitoring))]


def test_the_deputies_may_be_one_post(tmp_path: Path) -> None:
    """AD3 is deputy to both: the bar is on the officers themselves."""
    assert L105.findings(tmp_path, DISTRICT) == []


def test_each_post_holding_both_is_reported(tmp_path: Path) -> None:
    text = designate(BOTH, "AD3", "[chief-finance-officer, monitoring-officer]")
    assert [(f.code, f.post) for f in L105.findings(tmp_path, text)] == [("L105", "AD1"), ("L105", "AD3")]
