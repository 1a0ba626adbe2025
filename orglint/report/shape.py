"""The structure's shape: headcount and FTE (job shares and groups of posts counted), layers, spans of
control, one-over-ones, posts per tier."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.report.statutory import is_vacant_holder


@dataclass
class TierCount:
    tier: int | None
    posts: int
    """Entries at the tier: single posts and groups of posts."""
    fte: float
    groups: int = 0
    """Of ``posts``, the groups of posts (an organogram's junior rows)."""


@dataclass
class Shape:
    posts: int
    """Single posts (a group of posts, such as an organogram's junior row, is counted in ``groups``)."""
    holders: int
    """The people holding the single posts: one a post, or each sharer of a job share."""
    job_shares: list[Post]
    groups: int
    group_fte: float
    vacant: int
    """Holders that are vacancies (of ``holders``)."""
    holder_unrecorded: int
    """Holders whose name is not recorded (of ``holders``)."""
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
    def headcount(self) -> float:
        """The holders of single posts, and the posts of each group (counted by its FTE: that is all a
        group, such as an organogram's junior staff row, says of its people)."""
        return round(self.holders + self.group_fte, 2)

    @property
    def filled(self) -> int:
        return self.holders - self.vacant - self.holder_unrecorded

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
    everything = run.structure.posts  # every post written, as check counts them: two that share an id (S001) are two
    posts = [post for post in everything if not post.group]
    groups = [post for post in everything if post.group]
    depths = graph.depth
    spans = sorted(graph.spans.values())
    one_over_one = [graph.posts[post_id] for post_id, span in graph.exact_spans.items() if span == 1]
    per_tier: dict[int | None, TierCount] = {}
    for post in everything:
        count = per_tier.setdefault(post.tier, TierCount(post.tier, 0, 0.0))
        count.posts += 1
        count.groups += post.group
        count.fte += post.fte
    tiers = sorted(per_tier.values(), key=lambda count: (count.tier is None, count.tier or 0))
    holders = [name for post in posts for name in post.holders]
    return Shape(
        posts=len(posts),
        holders=len(holders),
        job_shares=[post for post in posts if len(post.holders) > 1],
        groups=len(groups),
        group_fte=round(sum(post.fte for post in groups), 2),  # hundredths: no float noise
        vacant=sum(1 for name in holders if is_vacant_holder(name)),
        holder_unrecorded=sum(1 for name in holders if name is None),
        fte=round(sum(post.fte for post in everything), 2),
        layers=max(depths.values()) + 1 if depths else 0,
        unreached=len(graph.posts) - len(depths),  # of the posts the reporting lines hold
        spans=spans,
        one_over_one=one_over_one,
        tiers=tiers,
    )
