"""S004 top-post-count: no top post, or more than the ruleset's ``max-top-posts``."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import CLEAN, HEAD, OURS, ruleset

S004 = RuleTester("S004")


def test_each_top_post_after_the_first_is_reported_naming_them_all(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, title: Officer, tier: 1}\n  - {id: Y, title: Officer, reports_to: null, tier: 1}\n"
    found = S004.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [
        Found("S004", "X", where(text, "id: X", "X")),  # no reports_to: at the post's id
        Found("S004", "Y", where(text, "id: Y", "null")),  # at its reports_to
    ]
    assert found[0].message == "'X' reports to no one: 3 top posts (CE, X, Y), the ruleset allows 1"


def test_a_second_top_post_is_s004_alone(tmp_path: Path) -> None:
    """Its tier is not also judged (S006 follows from S004)."""
    text = CLEAN + "  - {id: X, title: Officer, tier: 2}\n"
    assert S004.findings(tmp_path, text, alone=False) == [Found("S004", "X", where(text, "id: X", "X"))]


def test_more_than_ten_top_posts_are_named_ten_then_an_ellipsis(tmp_path: Path) -> None:
    text = HEAD + "".join(f"  - {{id: T{n:02}, title: Officer, tier: 1}}\n" for n in range(12))
    found = S004.lint(tmp_path, text)
    assert len(found) == 11
    assert (
        found[0].message
        == "'T01' reports to no one: 12 top posts (T00, T01, T02, T03, T04, T05, T06, T07, T08, T09, ...), the ruleset allows 1"
    )


def test_the_ruleset_may_allow_several(tmp_path: Path) -> None:
    text = OURS + "".join(f"  - {{id: T{n}, title: Officer, tier: 1}}\n" for n in range(3))
    assert S004.findings(tmp_path, text, ruleset("  S004: {max-top-posts: 3}\n")) == []
    assert [f.post for f in S004.findings(tmp_path, text, ruleset("  S004: {max-top-posts: 2}\n"))] == ["T2"]


def test_no_top_post_is_reported_at_the_organisation(tmp_path: Path) -> None:
    text = HEAD + "  - {id: A, title: Officer, reports_to: B, tier: 1}\n  - {id: B, title: Officer, reports_to: A, tier: 1}\n"
    found = S004.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("S004", None, "2:1")]
    assert found[0].message == "no top post: every post reports to another, so nothing heads the structure"


def test_an_empty_structure_has_no_top_post(tmp_path: Path) -> None:
    found = S004.lint(tmp_path, HEAD.replace("posts:\n", "posts: []\n"))
    assert [(Found.of(d), d.message) for d in found] == [(Found("S004", None, "2:1"), "no top post: the structure has no posts")]


def test_a_post_left_out_for_its_format_may_be_the_top_one(tmp_path: Path) -> None:
    """The top post has no title (X002): it is not also "no top post"."""
    text = (
        HEAD + "  - {id: CE, tier: 1}\n" + "".join(f"  - {{id: A{n}, title: AD, reports_to: CE, tier: 2}}\n" for n in (1, 2, 3))
    )
    assert [f.code for f in S004.findings(tmp_path, text, alone=False)] == ["X002"]
