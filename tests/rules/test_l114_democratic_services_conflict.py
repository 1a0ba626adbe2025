"""L114 democratic-services-conflict: a Welsh council's head of democratic services is also its head
of paid service, monitoring officer or CFO (Local Government (Wales) Measure 2011 s8(4))."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .councils import DISTRICT, WELSH, designate

L114 = RuleTester("L114")


@pytest.mark.parametrize("council_type", ["welsh-county", "welsh-county-borough"])
def test_a_head_of_democratic_services_of_their_own_is_clean(tmp_path: Path, council_type: str) -> None:
    text = WELSH.replace("type: welsh-county-borough", f"type: {council_type}")
    assert L114.findings(tmp_path, text, alone=False) == []


@pytest.mark.parametrize(
    ("post", "designations", "also"),
    [
        ("CE", "[head-of-paid-service, head-of-democratic-services]", "Head of Paid Service"),
        ("DL", "[monitoring-officer, deputy-chief-finance-officer, head-of-democratic-services]", "Monitoring Officer"),
        ("DR", "[head-of-democratic-services, chief-finance-officer, deputy-monitoring-officer]", "Chief Finance Officer"),
    ],
)
def test_each_barred_office_is_reported_at_the_democratic_services_designation(
    tmp_path: Path, post: str, designations: str, also: str
) -> None:
    text = designate(designate(WELSH, "HDS", "[]"), post, designations)
    assert L114.findings(tmp_path, text) == [Found("L114", post, where(text, f"id: {post},", "head-of-democratic-services"))]
    (finding,) = L114.lint(tmp_path, text)
    assert f"is also {also}" in finding.message and finding.message.endswith("which the Measure's s8(4) forbids")


def test_one_post_clashing_with_two_offices_is_one_finding_naming_both(tmp_path: Path) -> None:
    text = designate(
        designate(designate(WELSH, "HDS", "[]"), "DL", "[deputy-chief-finance-officer]"),
        "CE",
        "[head-of-paid-service, monitoring-officer, HoDS]",
    )
    (finding,) = L114.lint(tmp_path, text)
    assert Found.of(finding) == Found("L114", "CE", where(text, "id: CE,", "HoDS"))
    assert "is also Head of Paid Service and Monitoring Officer" in finding.message


def test_it_is_the_only_finding_of_the_mistake(tmp_path: Path) -> None:
    text = designate(
        designate(WELSH, "HDS", "[]"), "DR", "[chief-finance-officer, deputy-monitoring-officer, head-of-democratic-services]"
    )
    assert L114.findings(tmp_path, text, alone=False) == [
        Found("L114", "DR", where(text, "id: DR,", "head-of-democratic-services"))
    ]


def test_a_deputy_may_be_head_of_democratic_services(tmp_path: Path) -> None:
    text = designate(designate(WELSH, "HDS", "[]"), "DR", "[chief-finance-officer, head-of-democratic-services]")
    text = designate(text, "DL", "[monitoring-officer, deputy-chief-finance-officer, deputy-monitoring-officer]")
    assert [f.post for f in L114.findings(tmp_path, text)] == ["DR"]  # the CFO, not the deputy MO beside it
    text = designate(designate(WELSH, "HDS", "[]"), "HL", "[head-of-democratic-services, deputy-monitoring-officer]")
    assert L114.findings(tmp_path, text) == []


@pytest.mark.parametrize("council_type", ["district", "unitary", "scottish-council", "other"])
def test_outside_wales_the_title_carries_no_bar(tmp_path: Path, council_type: str) -> None:
    text = designate(
        DISTRICT.replace("type: district", f"type: {council_type}"), "AD2", "[monitoring-officer, head-of-democratic-services]"
    )
    assert L114.findings(tmp_path, text) == []
