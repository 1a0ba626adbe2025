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
    posts = list(graph.posts.values())
    depths = graph.depth
    spans = sorted(degree for _, degree in graph.graph.out_degree() if degree > 0)
    one_over_one = [post for post in posts if graph.span_of_control(post.id) == 1]
    per_tier: dict[int | None, TierCount] = {}
    for post in posts:
        count = per_tier.setdefault(post.tier, TierCount(post.tier, 0, 0.0))
        count.posts += 1
        count.fte += post.fte
    tiers = sorted(per_tier.values(), key=lambda count: (count.tier is None, count.tier or 0))
    return Shape(
        posts=len(posts),
        vacant=sum(1 for post in posts if is_vacant(post)),
        holder_unrecorded=sum(1 for post in posts if post.holder is None),
        fte=sum(post.fte for post in posts),
        layers=max(depths.values()) + 1 if depths else 0,
        unreached=len(posts) - len(depths),
        spans=spans,
        one_over_one=one_over_one,
        tiers=tiers,
    )
