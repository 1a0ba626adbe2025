"""E102 evaluation-incomplete: an evaluation record lacks a required field, or uses a scheme the ruleset does not accept."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .evaluated import EVALUATED, FILES
from .graded import regrade

E102 = RuleTester("E102")

FULL = "{scheme: HAY, date: 2024-01-15, grade: AD, rationale: Leads the service}"


@pytest.mark.parametrize(
    ("record", "missing"),
    [
        ("{date: 2024-01-15, grade: AD, rationale: Leads the service}", "scheme"),
        ("{scheme: HAY, grade: AD, rationale: Leads the service}", "date"),
        ("{scheme: HAY, date: 2024-01-15, rationale: Leads the service}", "grade"),
        ("{scheme: HAY, date: 2024-01-15, grade: AD}", "rationale"),
        ("{}", "scheme, date, grade, rationale"),
    ],
)
def test_the_missing_fields_are_named_in_one_finding_at_the_record(tmp_path: Path, record: str, missing: str) -> None:
    text = regrade(EVALUATED, "AD2", FULL, record)
    finding = E102.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("E102", "AD2", where(text, "id: AD2", record))
    assert finding.message == f"'AD2': the evaluation record has no {missing}"


def test_a_scheme_the_ruleset_does_not_accept_is_reported_at_the_scheme(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", "scheme: HAY", "scheme: GLPC")
    finding = E102.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("E102", "AD3", where(text, "id: AD3", "GLPC"))
    assert finding.message == "'AD3': evaluated under 'GLPC', not a scheme the ruleset accepts (HAY)"


def test_a_missing_field_and_a_wrong_scheme_are_two_findings(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", FULL, "{scheme: hay, date: 2024-01-15, grade: AD}")
    assert [f.where for f in E102.findings(tmp_path, text, FILES)] == [
        where(text, "id: AD3", "{scheme"),
        where(text, "id: AD3", "hay"),
    ]


def test_no_record_is_e101_s(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", f", evaluation: {FULL}", "")
    assert E102.findings(tmp_path, text, FILES) == []


def test_a_field_given_but_unreadable_is_x002_alone(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", "date: 2024-01-15", "date: last spring")
    assert [f.code for f in E102.findings(tmp_path, text, FILES, alone=False)] == ["X002"]
