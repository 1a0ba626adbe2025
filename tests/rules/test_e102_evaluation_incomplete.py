"""E102 evaluation-incomplete: an evaluation record lacks a required field, or uses a scheme the ruleset does not accept."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .evaluated import EVALUATED, FILES
from .graded import regrade

E102 = RuleTester("E102", FILES)

FULL = "{scheme: HAY, date: 2024-01-15, grade: AD, rationale: Leads the service}"

LACKING = {
    "scheme": "{date: 2024-01-15, grade: AD, rationale: Leads the service}",
    "date": "{scheme: HAY, grade: AD, rationale: Leads the service}",
    "grade": "{scheme: HAY, date: 2024-01-15, rationale: Leads the service}",
    "rationale": "{scheme: HAY, date: 2024-01-15, grade: AD}",
    "scheme, date, grade, rationale": "{}",
}
"""A record lacking the fields named, by their names as the message gives them."""


@pytest.mark.parametrize(
    ("post", "old", "new", "at", "message"),
    [
        *(
            pytest.param("AD2", FULL, record, record, f"'AD2': the evaluation record has no {missing}", id=f"no {missing}")
            for missing, record in LACKING.items()
        ),
        pytest.param(
            "AD3",
            "scheme: HAY",
            "scheme: GLPC",
            "GLPC",
            "'AD3': evaluated under 'GLPC', not a scheme the ruleset accepts (HAY)",
            id="a scheme the ruleset does not accept, at the scheme",
        ),
    ],
)
def test_the_missing_fields_or_the_wrong_scheme_are_one_finding_at_the_record(
    tmp_path: Path, post: str, old: str, new: str, at: str, message: str
) -> None:
    text = regrade(EVALUATED, post, old, new)
    E102.only_finding(tmp_path, text, expected=Expected(post, (f"id: {post}", at), message))


def test_a_missing_field_and_a_wrong_scheme_are_two_findings(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", FULL, "{scheme: hay, date: 2024-01-15, grade: AD}")
    E102.expect(tmp_path, text, Expected("AD3", ("id: AD3", "{scheme")), Expected("AD3", ("id: AD3", "hay")))


def test_no_record_is_e101_s(tmp_path: Path) -> None:
    E102.expect(tmp_path, regrade(EVALUATED, "AD3", f", evaluation: {FULL}", ""))


def test_a_field_given_but_unreadable_is_x002_alone(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD3", "date: 2024-01-15", "date: last spring")
    assert [f.code for f in E102.findings(tmp_path, text, alone=False)] == ["X002"]
