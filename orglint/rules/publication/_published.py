"""What the publication rules share: the posts the Transparency Code's organisation chart covers.

Paragraph 41 of the Local Government Transparency Code 2015 asks for "an organisation chart covering
staff in the top three levels of the organisation". A level is read as a layer of reporting lines
from the top post (the top post is the first level, those reporting to it the second, theirs the
third), not as the `tier` a post declares: the Code speaks of the organisation's levels, and a
structure's tiers are the council's own numbering, which S006 checks against the same reporting
lines. A post no top post reaches (in a reporting loop, or under an unknown manager) is placed at
no level; other rules report why.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from orglint.model.schema import Post, Salary
from orglint.rules import CheckContext, RuleSettings

BRACKET = 5000
"""The Code's salary brackets are £5,000 wide (paragraph 41, "salary in £5,000 brackets")."""


class ChartSettings(RuleSettings):
    levels: int = Field(ge=1, description="How many levels from the top post the organisation chart covers (the Code: 3).")


def charted_posts(context: CheckContext, levels: int) -> Iterator[Post]:
    """The single posts (not groups of junior staff) in the top ``levels`` levels, in file order."""
    depth = context.graph.depth
    for post in context.graph.posts.values():
        if not post.group and depth.get(post.id, levels) < levels:
            yield post


def is_bracket(salary: Salary) -> bool:
    """Whether a salary range is one £5,000 bracket: from a multiple of £5,000 to £4,999 above it
    (£85,000-£89,999, as the Accounts and Audit Regulations 2015 count brackets), or written to the
    next multiple (£85,000-£90,000)."""
    return salary.min % BRACKET == 0 and salary.max - salary.min in (BRACKET - 1, BRACKET)
