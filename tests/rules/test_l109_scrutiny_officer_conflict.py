"""L109 scrutiny-officer-conflict: the scrutiny officer is also HoPS, MO or CFO, or there is none."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import DISTRICT, SCOTTISH, UNITARY, WELSH, designate

L109 = RuleTester("L109")


def test_a_scrutiny_officer_of_its_own_is_clean(tmp_path: Path) -> None:
    assert L109.findings(tmp_path, UNITARY, alone=False) == []


@pytest.mark.parametrize(
    ("post", "designations", "also"),
    [
        ("CE", "[head-of-paid-service, scrutiny-officer]", "Head of Paid Service"),
        ("DL", "[monitoring-officer, deputy-chief-finance-officer, scrutiny-officer]", "Monitoring Officer"),
        ("DR", "[scrutiny-officer, chief-finance-officer, deputy-monitoring-officer]", "Chief Finance Officer"),
    ],
)
def test_each_barred_office_is_reported_at_the_scrutiny_designation(
    tmp_path: Path, post: str, designations: str, also: str
) -> None:
    text = designate(designate(UNITARY, "HDS", "[]"), post, designations)
    message = f"scrutiny officer {post!r} is also {also}, which s9FB forbids"
    L109.expect(tmp_path, text, Expected(post, (f"id: {post},", "scrutiny-officer"), message))


def test_two_barred_offices_are_one_finding_naming_both(tmp_path: Path) -> None:
    text = designate(designate(UNITARY, "HDS", "[]"), "DL", "[scrutiny-officer, monitoring-officer, chief-finance-officer]")
    text = designate(text, "DR", "[deputy-monitoring-officer]")
    (finding,) = L109.lint(tmp_path, text)
    assert finding.message == ("scrutiny officer 'DL' is also Monitoring Officer and Chief Finance Officer, which s9FB forbids")


def test_the_deputies_are_not_barred(tmp_path: Path) -> None:
    text = designate(UNITARY, "HDS", "[scrutiny-officer, deputy-monitoring-officer, deputy-chief-finance-officer]")
    assert L109.findings(tmp_path, text) == []


def test_an_upper_tier_council_without_one_is_reported_at_the_organisation_and_nothing_else_fires(tmp_path: Path) -> None:
    text = designate(UNITARY, "HDS", "[]")
    message = "no post is designated scrutiny officer, which a unitary council operating executive arrangements must have"
    L109.only_finding(tmp_path, text, expected=Expected(None, "2:1", message))


@pytest.mark.parametrize(
    ("council", "post", "designations"),
    [
        (DISTRICT, "AD2", "[monitoring-officer, statutory scrutiny officer]"),
        (WELSH, "DL", "[monitoring-officer, deputy-chief-finance-officer, scrutiny-officer]"),
        (SCOTTISH, "CE", "[head-of-paid-service, scrutiny-officer]"),
    ],
    ids=["a two-tier district", "a Welsh council", "a Scottish council"],
)
def test_where_s9fb_lays_no_duty_a_post_called_scrutiny_officer_is_under_no_bar(
    tmp_path: Path, council: str, post: str, designations: str
) -> None:
    """s9FB bars whom a council designates under it: a council it does not reach (Wales's and
    Scotland's, and districts in a county area) designates no one under it."""
    assert L109.findings(tmp_path, council) == []
    assert L109.findings(tmp_path, designate(council, post, designations)) == []


def test_a_committee_system_council_records_why_it_has_none(tmp_path: Path) -> None:
    """s9FB binds councils operating executive arrangements: one on the committee system says so
    at its organisation key, and the finding is suppressed there, not lost."""
    text = designate(UNITARY, "HDS", "[]").replace(
        "organisation: ", "organisation:   # orglint: ignore[L109] -- committee system\n  ", 1
    )
    assert L109.findings(tmp_path, text, alone=False) == []


def test_a_scrutiny_officer_written_within_a_job_title_is_its_x002_alone(tmp_path: Path) -> None:
    text = designate(UNITARY, "HDS", '["Head of Democratic Services and Statutory Scrutiny Officer"]')
    assert [(f.code, f.post) for f in L109.findings(tmp_path, text, alone=False)] == [("X002", "HDS")]
