"""L101 missing-head-of-paid-service: no post is designated head of paid service."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import DISTRICT, council, required_designation_cases

L101 = RuleTester("L101")


@pytest.mark.parametrize(
    ("text", "expected", "alone"),
    required_designation_cases(
        "CE", "Head of Paid Service", ["head-of-paid-service", "HoPS", "Head of Paid Service", "head of paid service"]
    ),
)
def test_every_council_needs_a_head_of_paid_service(tmp_path: Path, text: str, expected: list[Expected], alone: bool) -> None:
    L101.expect(tmp_path, text, *expected, alone=alone)


def test_a_holder_anywhere_in_the_structure_counts(tmp_path: Path) -> None:
    text = council("district", "CE", "[]").replace("[monitoring-officer]", "[monitoring-officer, head-of-paid-service]")
    L101.expect(tmp_path, text)


def test_an_empty_structure_has_none(tmp_path: Path) -> None:
    L101.expect(tmp_path, DISTRICT.split("posts:")[0] + "posts: []\n", Expected(None, "2:1"))
