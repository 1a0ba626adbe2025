"""What the commissioner/provider rules share: the two sides of the split, and which side each
line of the structure is on, worked out once, bottom up, in time linear in posts."""

from __future__ import annotations

from dataclasses import dataclass

from orglint.model.schema import Post
from orglint.rules import CheckContext

COMMISSIONING = frozenset({"strategic-commissioning", "operational-commissioning"})
PROVIDING = frozenset({"provider"})


def side(post: Post) -> str | None:
    """ "commissioning", "providing", or None (support, or no function)."""
    if post.function in COMMISSIONING:
        return "commissioning"
    if post.function in PROVIDING:
        return "providing"
    return None


@dataclass
class LineSides:
    """For every post: one post on each side within its line (itself and everyone below it)."""

    commissioning: dict[str, str]
    providing: dict[str, str]

    def mixed(self, post_id: str) -> tuple[str, str] | None:
        if post_id in self.commissioning and post_id in self.providing:
            return self.commissioning[post_id], self.providing[post_id]
        return None


def line_sides(context: CheckContext) -> LineSides:
    graph = context.graph
    commissioning: dict[str, str] = {}
    providing: dict[str, str] = {}
    # deepest first, so each post's reports are done before it (loops are S003's and not reached):
    # depths are listed layer by layer, top down
    for post_id in reversed(graph.depth):
        own = side(graph.posts[post_id])
        if own == "commissioning":
            commissioning[post_id] = post_id
        elif own == "providing":
            providing[post_id] = post_id
        manager = graph.posts[post_id].reports_to
        if manager is None:
            continue
        if post_id in commissioning:
            commissioning.setdefault(manager, commissioning[post_id])
        if post_id in providing:
            providing.setdefault(manager, providing[post_id])
    return LineSides(commissioning, providing)
