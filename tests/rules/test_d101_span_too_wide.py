"""D101 span-too-wide: a manager has more direct reports than the ruleset's ``max-direct-reports``."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .core import HEAD, OURS, ruleset, team

D101 = RuleTester("D101")


def test_at_the_limit_is_clean(tmp_path: Path) -> None:
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 12, 2)
    assert D101.findings(tmp_path, text, alone=False) == []


def test_one_over_is_reported_at_the_manager_s_id_and_nothing_else_fires(tmp_path: Path) -> None:
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 13, 2)
    assert D101.findings(tmp_path, text, alone=False) == [Found("D101", "CE", "4:10")]
    (finding,) = D101.lint(tmp_path, text)
    assert finding.message == "'Chief Executive' has 13 direct reports; the ruleset allows at most 12"


def test_every_manager_over_the_limit_is_reported(tmp_path: Path) -> None:
    text = (
        OURS
        + "  - {id: CE, title: Chief Executive, tier: 1}\n"
        + "  - {id: A, title: Director, reports_to: CE, tier: 2}\n"
        + "  - {id: B, title: Director, reports_to: CE, tier: 2}\n"
        + "  - {id: C, title: Director, reports_to: CE, tier: 2}\n"
        + team("A", 4, 3, "A")
        + team("B", 3, 3, "B")
    )
    assert D101.findings(tmp_path, text, ruleset("  D101: {max-direct-reports: 3}\n")) == [Found("D101", "A", "5:10")]


def test_the_ruleset_sets_the_limit(tmp_path: Path) -> None:
    text = OURS + "  - {id: CE, title: Chief Executive, tier: 1}\n" + team("CE", 2, 2)
    assert D101.findings(tmp_path, text, ruleset("  D101: {max-direct-reports: 1}\n")) == [Found("D101", "CE", "4:10")]
    assert D101.findings(tmp_path, text, ruleset("  D101: {max-direct-reports: 2}\n")) == []


def test_posts_with_no_reports_and_a_lone_post_are_clean(tmp_path: Path) -> None:
    assert D101.findings(tmp_path, HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n") == []
    assert D101.findings(tmp_path, HEAD.replace("posts:\n", "posts: []\n")) == []
