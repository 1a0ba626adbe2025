"""G105 team-manager-reporting: a team manager does not report to a head of service."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import FILES, GRADED, regrade

G105 = RuleTester("G105", FILES)


def test_a_team_manager_by_tier_elsewhere_is_reported_at_its_reports_to(tmp_path: Path) -> None:
    text = GRADED + "  - {id: TM4, title: Team Manager, reports_to: DIR2, tier: 4, grade: TM}\n"
    message = "Team Manager 'TM4' reports to 'DIR2' (Director), not to a Head of Service"
    G105.expect(tmp_path, text, Expected("TM4", ("id: TM4", "DIR2"), message))


HOS_PROFILE = "profiles: [{id: hos, title: Head of Service, level: head-of-service}]\nposts:\n"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        pytest.param(GRADED + "  - {id: X, title: Officer, reports_to: DIR2, grade: TM}\n", ["X"], id="by-its-grade"),
        pytest.param(
            GRADED.replace("posts:\n", HOS_PROFILE)
            + "  - {id: X, title: Officer, reports_to: DIR2, grade: TM, profile: hos}\n"
            + "  - {id: X1, title: Officer, reports_to: X}\n"
            + "  - {id: Y, title: Officer, reports_to: DIR3, grade: TM, profile: hos}\n",  # manages no one: a head of service
            ["X"],
            id="by-its-grade-with-another-level-if-it-manages-anyone",
        ),
        pytest.param(
            GRADED.replace("posts:\n", "profiles: [{id: tm, title: Team Manager, level: team-manager}]\nposts:\n")
            + "  - {id: P, title: Officer, reports_to: DIR3, tier: 3, profile: tm}\n",
            ["P"],
            id="by-its-profile-s-level",
        ),
        pytest.param(regrade(GRADED, "CE", "tier: 1, grade: CE", "tier: 4, grade: TM"), [], id="a-top-post-has-no-line-to-judge"),
        pytest.param(
            GRADED + "".join(f"  - {{id: T{n}, title: Team Manager, reports_to: CE, tier: 4, grade: TM}}\n" for n in (1, 2)),
            ["T1", "T2"],
            id="each-misplaced-one",
        ),
    ],
)
def test_which_posts_are_team_managers_reporting_elsewhere(tmp_path: Path, text: str, reported: list[str]) -> None:
    assert [f.post for f in G105.findings(tmp_path, text)] == reported


def test_a_manager_no_grade_or_tier_places_is_not_judged(tmp_path: Path) -> None:
    """HOS1 has no tier and a grade the ruleset lacks (its G104): whether it is a Head of Service
    cannot be told, so its team managers are not reported as reporting to "None"."""
    text = regrade(GRADED, "HOS1", "tier: 3, grade: HOS", "grade: Band 9")
    assert G105.findings(tmp_path, text) == []


def test_a_manager_s_grade_written_another_way_is_read_as_the_grade_it_names(tmp_path: Path) -> None:
    text = regrade(GRADED, "HOS1", "tier: 3, grade: HOS", "grade: Grade hos")
    assert [(f.code, f.post) for f in G105.findings(tmp_path, text, alone=False)] == [("G104", "HOS1")]


def test_a_manager_on_a_grade_no_level_lists_is_no_head_of_service(tmp_path: Path) -> None:
    """HOS1 on APPRENTICE (a grade the ruleset ranks but gives to no level), no tier: it is known
    not to be a Head of Service, so its team managers are reported, naming its grade."""
    text = regrade(GRADED, "HOS1", "tier: 3, grade: HOS", "grade: APPRENTICE")
    found = G105.lint(tmp_path, text)
    assert [f.post for f in found] == ["TM1", "TM2", "TM3"]
    assert found[0].message == "Team Manager 'TM1' reports to 'HOS1' (grade APPRENTICE), not to a Head of Service"
