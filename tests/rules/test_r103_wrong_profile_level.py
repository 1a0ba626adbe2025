"""R103 wrong-profile-level: a post uses the template of another level than its grade's (or tier's),
or a profile's level is not one the ruleset defines."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .profiled import FILES, PROFILED

R103 = RuleTester("R103")


def test_another_level_s_template_is_reported_at_the_profile(tmp_path: Path) -> None:
    text = regrade(PROFILED, "HOS2", "profile: hos", "profile: dir")
    finding = R103.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("R103", "HOS2", where(text, "id: HOS2", "dir}"))
    assert finding.message == "'HOS2' is a Head of Service but uses 'dir', the template for a Director"


def test_the_grade_decides_before_the_tier(tmp_path: Path) -> None:
    """HOS3's tier says Head of Service, its grade Director: the Director template is right."""
    text = regrade(PROFILED, "HOS3", "grade: HOS, profile: hos", "grade: DIR, profile: dir")
    assert R103.findings(tmp_path, text, FILES) == []


def test_without_a_grade_the_tier_decides(tmp_path: Path) -> None:
    text = regrade(PROFILED, "HOS3", "grade: HOS, profile: hos", "profile: dir")
    assert [f.post for f in R103.findings(tmp_path, text, FILES)] == ["HOS3"]
    text = regrade(PROFILED, "HOS3", "tier: 3, grade: HOS, profile: hos", "profile: dir")  # neither: nothing to judge
    assert R103.findings(tmp_path, text, FILES) == []


def test_a_profile_level_the_ruleset_does_not_define_is_reported_at_the_level(tmp_path: Path) -> None:
    text = PROFILED.replace("level: chief-executive}", "level: chief-exec}")
    found = R103.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [
        Found("R103", None, where(text, "{id: ce,", "chief-exec}")),
        Found("R103", "CE", where(text, "{id: CE,", "ce}")),  # as documented, its posts are on another level's template too
    ]
    assert found[0].message == (
        "profile 'ce': level 'chief-exec' is not one the ruleset defines (chief-executive, director, head-of-service, team-manager)"
    )


def test_every_post_on_a_wrong_template_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(PROFILED, "DIR1", "profile: dir", "profile: hos"), "DIR2", "profile: dir", "profile: ce")
    assert [f.post for f in R103.findings(tmp_path, text, FILES)] == ["DIR1", "DIR2"]
