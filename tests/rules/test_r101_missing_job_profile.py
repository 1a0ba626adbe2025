"""R101 missing-job-profile: a post graded at or above ``from-grade`` has no job profile."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .profiled import FILES, PROFILED

R101 = RuleTester("R101")


def test_at_the_threshold_grade_is_in_scope_reported_at_the_grade(tmp_path: Path) -> None:
    text = regrade(PROFILED, "HOS2", ", profile: hos", "")
    finding = R101.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("R101", "HOS2", where(text, "id: HOS2", "HOS}"))
    assert finding.message == "'HOS2' is on grade HOS, at or above HOS, but has no job profile"


def test_below_the_threshold_is_out_of_scope(tmp_path: Path) -> None:
    assert (
        R101.findings(tmp_path, PROFILED + "  - {id: TM4, title: Team Manager, reports_to: HOS2, tier: 4, grade: TM}\n", FILES)
        == []
    )


def test_every_post_above_without_one_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(PROFILED, "CE", ", profile: ce", ""), "DIR3", ", profile: dir", "")
    assert [f.post for f in R101.findings(tmp_path, text, FILES)] == ["CE", "DIR3"]


def test_no_grade_or_an_unranked_one_is_out_of_scope(tmp_path: Path) -> None:
    text = regrade(
        regrade(PROFILED, "CE", "grade: CE, profile: ce", "profile: ce"), "DIR1", "grade: DIR, profile: dir", "grade: X"
    )
    text = regrade(text, "DIR2", "grade: DIR, profile: dir", "profile: dir").replace(", profile: ce}", "}")
    assert R101.findings(tmp_path, text, FILES) == []


def test_a_threshold_the_policy_does_not_rank_puts_nothing_in_scope(tmp_path: Path) -> None:
    files = {"profiled.yaml": FILES["profiled.yaml"].replace("{from-grade: HOS}", "{from-grade: NOSUCH}")}
    assert R101.findings(tmp_path, regrade(PROFILED, "HOS2", ", profile: hos", ""), files) == []
