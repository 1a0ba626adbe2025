"""C104 function-not-classified: a post of one of the ruleset's roles has no function."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .split import FILES, SPLIT

C104 = RuleTester("C104")


def test_a_post_without_a_function_is_a_warning_at_its_id(tmp_path: Path) -> None:
    text = SPLIT + "  - {id: H1, title: Head of Service, reports_to: ADS, tier: 3, department: people}\n"
    found = C104.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("C104", "H1", where(text, "id: H1", "H1"))]
    assert found[0].message == "'H1' (Head of Service) has no function: commissioning, provider or support?"
    assert found[0].severity.label == "warning"


def test_each_unclassified_post_is_reported(tmp_path: Path) -> None:
    text = regrade(regrade(SPLIT, "HR", ", function: support", ""), "FIN", ", function: support", "")
    assert [f.post for f in C104.findings(tmp_path, text, FILES)] == ["HR", "FIN"]


def test_posts_of_other_roles_or_none_are_not_judged(tmp_path: Path) -> None:
    text = (
        SPLIT
        + "  - {id: T1, title: Officer, reports_to: ADS, tier: 4, department: people}\n  - {id: T2, title: Officer, reports_to: ADS}\n"
    )
    assert C104.findings(tmp_path, text, FILES) == []  # DIR (director) has no function either
