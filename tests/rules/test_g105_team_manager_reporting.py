"""G105 team-manager-reporting: a team manager does not report to a head of service."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import FILES, GRADED, regrade

G105 = RuleTester("G105")


def test_a_team_manager_by_tier_elsewhere_is_reported_at_its_reports_to(tmp_path: Path) -> None:
    text = GRADED + "  - {id: TM4, title: Team Manager, reports_to: DIR2, tier: 4, grade: TM}\n"
    found = G105.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("G105", "TM4", where(text, "id: TM4", "DIR2"))]
    assert found[0].message == "Team Manager 'TM4' reports to 'DIR2' (Director), not to a Head of Service"


def test_a_post_on_a_team_manager_grade_is_one_by_its_grade(tmp_path: Path) -> None:
    text = GRADED + "  - {id: X, title: Officer, reports_to: DIR2, grade: TM}\n"
    assert [f.post for f in G105.findings(tmp_path, text, FILES)] == ["X"]


def test_a_post_on_a_team_manager_grade_with_another_level_is_one_if_it_manages_anyone(tmp_path: Path) -> None:
    text = GRADED.replace("posts:\n", "profiles: [{id: hos, title: Head of Service, level: head-of-service}]\nposts:\n") + (
        "  - {id: X, title: Officer, reports_to: DIR2, grade: TM, profile: hos}\n"
        "  - {id: X1, title: Officer, reports_to: X}\n"
        "  - {id: Y, title: Officer, reports_to: DIR3, grade: TM, profile: hos}\n"  # manages no one: a head of service
    )
    assert [f.post for f in G105.findings(tmp_path, text, FILES)] == ["X"]


def test_the_level_may_come_from_the_profile(tmp_path: Path) -> None:
    text = GRADED.replace("posts:\n", "profiles: [{id: tm, title: Team Manager, level: team-manager}]\nposts:\n")
    text += "  - {id: P, title: Officer, reports_to: DIR3, tier: 3, profile: tm}\n"
    assert [f.post for f in G105.findings(tmp_path, text, FILES)] == ["P"]


def test_a_top_post_has_no_line_to_judge(tmp_path: Path) -> None:
    text = regrade(GRADED, "CE", "tier: 1, grade: CE", "tier: 4, grade: TM")
    assert [f.post for f in G105.findings(tmp_path, text, FILES)] == []


def test_each_misplaced_team_manager_is_reported(tmp_path: Path) -> None:
    text = GRADED + "".join(f"  - {{id: T{n}, title: Team Manager, reports_to: CE, tier: 4, grade: TM}}\n" for n in (1, 2))
    assert [f.post for f in G105.findings(tmp_path, text, FILES)] == ["T1", "T2"]
