"""P103 senior-salary-name-withheld: a post paid £150,000 or more that does not name its holder."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .published import COUNCIL, FILES, change

P103 = RuleTester("P103")


@pytest.mark.parametrize(
    ("salary", "reported"),
    [
        ("{min: 150000, max: 154999}", True),  # at the threshold
        ("{min: 149999, max: 154998}", False),  # a pound below: may be paid less
        ("{min: 145000, max: 155000}", False),  # only its top reaches it
        ("{min: 210000, max: 214999}", True),
    ],
)
def test_from_a_salary_minimum_of_150000(tmp_path: Path, salary: str, reported: bool) -> None:
    text = change(change(COUNCIL, "CE", ", holder: Alex Morgan", ""), "CE", "{min: 150000, max: 154999}", salary)
    expected = [Found("P103", "CE", where(text, "{id: CE,", "CE,"))] if reported else []
    assert P103.findings(tmp_path, text, FILES) == expected


def test_a_written_null_holder_is_reported_at_it(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", "holder: Alex Morgan", "holder: null")
    (finding,) = P103.lint(tmp_path, text, FILES)
    assert Found.of(finding) == Found("P103", "CE", where(text, "{id: CE,", "null"))
    assert finding.message == (
        "the salary of post 'CE' starts at £150,000, at or above the £150,000 naming threshold, but its holder is not named"
    )


@pytest.mark.parametrize(
    ("holder", "reported"),
    [
        ("vacant", False),
        ("Vacant", False),
        ("[Alex Morgan, Sam Patel]", False),
        ("[Alex Morgan, null]", True),  # a sharer not named
    ],
)
def test_vacancies_and_job_shares(tmp_path: Path, holder: str, reported: bool) -> None:
    text = change(COUNCIL, "CE", "holder: Alex Morgan", f"holder: {holder}")
    assert [f.post for f in P103.findings(tmp_path, text, FILES)] == (["CE"] if reported else [])


def test_every_level_is_checked_not_only_the_chart_s(tmp_path: Path) -> None:
    text = change(COUNCIL, "T-PLA33", "salary: {min: 38000, max: 42000}", "salary: {min: 150000, max: 150000}")
    assert [f.post for f in P103.findings(tmp_path, text, FILES)] == ["T-PLA33"]


def test_several_posts_are_several_findings_and_the_threshold_is_the_ruleset_s(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", ", holder: Alex Morgan", "")
    text = change(text, "D-RES", ", holder: Director Res", "")
    assert [f.post for f in P103.findings(tmp_path, text, FILES)] == ["CE"]
    lower = {"transparency.yaml": FILES["transparency.yaml"].replace("policy:", "rules:\n  P103: {threshold: 100000}\npolicy:")}
    assert [f.post for f in P103.findings(tmp_path, text, lower)] == ["CE", "D-RES"]


def test_it_is_a_warning_and_the_only_finding_of_the_mistake(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", ", holder: Alex Morgan", "")
    (finding,) = P103.lint(tmp_path, text, FILES, kind="pass")
    assert (finding.code, finding.severity.label) == ("P103", "warning")
