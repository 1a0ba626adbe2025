"""L101 missing-head-of-paid-service: no post is designated head of paid service."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .councils import COUNCIL_TYPES, DISTRICT, assert_missing_reported_once, council

L101 = RuleTester("L101")


@pytest.mark.parametrize("council_type", COUNCIL_TYPES)
def test_every_type_of_council_needs_one(tmp_path: Path, council_type: str) -> None:
    assert L101.findings(tmp_path, council(council_type, "CE", "[]")) == [Found("L101", None, "2:1")]


def test_reported_once_at_the_organisation_key_and_nothing_else_fires(tmp_path: Path) -> None:
    assert_missing_reported_once(tmp_path, L101, "CE", "head-of-paid-service")


@pytest.mark.parametrize("written", ["head-of-paid-service", "HoPS", "Head of Paid Service", "head of paid service"])
def test_any_name_of_the_designation_counts(tmp_path: Path, written: str) -> None:
    assert L101.findings(tmp_path, council("district", "CE", f"[{written}]")) == []


def test_a_ruleset_that_requires_no_designation_asks_for_none(tmp_path: Path) -> None:
    assert L101.findings(tmp_path, council("district", "CE", "[]", ruleset="core")) == []


def test_a_holder_anywhere_in_the_structure_counts(tmp_path: Path) -> None:
    text = council("district", "CE", "[]").replace("[monitoring-officer]", "[monitoring-officer, head-of-paid-service]")
    assert L101.findings(tmp_path, text) == []


def test_an_empty_structure_has_none(tmp_path: Path) -> None:
    text = DISTRICT.split("posts:")[0] + "posts: []\n"
    assert L101.findings(tmp_path, text) == [Found("L101", None, "2:1")]
