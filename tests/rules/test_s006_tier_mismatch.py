"""S006 tier-mismatch: a post's declared tier does not follow from its manager's.

The cascades (a wrong tier on a director is one finding; teams judged by either tier) are tested
in ``tests/test_cascades.py``."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .core import CLEAN, HEAD
from .graded import regrade

S006 = RuleTester("S006")


def test_tiers_that_follow_the_lines_are_clean(tmp_path: Path) -> None:
    S006.expect(tmp_path, CLEAN, alone=False)


HEADS = "".join(f"  - {{id: H{n}, title: Head, reports_to: AD1, tier: {tier}}}\n" for n, tier in ((1, 3), (2, 3), (3, 4)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            regrade(regrade(CLEAN, "AD2", "tier: 2", "tier: 3"), "AD3", "tier: 2", "tier: 1"),
            [
                Expected(
                    "AD2",
                    ("id: AD2", "3}"),
                    "declared tier 3, but its manager 'CE' is tier 1 (CE > AD2)",
                    "Set `tier: 2`, or correct `reports_to`.",
                ),
                Expected("AD3", ("id: AD3", "1}")),
            ],
            id="one-below-and-one-above",
        ),
        pytest.param(
            regrade(CLEAN, "CE", "tier: 1", "tier: 2"),
            [Expected("CE", ("id: CE", "2}"), "declared tier 2, but it reports to no one, so it is tier 1 (CE)")],
            id="a-top-post-is-tier-one",
        ),
        pytest.param(
            regrade(CLEAN, "AD1", ", tier: 2", "") + HEADS,
            [Expected("H3", ("id: H3", "4}"), "declared tier 4, but its reporting line puts it at tier 3 (CE > AD1 > H3)")],
            id="a-manager-without-a-tier-is-placed-by-its-line",
        ),
    ],
)
def test_a_tier_the_line_does_not_give_is_a_warning_at_the_tier(tmp_path: Path, text: str, expected: list[Expected]) -> None:
    found = S006.expect(tmp_path, text, *expected)
    assert {d.severity.label for d in found} == {"warning"}


def test_posts_without_a_tier_are_not_judged(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  - {id: CE, title: Chief Executive}\n"
        + "".join(f"  - {{id: A{n}, title: AD, reports_to: CE}}\n" for n in (1, 2, 3))
    )
    S006.expect(tmp_path, text, alone=False)


def test_loops_and_unknown_managers_are_left_to_their_rules(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, title: Officer, reports_to: Y, tier: 7}\n  - {id: Y, title: Officer, reports_to: X, tier: 9}\n"
    S006.expect(tmp_path, text + "  - {id: Z, title: Officer, reports_to: NOBODY, tier: 8}\n")


# The fix: `tier` set to the one tier the reporting line gives.


def test_the_fix_sets_the_tier_and_then_the_team_s_that_followed_it(tmp_path: Path) -> None:
    team = "".join(f"  - {{id: H{n}, title: Head, reports_to: AD1, tier: 4}}\n" for n in (1, 2, 3))
    text = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1) + team
    assert S006.fixed(tmp_path, text) == CLEAN + team.replace("tier: 4", "tier: 3")


def test_the_fix_keeps_a_quoted_tier_quoted(tmp_path: Path) -> None:
    text = CLEAN.replace("{id: CE, title: Chief Executive, tier: 1}", "{id: CE, title: Chief Executive, tier: '2'}")
    assert S006.fixed(tmp_path, text) == CLEAN.replace("tier: 1}", "tier: '1'}", 1)


def test_the_fix_leaves_a_tier_the_line_does_not_settle(tmp_path: Path) -> None:
    """AD1 declares tier 3 under the CE (tier 2 by its line), so AD2 below it, declaring none, may be
    tier 3 or 4, and H1 below AD2 tier 4 or 5: H1's tier 6 is wrong, but no one tier is right. Once
    the fix has set AD1's tier, the next round finds H1 at tier 4 by its line, and sets that."""
    text = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1).replace(
        "{id: AD2, title: Assistant Director, reports_to: CE, tier: 2}", "{id: AD2, title: Assistant Director, reports_to: AD1}"
    )
    text += "  - {id: H1, title: Head, reports_to: AD2, tier: 6}\n"
    found = S006.lint(tmp_path / "lint", text)
    assert [(d.post, d.replacement) for d in found] == [("AD1", "2"), ("H1", None)]
    fixed = text.replace("reports_to: CE, tier: 3}", "reports_to: CE, tier: 2}").replace("tier: 6}", "tier: 4}")
    assert S006.fixed(tmp_path, text) == fixed


def test_fixed_says_when_the_fixes_were_given_up(tmp_path: Path) -> None:
    """A value merged into two posts (`<<: *ad1`) cannot be set right for one without making it
    wrong for the other: --fix gives the file up, and ``fixed`` says so rather than hand back the
    text as if there were nothing to fix."""
    text = HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - &ad1\n    id: AD1\n    title: Assistant Director\n    reports_to: CE\n    tier: 3\n"
        "  - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}\n"
        "  - {<<: *ad1, id: AD2, reports_to: AD3}\n"
    )
    with pytest.raises(
        AssertionError,
        match=r"S006's fixes of example\.yaml were given up: the value at line 9 is shared by posts 'AD1' and 'AD2'",
    ):
        S006.fixed(tmp_path, text)
