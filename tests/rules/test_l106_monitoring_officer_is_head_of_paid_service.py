"""L106 monitoring-officer-is-head-of-paid-service: one post is both."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .councils import DISTRICT, designate

L106 = RuleTester("L106")

BOTH = designate(designate(DISTRICT, "AD2", "[returning-officer]"), "CE", "[head-of-paid-service, monitoring-officer]")


def test_the_clean_council_is_clean(tmp_path: Path) -> None:
    assert L106.findings(tmp_path, DISTRICT, alone=False) == []


def test_reported_at_the_monitoring_officer_designation_and_nothing_else_fires(tmp_path: Path) -> None:
    assert L106.findings(tmp_path, BOTH, alone=False) == [Found("L106", "CE", where(BOTH, "id: CE", "monitoring-officer"))]
    (finding,) = L106.lint(tmp_path, BOTH)
    assert finding.message.endswith(": the monitoring officer may not be the head of paid service")


@pytest.mark.parametrize(
    ("written", "monitoring"), [("[MO, HoPS]", "MO"), ("[Head of Paid Service, Monitoring Officer]", "Monitoring")]
)
def test_in_any_order_and_by_any_name(tmp_path: Path, written: str, monitoring: str) -> None:
    text = designate(designate(DISTRICT, "AD2", "[returning-officer]"), "CE", written)
    assert L106.findings(tmp_path, text) == [Found("L106", "CE", where(text, "id: CE", monitoring))]


def test_a_deputy_monitoring_officer_may_be_the_head(tmp_path: Path) -> None:
    text = designate(DISTRICT, "CE", "[head-of-paid-service, deputy-monitoring-officer]")
    assert L106.findings(tmp_path, text) == []
