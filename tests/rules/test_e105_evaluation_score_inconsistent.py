"""E105 evaluation-score-inconsistent: Hay points that do not add up, or a total outside the grade's range."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .evaluated import EVALUATED, FILES
from .graded import regrade

E105 = RuleTester("E105")


def with_points(points: str, post: str = "AD2", text: str = EVALUATED) -> str:
    return regrade(text, post, "rationale: Leads the service}", f"rationale: Leads the service, points: {points}}}")


def test_points_that_add_up_within_the_range_are_clean(tmp_path: Path) -> None:
    text = with_points("{know_how: 528, problem_solving: 200, accountability: 304, total: 1032}")
    assert E105.findings(tmp_path, text, FILES, alone=False) == []


def test_a_total_that_is_not_the_sum_is_reported_at_the_total(tmp_path: Path) -> None:
    text = with_points("{know_how: 528, problem_solving: 200, accountability: 304, total: 1033}")
    finding = E105.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("E105", "AD2", where(text, "id: AD2", "1033"))
    assert finding.message == "'AD2': Hay points 528 + 200 + 304 = 1032, not the total 1033"


def test_the_range_s_ends_are_inside_and_one_past_is_outside(tmp_path: Path) -> None:
    assert E105.findings(tmp_path, with_points("{total: 1000}"), FILES) == []
    assert E105.findings(tmp_path, with_points("{total: 1200}"), FILES) == []
    text = with_points("{total: 1201}")
    finding = E105.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("E105", "AD2", where(text, "id: AD2", "1201"))
    assert finding.message.startswith("'AD2': Hay total 1201 is outside grade AD's range ")
    assert [f.post for f in E105.findings(tmp_path, with_points("{total: 999}"), FILES)] == ["AD2"]


def test_a_wrong_sum_is_not_also_out_of_range(tmp_path: Path) -> None:
    text = with_points("{know_how: 1, problem_solving: 1, accountability: 1, total: 5000}")
    assert len(E105.findings(tmp_path, text, FILES)) == 1


def test_the_evaluated_grade_s_range_and_else_the_post_s(tmp_path: Path) -> None:
    text = with_points("{total: 2500}", text=regrade(EVALUATED, "AD2", "grade: AD, rationale", "grade: CE, rationale"))
    assert E105.findings(tmp_path, text, FILES) == []  # evaluated at CE (E103's matter), within CE's range
    text = with_points("{total: 2500}", text=regrade(EVALUATED, "AD2", "grade: AD, rationale", "rationale"))
    assert [f.post for f in E105.findings(tmp_path, text, FILES)] == ["AD2"]  # no evaluated grade: the post's, AD


def test_no_total_no_range_or_some_factors_only_are_not_judged(tmp_path: Path) -> None:
    text = with_points("{know_how: 528, problem_solving: 200, accountability: 304}")
    text = with_points("{know_how: 1, total: 1100}", "AD3", text)  # the sum cannot be checked; 1100 is in range
    text = regrade(
        text,
        "CE",
        "grade: CE, evaluation: {scheme: HAY, date: 2024-01-15, grade: CE",
        "grade: SO, evaluation: {scheme: HAY, date: 2024-01-15, grade: SO",
    )
    text = with_points("{total: 1}", "CE", text)  # SO has no range
    assert E105.findings(tmp_path, text, FILES) == []


def test_each_record_at_fault_is_reported(tmp_path: Path) -> None:
    text = with_points("{total: 1}", "AD1", with_points("{total: 1}", "AD3"))
    assert [f.post for f in E105.findings(tmp_path, text, FILES)] == ["AD1", "AD3"]
