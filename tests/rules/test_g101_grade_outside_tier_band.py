"""G101 grade-outside-tier-band: a post's grade is not one its level (profile or tier) may hold."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import FILES, GRADED, regrade

G101 = RuleTester("G101")


def test_a_grade_outside_its_tier_s_band_is_reported_at_the_grade(tmp_path: Path) -> None:
    text = regrade(GRADED, "HOS2", "grade: HOS", "grade: TM")
    found = G101.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("G101", "HOS2", where(text, "id: HOS2", "TM}"))]
    assert found[0].message == "grade 'TM' is not allowed at tier 3 (Head of Service: HOS)"


def test_each_post_out_of_band_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(GRADED, "DIR2", "grade: DIR", "grade: HOS"), "TM3", "grade: TM", "grade: DIR")
    assert [f.post for f in G101.findings(tmp_path, text, FILES)] == ["DIR2", "TM3"]


def test_the_level_is_the_declared_tier_not_the_depth(tmp_path: Path) -> None:
    """A Head of Service reporting straight to the Chief Executive is still a Head of Service."""
    text = GRADED + "  - {id: HOS4, title: Head of Service, reports_to: CE, tier: 3, grade: HOS}\n"
    assert [f for f in G101.findings(tmp_path, text, FILES) if f.code == "G101"] == []


PROFILED = GRADED.replace("posts:\n", "profiles: [{id: hos, title: Head of Service, level: head-of-service}]\nposts:\n")


def test_the_level_is_the_profile_s_where_it_has_one(tmp_path: Path) -> None:
    text = PROFILED + "  - {id: X, title: Officer, reports_to: TM1, tier: 9, grade: APPRENTICE, profile: hos}\n"
    found = G101.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("G101", "X", where(text, "id: X,", "APPRENTICE"))]
    assert found[0].message == "grade 'APPRENTICE' is not allowed at its profile's level (Head of Service: HOS)"


def test_a_grade_that_makes_the_post_another_profile_s_level_is_left_to_r103(tmp_path: Path) -> None:
    text = regrade(PROFILED, "TM3", "grade: TM}", "grade: TM, profile: hos}")
    assert G101.findings(tmp_path, text, FILES) == []


def test_absent_grade_or_tier_and_a_tier_without_a_role_are_not_judged(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM1", "grade: TM, ", "")
    text = regrade(text, "TM2", "tier: 4, ", "")
    text += "  - {id: X, title: Officer, reports_to: TM1, tier: 9, grade: CE}\n"  # no role for tier 9
    assert G101.findings(tmp_path, text, FILES) == []


def test_a_grade_the_policy_does_not_define_is_g104_alone(tmp_path: Path) -> None:
    text = regrade(GRADED, "TM3", "grade: TM", "grade: TMM")
    assert G101.findings(tmp_path, text, FILES, alone=False) == [Found("G104", "TM3", where(text, "id: TM3", "TMM"))]
