"""L103 missing-monitoring-officer: no post is designated monitoring officer."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import required_designation_cases

L103 = RuleTester("L103")


@pytest.mark.parametrize(
    ("text", "expected", "alone"),
    required_designation_cases(
        "AD2", "Monitoring Officer", ["monitoring-officer", "MO", "Monitoring Officer"], deputy="[deputy MO]"
    ),
)
def test_every_council_needs_a_monitoring_officer(tmp_path: Path, text: str, expected: list[Expected], alone: bool) -> None:
    L103.expect(tmp_path, text, *expected, alone=alone)
