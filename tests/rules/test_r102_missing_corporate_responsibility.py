"""R102 missing-corporate-responsibility: a profile (or a post listing its own) lacks its level's responsibilities."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .profiled import FILES, PROFILED

R102 = RuleTester("R102")


def test_a_missing_one_is_reported_at_the_responsibilities_key_about_no_post(tmp_path: Path) -> None:
    text = PROFILED.replace("responsibilities: [strategy, budget]", "responsibilities: [budget, staffing]")
    finding = R102.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("R102", None, where(text, "{id: dir,", "responsibilities"))
    assert finding.message == (
        "profile 'dir' lacks 1 corporately agreed responsibility of the Director level: strategy (The development of strategy)"
    )


def test_a_profile_listing_none_is_reported_at_its_id_naming_them_all(tmp_path: Path) -> None:
    text = PROFILED.replace(", responsibilities: [strategy, budget]", "")
    finding = R102.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("R102", None, where(text, "{id: dir,", "dir"))
    assert "lacks 2 corporately agreed responsibilities of the Director level: strategy (" in finding.message


def test_each_profile_is_judged(tmp_path: Path) -> None:
    text = PROFILED.replace("responsibilities: [strategy, budget]", "responsibilities: [strategy]").replace(
        "responsibilities: [budget]}", "responsibilities: []}"
    )
    assert [f.where.split(":")[0] for f in R102.findings(tmp_path, text, FILES)] == ["5", "6"]


def test_a_level_without_responsibilities_or_unknown_asks_nothing(tmp_path: Path) -> None:
    text = PROFILED.replace("level: chief-executive}", "level: no-such-level}")
    assert R102.findings(tmp_path, text, FILES) == []


def test_a_post_without_a_profile_listing_its_own_is_judged_at_its_level(tmp_path: Path) -> None:
    text = (
        PROFILED + "  - {id: HOS4, title: Head of Service, reports_to: DIR2, tier: 3, grade: HOS, responsibilities: [staffing]}\n"
    )
    found = R102.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("R102", "HOS4", where(text, "id: HOS4", "responsibilities"))]
    assert found[0].message.startswith("post 'HOS4' lacks 1 corporately agreed responsibility of the Head of Service level")


def test_a_post_with_a_profile_is_judged_by_the_profile(tmp_path: Path) -> None:
    text = regrade(PROFILED, "HOS3", "profile: hos}", "profile: hos, responsibilities: [staffing]}")
    assert R102.findings(tmp_path, text, FILES) == []
