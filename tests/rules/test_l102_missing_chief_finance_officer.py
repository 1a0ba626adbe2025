"""L102 missing-chief-finance-officer: no post is designated chief finance officer (s151 officer)."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .councils import COUNCIL_TYPES, assert_missing_reported_once, council

L102 = RuleTester("L102")


@pytest.mark.parametrize("council_type", COUNCIL_TYPES)
def test_every_type_of_council_needs_one(tmp_path: Path, council_type: str) -> None:
    assert L102.findings(tmp_path, council(council_type, "AD1", "[]")) == [Found("L102", None, "2:1")]


def test_reported_once_at_the_organisation_key_and_nothing_else_fires(tmp_path: Path) -> None:
    assert_missing_reported_once(tmp_path, L102, "AD1", "chief-finance-officer")


@pytest.mark.parametrize("written", ["chief-finance-officer", "s151", "S151 Officer", "section 151 officer", "CFO"])
def test_any_name_of_the_designation_counts(tmp_path: Path, written: str) -> None:
    assert L102.findings(tmp_path, council("district", "AD1", f"[{written}]")) == []


def test_a_ruleset_that_requires_no_designation_asks_for_none(tmp_path: Path) -> None:
    assert L102.findings(tmp_path, council("district", "AD1", "[]", ruleset="core")) == []


def test_a_deputy_is_not_the_officer(tmp_path: Path) -> None:
    assert L102.findings(tmp_path, council("district", "AD1", "[deputy-chief-finance-officer]")) == [Found("L102", None, "2:1")]
