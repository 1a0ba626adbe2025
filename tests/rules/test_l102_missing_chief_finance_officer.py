"""L102 missing-chief-finance-officer: no post is designated chief finance officer (s151 officer)."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import required_designation_cases

L102 = RuleTester("L102")


@pytest.mark.parametrize(
    ("text", "expected", "alone"),
    required_designation_cases(
        "AD1",
        "Chief Finance Officer",
        ["chief-finance-officer", "s151", "S151 Officer", "section 151 officer", "CFO"],
        deputy="[deputy-chief-finance-officer]",
    ),
)
def test_every_council_needs_a_chief_finance_officer(tmp_path: Path, text: str, expected: list[Expected], alone: bool) -> None:
    L102.expect(tmp_path, text, *expected, alone=alone)
