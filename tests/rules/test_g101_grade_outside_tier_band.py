"""G101 grade-outside-tier-band: a post's grade is not one its level (profile or tier) may hold."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import FILES, GRADED, regrade

G101 = RuleTester("G101", FILES)

PROFILED = GRADED.replace("posts:\n", "profiles: [{id: hos, title: Head of Service, level: head-of-service}]\nposts:\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            regrade(GRADED, "HOS2", "grade: HOS", "grade: TM"),
            Expected("HOS2", ("id: HOS2", "TM}"), "grade 'TM' is not allowed at tier 3 (Head of Service: HOS)"),
            id="a-grade-outside-its-tier-s-band",
        ),
        pytest.param(
            PROFILED + "  - {id: X, title: Officer, reports_to: TM1, tier: 9, grade: APPRENTICE, profile: hos}\n",
            Expected(
                "X", ("id: X,", "APPRENTICE"), "grade 'APPRENTICE' is not allowed at its profile's level (Head of Service: HOS)"
            ),
            id="the-level-is-the-profile-s-where-it-has-one",
        ),
    ],
)
def test_a_grade_its_level_may_not_hold_is_reported_at_the_grade(tmp_path: Path, text: str, expected: Expected) -> None:
    G101.expect(tmp_path, text, expected)


def test_each_post_out_of_band_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(GRADED, "DIR2", "grade: DIR", "grade: HOS"), "TM3", "grade: TM", "grade: DIR")
    assert [f.post for f in G101.findings(tmp_path, text)] == ["DIR2", "TM3"]


def test_the_level_is_the_declared_tier_not_the_depth(tmp_path: Path) -> None:
    """A Head of Service reporting straight to the Chief Executive is still a Head of Service."""
    text = GRADED + "  - {id: HOS4, title: Head of Service, reports_to: CE, tier: 3, grade: HOS}\n"
    assert [f for f in G101.findings(tmp_path, text) if f.code == "G101"] == []


def test_a_grade_that_makes_the_post_another_profile_s_level_is_left_to_r103(tmp_path: Path) -> None:
    G101.expect(tmp_path, regrade(PROFILED, "TM3", "grade: TM}", "grade: TM, profile: hos}"))


def test_absent_grade_or_tier_and_a_tier_without_a_role_are_not_judged(tmp_path: Path) -> None:
    text = regrade(regrade(GRADED, "TM1", "grade: TM, ", ""), "TM2", "tier: 4, ", "")
    G101.expect(tmp_path, text + "  - {id: X, title: Officer, reports_to: TM1, tier: 9, grade: CE}\n")  # no role for tier 9


def test_a_grade_the_policy_does_not_define_is_g104_alone(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM3", "grade: TM", "grade: TMM")
    G101.expect(tmp_path, text, Expected("TM3", ("id: TM3", "TMM"), code="G104"), alone=False)
