"""S001 duplicate-post-id: a post's id was already used by an earlier post."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .core import CLEAN, HEAD

S001 = RuleTester("S001")


def test_every_later_post_is_reported_at_its_id_and_nothing_else_fires(tmp_path: Path) -> None:
    text = (
        CLEAN
        + "  - {id: AD1, title: Head of Law, reports_to: CE, tier: 2}\n  - {id: AD1, title: Head of HR, reports_to: CE, tier: 2}\n"
    )
    found = S001.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("S001", "AD1", "8:10"), Found("S001", "AD1", "9:10")]
    assert found[0].message == "post id 'AD1' is already used by 'Assistant Director'"
    assert S001.findings(tmp_path, text, alone=False) == [Found.of(d) for d in found]


def test_ids_are_compared_exactly(tmp_path: Path) -> None:
    text = (
        CLEAN
        + "  - {id: ad1, title: Head of Law, reports_to: CE, tier: 2}\n  - {id: 'AD1 ', title: Head of HR, reports_to: CE, tier: 2}\n"
    )
    assert S001.findings(tmp_path, text) == []


def test_a_duplicate_in_another_file_names_the_file_of_the_first(tmp_path: Path) -> None:
    root = HEAD.replace("posts:\n", "include: [team.yaml]\nposts:\n") + "  - {id: CE, title: Chief Executive, tier: 1}\n"
    team = "orglint: 1\nposts:\n  - {id: CE, title: Chief Executive (acting), reports_to: CE, tier: 2}\n"
    found = S001.lint(tmp_path, root, {"team.yaml": team})
    assert [(d.post, Path(d.span.file).name, d.span.line) for d in found] == [("CE", "team.yaml", 3)]
    assert found[0].message.startswith("post id 'CE' is already used by 'Chief Executive' in ")
    assert found[0].message.endswith("example.yaml")
