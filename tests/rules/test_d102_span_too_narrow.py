"""D102 span-too-narrow: a manager of two or more has fewer reports than ``min-direct-reports``."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .core import CLEAN, HEAD, OURS, ruleset, team

D102 = RuleTester("D102")


def test_at_the_floor_is_clean(tmp_path: Path) -> None:
    assert D102.findings(tmp_path, CLEAN, alone=False) == []


def test_one_under_is_an_info_finding_at_the_manager_s_id_and_nothing_else_fires(tmp_path: Path) -> None:
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 2, 2)
    assert D102.findings(tmp_path, text, alone=False) == [Found("D102", "CE", "4:10")]
    (finding,) = D102.lint(tmp_path, text)
    assert finding.severity.label == "info"
    assert finding.message == "'Chief Executive' has 2 direct reports; the ruleset expects at least 3"


def test_one_report_is_d103_s_and_none_is_not_a_manager(tmp_path: Path) -> None:
    text = CLEAN + team("AD1", 1, 3)
    assert D102.findings(tmp_path, text) == []
    assert D102.findings(tmp_path, text, alone=False) == [Found("D103", "AD1", "5:10")]


def test_every_narrow_manager_is_reported(tmp_path: Path) -> None:
    text = CLEAN + team("AD1", 2, 3, "A") + team("AD2", 2, 3, "B") + team("AD3", 3, 3, "C")
    assert D102.findings(tmp_path, text) == [Found("D102", "AD1", "5:10"), Found("D102", "AD2", "6:10")]


def test_the_ruleset_sets_the_floor(tmp_path: Path) -> None:
    text = OURS + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 4, 2)
    assert D102.findings(tmp_path, text, ruleset("  D102: {min-direct-reports: 5}\n")) == [Found("D102", "CE", "4:10")]
    assert D102.findings(tmp_path, text, ruleset("  D102: {min-direct-reports: 4}\n")) == []


def test_a_manager_with_groups_of_posts_under_it_leads_more_than_its_posts(tmp_path: Path) -> None:
    """Its junior staff report to it directly or through one another: how many directly is not
    known, so its span is not judged narrow; too wide it still may be (D101)."""
    group = "  - {id: TEAM, title: Caseworkers, reports_to: CE, tier: 2, group: true, fte: 6}\n"
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 2, 2) + group
    assert D102.findings(tmp_path, text, alone=False) == []
