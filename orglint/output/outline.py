"""The reporting lines as a tree of nodes, cut at a depth: what the org chart and `orglint tree` draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from orglint.graph import OrgGraph
from orglint.model.schema import Post


@dataclass(slots=True)
class Node:
    post: Post
    children: list[Node] = field(default_factory=list)
    hidden: int = 0
    """Posts below this one left out by the depth limit."""


@dataclass
class Outline:
    roots: list[Node]
    outside: list[Post]
    """Posts no root reaches (in a reporting loop, or under a manager who is not a post)."""
    depth: int | None
    """Layers drawn below each root (None: all)."""
    hidden: int
    """Posts left out by the depth limit."""


def outline(graph: OrgGraph, start: str | None = None, depth: int | None = None) -> Outline:
    """The tree under ``start`` (every top post if None), ``depth`` layers below it at most.
    Built without recursion: a structure may be thousands of layers deep."""
    root_ids = [start] if start is not None else [post.id for post in graph.top_posts]
    seen: set[str] = set()
    roots = []
    stack: list[tuple[Node, int]] = []
    for root_id in root_ids:
        node = Node(graph.posts[root_id])
        seen.add(root_id)
        roots.append(node)
        stack.append((node, 0))
    hidden = 0
    while stack:
        node, level = stack.pop()
        reports = [report for report in graph.direct_reports(node.post.id) if report not in seen]
        if depth is not None and level >= depth:
            below = _count_below(graph, reports, seen)
            node.hidden = below
            hidden += below
            continue
        for report in reports:
            seen.add(report)
            child = Node(graph.posts[report])
            node.children.append(child)
            stack.append((child, level + 1))
    outside = [post for post in graph.posts.values() if post.id not in seen] if start is None else []
    return Outline(roots, outside, depth, hidden)


def _count_below(graph: OrgGraph, reports: list[str], seen: set[str]) -> int:
    """Posts in the subtrees of ``reports`` (marked seen, so they are not also 'outside')."""
    count = 0
    pending = list(reports)
    while pending:
        post_id = pending.pop()
        if post_id in seen:
            continue
        seen.add(post_id)
        count += 1
        pending.extend(graph.direct_reports(post_id))
    return count


def depth_within(graph: OrgGraph, limit: int) -> int | None:
    """The most layers below the top that keep a chart to ``limit`` posts (None: all fit)."""
    if len(graph.posts) <= limit:
        return None
    per_layer = Counter(graph.depth.values())
    drawn = 0
    for layer in sorted(per_layer):
        drawn += per_layer[layer]
        if drawn > limit:
            return max(0, layer - 1)
    return None
