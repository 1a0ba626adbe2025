"""R103 wrong-profile-level: a post uses the template of another level than its grade's (or tier's),
or a profile's level is not one the ruleset defines."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import regrade
from .profiled import FILES, PROFILED

R103 = RuleTester("R103", FILES)


def test_another_level_s_template_is_reported_at_the_profile(tmp_path: Path) -> None:
    text = regrade(PROFILED, "HOS2", "profile: hos", "profile: dir")
    message = "'HOS2' is a Head of Service but uses 'dir', the template for a Director"
    R103.only_finding(tmp_path, text, expected=Expected("HOS2", ("id: HOS2", "dir}"), message))


@pytest.mark.parametrize(
    ("old", "new", "reported"),
    [
        pytest.param("grade: HOS, profile: hos", "grade: DIR, profile: dir", [], id="the-grade-decides-before-the-tier"),
        pytest.param("grade: HOS, profile: hos", "profile: dir", ["HOS3"], id="without-a-grade-the-tier-decides"),
        pytest.param("tier: 3, grade: HOS, profile: hos", "profile: dir", [], id="neither-leaves-nothing-to-judge"),
    ],
)
def test_the_level_of_a_head_of_service_on_the_director_s_template(
    tmp_path: Path, old: str, new: str, reported: list[str]
) -> None:
    """HOS3's tier says Head of Service; a grade, where it has one, says which level it is."""
    assert [f.post for f in R103.findings(tmp_path, regrade(PROFILED, "HOS3", old, new))] == reported


def test_a_profile_level_the_ruleset_does_not_define_is_reported_at_the_level(tmp_path: Path) -> None:
    R103.expect(
        tmp_path,
        PROFILED.replace("level: chief-executive}", "level: chief-exec}"),
        Expected(
            None,
            ("{id: ce,", "chief-exec}"),
            "profile 'ce': level 'chief-exec' is not one the ruleset defines (chief-executive, director, head-of-service, team-manager)",
        ),
        Expected("CE", ("{id: CE,", "ce}")),  # as documented, its posts are on another level's template too
    )


def test_every_post_on_a_wrong_template_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(PROFILED, "DIR1", "profile: dir", "profile: hos"), "DIR2", "profile: dir", "profile: ce")
    assert [f.post for f in R103.findings(tmp_path, text)] == ["DIR1", "DIR2"]
