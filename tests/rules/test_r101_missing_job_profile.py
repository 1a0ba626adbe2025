"""R101 missing-job-profile: a post graded at or above ``from-grade`` has no job profile."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .graded import regrade
from .profiled import FILES, PROFILED

R101 = RuleTester("R101", FILES)


def test_at_the_threshold_grade_is_in_scope_reported_at_the_grade(tmp_path: Path) -> None:
    message = "'HOS2' is on grade HOS, at or above HOS, but has no job profile"
    R101.only_finding(
        tmp_path, regrade(PROFILED, "HOS2", ", profile: hos", ""), expected=Expected("HOS2", ("id: HOS2", "HOS}"), message)
    )


def test_every_post_above_without_one_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(PROFILED, "CE", ", profile: ce", ""), "DIR3", ", profile: dir", "")
    assert [f.post for f in R101.findings(tmp_path, text)] == ["CE", "DIR3"]


UNGRADED = regrade(
    regrade(PROFILED, "CE", "grade: CE, profile: ce", "profile: ce"), "DIR1", "grade: DIR, profile: dir", "grade: X"
)


@pytest.mark.parametrize(
    ("text", "files"),
    [
        pytest.param(
            PROFILED + "  - {id: TM4, title: Team Manager, reports_to: HOS2, tier: 4, grade: TM}\n",
            FILES,
            id="below-the-threshold",
        ),
        pytest.param(
            regrade(UNGRADED, "DIR2", "grade: DIR, profile: dir", "profile: dir").replace(", profile: ce}", "}"),
            FILES,
            id="no-grade-or-an-unranked-one",
        ),
        pytest.param(
            regrade(PROFILED, "HOS2", ", profile: hos", ""),
            {"profiled.yaml": FILES["profiled.yaml"].replace("{from-grade: HOS}", "{from-grade: NOSUCH}")},
            id="a-threshold-the-policy-does-not-rank",
        ),
    ],
)
def test_out_of_scope_posts_need_no_profile(tmp_path: Path, text: str, files: dict[str, str]) -> None:
    R101.expect(tmp_path, text, files=files)
