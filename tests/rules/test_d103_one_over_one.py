"""D103 one-over-one: a manager has exactly one direct report."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .core import CLEAN, HEAD, team

D103 = RuleTester("D103")


def test_a_manager_of_one_is_reported_at_its_id_naming_the_report(tmp_path: Path) -> None:
    text = CLEAN + team("AD2", 1, 3)
    assert D103.findings(tmp_path, text, alone=False) == [Found("D103", "AD2", "6:10")]
    (finding,) = D103.lint(tmp_path, text)
    assert finding.message == "'Assistant Director' has one direct report (P1): a one-over-one layer"


def test_two_reports_are_not_one_over_one(tmp_path: Path) -> None:
    assert D103.findings(tmp_path, CLEAN + team("AD2", 2, 3)) == []


def test_a_chain_of_ones_is_a_finding_per_manager(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  - {id: CE, title: Chief Executive, tier: 1}\n"
        + "  - {id: D, title: Director, reports_to: CE, tier: 2}\n"
        + "  - {id: H, title: Head, reports_to: D, tier: 3}\n"
    )
    assert D103.findings(tmp_path, text) == [Found("D103", "CE", "4:10"), Found("D103", "D", "5:10")]


def test_a_loop_is_left_to_s003(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, title: Officer, reports_to: Y, tier: 3}\n  - {id: Y, title: Officer, reports_to: X, tier: 3}\n"
    assert D103.findings(tmp_path, text) == []
    assert D103.findings(tmp_path, CLEAN + "  - {id: X, title: Officer, reports_to: X, tier: 3}\n") == []


GROUP = "  - {id: TEAM, title: Caseworkers, reports_to: AD2, tier: 3, group: true, fte: 6}\n"


def test_a_manager_of_one_post_and_a_group_of_posts_leads_a_team(tmp_path: Path) -> None:
    """An organogram's senior post with one senior report and junior staff rows under it."""
    assert D103.findings(tmp_path, CLEAN + team("AD2", 1, 3) + GROUP) == []


def test_a_group_of_posts_under_another_manager_changes_nothing(tmp_path: Path) -> None:
    text = CLEAN + team("AD2", 1, 3) + GROUP.replace("reports_to: AD2", "reports_to: AD3")
    assert D103.findings(tmp_path, text) == [Found("D103", "AD2", "6:10")]
