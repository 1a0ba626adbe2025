"""T104 no-top-post: no live senior post reports to XX."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import SENIOR_COLUMNS, TEAMS, found, junior, lint, post, senior

T104 = RuleTester("T104")


def test_a_top_post_is_clean_and_several_are_allowed(tmp_path: Path) -> None:
    assert found(T104, tmp_path, senior(), junior(*TEAMS), alone=False) == []
    assert found(T104, tmp_path, senior(post("BOARD", "XX"))) == []


def test_no_post_reporting_to_xx_is_reported_at_the_column_s_header(tmp_path: Path) -> None:
    findings = lint(T104, tmp_path, senior(changes={"CEO": {"reports_to": "DIR-A"}}))
    assert [Found.of(d) for d in findings] == [Found("T104", None, "J1")]
    assert findings[0].message == "no senior post reports to XX: the organogram has no top post"


def test_lower_case_xx_is_a_top(tmp_path: Path) -> None:
    assert found(T104, tmp_path, senior(changes={"CEO": {"reports_to": "xx"}})) == []


def test_only_eliminated_tops(tmp_path: Path) -> None:
    (finding,) = lint(T104, tmp_path, senior(changes={"CEO": {"name": "Eliminated"}}))
    assert finding.message == "the only posts reporting to XX are eliminated: the organogram has no top post"


def test_a_header_without_rows(tmp_path: Path) -> None:
    (finding,) = lint(T104, tmp_path, ",".join(SENIOR_COLUMNS.values()) + "\n")
    assert (finding.span.cell, finding.message) == ("J1", "the senior staff table has no rows: the organogram has no top post")
