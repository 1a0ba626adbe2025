"""L104 duplicate-designation: a sole designation is held by more than one post."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .councils import DISTRICT

L104 = RuleTester("L104")

HEAD = DISTRICT.split("posts:\n")[0] + "posts:\n"
CLEAN = DISTRICT


def test_one_holder_of_each_is_clean(tmp_path: Path) -> None:
    assert L104.findings(tmp_path, CLEAN, alone=False) == []


def test_every_holder_after_the_first_is_reported_at_its_designation(tmp_path: Path) -> None:
    text = HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}\n"
        "  - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [monitoring-officer, chief-finance-officer], qualifications: [CIPFA]}\n"
        "  - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}\n"
        "  - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-monitoring-officer, monitoring-officer]}\n"
    )
    found = L104.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("L104", "AD2", "6:77"), Found("L104", "AD3", "7:99")]
    assert found[0].message == "Monitoring Officer is also held by 'AD1': only one post may hold it (3 do)"


def test_a_designation_that_is_not_sole_may_be_held_by_many(tmp_path: Path) -> None:
    text = CLEAN.replace("[monitoring-officer]", "[monitoring-officer, deputy-chief-finance-officer]")
    assert L104.findings(tmp_path, text) == []


def test_one_post_writing_a_designation_twice_is_one_holder(tmp_path: Path) -> None:
    """`s151` and `CFO` on one post name one designation: that post holds it once."""
    text = CLEAN.replace("[chief-finance-officer]", "[s151, CFO]")
    assert L104.findings(tmp_path, text) == []


def test_aliases_of_one_designation_on_two_posts_are_a_duplicate(tmp_path: Path) -> None:
    text = CLEAN.replace("deputy-monitoring-officer]", "deputy-monitoring-officer, HoPS]")
    assert L104.findings(tmp_path, text, alone=False) == [Found("L104", "AD3", "7:129")]


@pytest.mark.parametrize(
    "designation",
    ["director-of-childrens-services", "director-of-adult-social-services", "director-of-public-health", "scrutiny-officer"],
)
def test_each_sole_designation(tmp_path: Path, designation: str) -> None:
    text = CLEAN.replace("[deputy-chief-finance-officer, deputy-monitoring-officer]", f"[{designation}]")
    text = text.replace("[head-of-paid-service]", f"[head-of-paid-service, {designation}]")
    assert [(f.code, f.post) for f in L104.findings(tmp_path, text)] == [("L104", "AD3")]
