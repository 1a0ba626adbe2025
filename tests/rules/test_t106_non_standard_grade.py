"""T106 non-standard-grade: a senior row's grade is not one of the ruleset's senior grades."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import TEAMS, found, junior, lint, post, senior

T106 = RuleTester("T106")


@pytest.mark.parametrize("grade", ["SCS1", "SCS1A", "SCS2", "SCS3", "SCS4", "OF-6", "OF-7", "OF-8", "OF-9"])
def test_each_standard_grade_is_clean(tmp_path: Path, grade: str) -> None:
    assert found(T106, tmp_path, senior(post("DIR-D", grade=grade)), junior(*TEAMS), alone=False) == []


def test_another_grade_or_a_blank_is_an_error_at_the_grade_cell(tmp_path: Path) -> None:
    findings = lint(T106, tmp_path, senior(post("DIR-D", grade="SCS5"), post("DIR-E", grade="")))
    assert [Found.of(d) for d in findings] == [Found("T106", "DIR-D", "C6"), Found("T106", "DIR-E", "C7")]
    assert (
        findings[0].message
        == "grade 'SCS5' is not a standard senior grade (SCS1, SCS1A, SCS2, SCS3, SCS4, OF-6, OF-7, OF-8, OF-9)"
    )
    assert findings[1].message.startswith("grade blank is not a standard senior grade")


def test_another_case_is_a_warning(tmp_path: Path) -> None:
    (finding,) = lint(T106, tmp_path, senior(post("DIR-D", grade="scs2")))
    assert (finding.severity.label, finding.message) == (
        "warning",
        "grade 'scs2': the organogram schema writes 'SCS2', the publication validator accepts it",
    )


def test_a_not_in_post_row_is_checked_too(tmp_path: Path) -> None:
    zero = post("0", name="N/D", title="Not in post", function="N/A", unit="N/A", phone="N/A", email="N/A", grade="Band A")
    assert found(T106, tmp_path, senior(zero)) == [Found("T106", None, "C6")]


def test_the_ruleset_lists_the_grades(tmp_path: Path) -> None:
    ruleset = "orglint-ruleset: 1\nname: ours\nextends: [uk-organogram]\nrules:\n  T106: {grades: [SCS2, SCS3, G6]}\n"
    (tmp_path / "ours.yaml").write_text(ruleset, encoding="utf-8")
    from ..conftest import check_json

    (tmp_path / "example-senior.csv").write_text(senior(post("DIR-D", grade="G6"), post("DIR-E", grade="SCS1")), encoding="utf-8")
    _, document = check_json(
        str(tmp_path / "example-senior.csv"), "--isolated", "--ruleset", str(tmp_path / "ours.yaml"), "--select", "T106"
    )
    assert [d["cell"]["ref"] for d in document["diagnostics"]] == ["C7"]
