"""The structure's shape: headcount and FTE, layers, spans of control, one-over-ones, posts per tier."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.report.statutory import is_vacant


@dataclass
class TierCount:
    tier: int | None
    posts: int
    fte: float


@dataclass
class Shape:
    posts: int
    """Single posts (a group of posts, such as an organogram's junior row, is counted in ``groups``)."""
    groups: int
    group_fte: float
    vacant: int
    holder_unrecorded: int
    fte: float
    layers: int
    """Layers from the top post down (the top is layer 1)."""
    unreached: int
    """Posts no top post reaches (in a loop, or under an unknown manager)."""
    spans: list[int]
    """Each manager's number of direct reports, ascending (managers have at least one)."""
    one_over_one: list[Post]
    tiers: list[TierCount]

    @property
    def filled(self) -> int:
        return self.posts - self.vacant - self.holder_unrecorded

    @property
    def managers(self) -> int:
        return len(self.spans)

    @property
    def span_median(self) -> float | None:
        return statistics.median(self.spans) if self.spans else None

    @property
    def span_histogram(self) -> list[tuple[int, int]]:
        """(span, managers with that span), ascending."""
        return sorted(Counter(self.spans).items())


def shape(run: StructureRun) -> Shape:
    graph = run.graph
    everything = list(graph.posts.values())
    posts = [post for post in everything if not post.group]
    groups = [post for post in everything if post.group]
    depths = graph.depth
    spans = sorted(graph.spans.values())
    one_over_one = [graph.posts[post_id] for post_id, span in graph.spans.items() if span == 1]
    per_tier: dict[int | None, TierCount] = {}
    for post in everything:
        count = per_tier.setdefault(post.tier, TierCount(post.tier, 0, 0.0))
        count.posts += 1
        count.fte += post.fte
    tiers = sorted(per_tier.values(), key=lambda count: (count.tier is None, count.tier or 0))
    return Shape(
        posts=len(posts),
        groups=len(groups),
        group_fte=sum(post.fte for post in groups),
        vacant=sum(1 for post in posts if is_vacant(post)),
        holder_unrecorded=sum(1 for post in posts if post.holder is None),
        fte=sum(post.fte for post in everything),
        layers=max(depths.values()) + 1 if depths else 0,
        unreached=len(everything) - len(depths),
        spans=spans,
        one_over_one=one_over_one,
        tiers=tiers,
    )
