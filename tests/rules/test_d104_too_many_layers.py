"""D104 too-many-layers: posts on the first layer past ``max-layers``."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import HEAD, OURS, ruleset

D104 = RuleTester("D104")


def chain(layers: int, head: str = HEAD) -> str:
    """A line of command ``layers`` deep: L1 (the top) to L<layers>, each with two more reports
    beside the next layer down, so spans are 3 and no other rule fires."""
    text = head + "  - {id: L1, title: Post, tier: 1}\n"
    for layer in range(2, layers + 1):
        manager = f"L{layer - 1}"
        text += f"  - {{id: L{layer}, title: Post, reports_to: {manager}, tier: {layer}}}\n"
        text += "".join(f"  - {{id: S{layer}{side}, title: Post, reports_to: {manager}, tier: {layer}}}\n" for side in "ab")
    return text


def test_at_the_limit_is_clean(tmp_path: Path) -> None:
    assert D104.findings(tmp_path, chain(7), alone=False) == []


def test_the_first_layer_past_is_reported_each_post_at_its_id(tmp_path: Path) -> None:
    text = chain(8)
    found = D104.lint(tmp_path, text)
    assert [(f.post, f.code) for f in found] == [("L8", "D104"), ("S8a", "D104"), ("S8b", "D104")]
    assert found[0].message == "on layer 8 from the top (L1 > L2 > L3 > L4 > L5 > L6 > L7 > L8); the ruleset allows 7"


def test_posts_deeper_still_are_not_reported_again(tmp_path: Path) -> None:
    posts = [f.post for f in D104.findings(tmp_path, chain(10))]
    assert posts == ["L8", "S8a", "S8b"]


def test_nothing_else_fires(tmp_path: Path) -> None:
    text = chain(8)
    assert {f.code for f in D104.findings(tmp_path, text, alone=False)} == {"D104"}
    assert D104.findings(tmp_path, text)[0] == Found("D104", "L8", where(text, "{id: L8,", "L8"))


def test_the_ruleset_sets_the_limit(tmp_path: Path) -> None:
    text = chain(3, OURS)
    assert [f.post for f in D104.findings(tmp_path, text, ruleset("  D104: {max-layers: 2}\n"))] == ["L3", "S3a", "S3b"]
    assert D104.findings(tmp_path, text, ruleset("  D104: {max-layers: 3}\n")) == []
    lone = OURS + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: AD, title: AD, reports_to: CE, tier: 2}\n"
    assert [f.post for f in D104.findings(tmp_path, lone, ruleset("  D104: {max-layers: 1}\n"))] == ["AD"]
