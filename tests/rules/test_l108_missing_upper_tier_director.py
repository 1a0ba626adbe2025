"""L108 missing-upper-tier-director: an upper-tier council lacks a DCS, a DASS or a DPH."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .councils import DISTRICT, UNITARY, designate

L108 = RuleTester("L108")


@pytest.mark.parametrize("council_type", ["county", "unitary", "metropolitan-district", "london-borough"])
def test_an_upper_tier_council_with_all_three_is_clean(tmp_path: Path, council_type: str) -> None:
    assert L108.findings(tmp_path, UNITARY.replace("type: unitary", f"type: {council_type}"), alone=False) == []


@pytest.mark.parametrize(
    ("post", "statute"),
    [
        ("DCS", "Children Act 2004 s18"),
        ("DASS", "Local Authority Social Services Act 1970 s6(A1)"),
        ("DPH", "National Health Service Act 2006 s73A"),
    ],
)
def test_each_missing_director_cites_its_own_statute(tmp_path: Path, post: str, statute: str) -> None:
    text = designate(UNITARY, post, "[]")
    (finding,) = L108.lint(tmp_path, text)
    assert Found.of(finding) == Found("L108", None, "2:1")
    assert finding.basis == statute and "which a unitary council must have" in finding.message


def test_each_missing_director_is_a_finding_of_its_own(tmp_path: Path) -> None:
    text = designate(designate(designate(UNITARY, "DCS", "[]"), "DASS", "[]"), "DPH", "[]")
    found = L108.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("L108", None, "2:1")] * 3
    assert ["(director-of-adult-social-services)" in d.message for d in found] == [True, False, False]  # sorted by message


def test_one_missing_director_is_the_only_finding(tmp_path: Path) -> None:
    text = designate(UNITARY, "DPH", "[]")
    assert L108.findings(tmp_path, text, alone=False) == [Found("L108", None, "2:1")]


def test_a_director_by_another_name_counts(tmp_path: Path) -> None:
    text = designate(designate(UNITARY, "DPH", "[DPH]"), "DASS", "[director of adult social care]")
    assert L108.findings(tmp_path, text) == []


@pytest.mark.parametrize("council_type", ["district", "other"])
def test_a_district_needs_none(tmp_path: Path, council_type: str) -> None:
    assert L108.findings(tmp_path, DISTRICT.replace("type: district", f"type: {council_type}")) == []
