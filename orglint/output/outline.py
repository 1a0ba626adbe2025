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
    Built without recursion: a structure may be thousands of layers deep.

    A post whose id an earlier post took (S001) is drawn too, where its own ``reports_to`` puts
    it (under the post that holds that id, or as a top post), with no reports of its own: the
    reporting lines that name its id lead to the first post."""
    copies = _copies(graph)
    root_ids = [start] if start is not None else [post.id for post in graph.top_posts]
    seen: set[str] = set()
    roots = []
    stack: list[tuple[Node, int]] = []
    for root_id in root_ids:
        node = Node(graph.posts[root_id])
        seen.add(root_id)
        roots.append(node)
        stack.append((node, 0))
    if start is None:
        roots += [Node(copy) for copy in copies.take(None)]
    hidden = 0
    while stack:
        node, level = stack.pop()
        reports = [report for report in graph.direct_reports(node.post.id) if report not in seen]
        own_copies = copies.take(node.post.id)
        if depth is not None and level >= depth:
            below = len(own_copies) + _count_below(graph, reports, seen, copies)
            node.hidden = below
            hidden += below
            continue
        for report in reports:
            seen.add(report)
            child = Node(graph.posts[report])
            node.children.append(child)
            stack.append((child, level + 1))
        node.children += [Node(copy) for copy in own_copies]
        if own_copies:
            node.children.sort(key=lambda child: copies.order[id(child.post)])  # as the files have them
    outside: list[Post] = []
    if start is None:
        outside = [post for post in graph.posts.values() if post.id not in seen]
        outside += [copy for left in copies.by_manager.values() for copy in left]  # under a post that is outside, or none
    return Outline(roots, outside, depth, hidden)


@dataclass
class _Copies:
    """The posts whose id an earlier post took, not yet drawn."""

    by_manager: dict[str | None, list[Post]] = field(default_factory=dict)
    """By the id their ``reports_to`` names (None: a top post)."""
    order: dict[int, int] = field(default_factory=dict)
    """Each post's place in the files, by its identity (only where there are copies)."""

    def take(self, manager: str | None) -> list[Post]:
        return self.by_manager.pop(manager, [])


def _copies(graph: OrgGraph) -> _Copies:
    copies = _Copies()
    if graph.duplicates:  # only then: a place for each of a million posts is not free
        copies.order = {id(post): index for index, post in enumerate(graph.structure.posts)}
        for copy, _first in graph.duplicates:
            copies.by_manager.setdefault(copy.reports_to, []).append(copy)
    return copies


def _count_below(graph: OrgGraph, reports: list[str], seen: set[str], copies: _Copies) -> int:
    """Posts in the subtrees of ``reports`` (marked seen, so they are not also 'outside'), and the
    posts with a taken id under them (taken from ``copies``)."""
    count = 0
    pending = list(reports)
    while pending:
        post_id = pending.pop()
        if post_id in seen:
            continue
        seen.add(post_id)
        count += 1 + len(copies.take(post_id))
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


def heads_department(department: str | None, manager_department: str | None) -> bool:
    """Whether a post of ``department`` under a manager of ``manager_department`` (None: no
    manager, or one of no department) starts a block of its department in the chart."""
    return department is not None and department != manager_department


def department_blocks(roots: list[Node], graph: OrgGraph) -> dict[int, list[Post]]:
    """For each drawn node that starts a block of its department (by the node's identity), the posts
    of that department in its block: the node's post and those below it, drawn or left out by the
    depth limit, down to the posts that start blocks of their own (another department's nested
    inside, or the same department's again below one). Each post of a department is in one block at
    most; posts of no department are in none. A walk without recursion."""
    blocks: dict[int, list[Post]] = {}
    # each entry: a node, its manager's department, and the block it is in with that block's department
    stack: list[tuple[Node, str | None, list[Post] | None, str | None]] = [(root, None, None, None) for root in roots]
    while stack:
        node, manager_department, block, department = stack.pop()
        post = node.post
        if heads_department(post.department, manager_department):
            block, department = blocks.setdefault(id(node), []), post.department
        if block is not None:
            if post.department == department:
                block.append(post)
            if node.hidden:
                block += _undrawn_in_block(graph, post, department)
        stack.extend((child, post.department, block, department) for child in node.children)
    return blocks


def _undrawn_in_block(graph: OrgGraph, manager: Post, department: str | None) -> list[Post]:
    """The posts of ``department`` below ``manager`` (whose reports the depth limit left undrawn) in
    its block: down to the posts that start blocks of their own."""
    found: list[Post] = []
    seen: set[str] = set()
    pending = [(report, manager.department) for report in graph.direct_reports(manager.id)]
    while pending:
        post_id, manager_department = pending.pop()
        if post_id in seen:
            continue
        seen.add(post_id)
        post = graph.posts[post_id]
        if heads_department(post.department, manager_department):
            continue
        if post.department == department:
            found.append(post)
        pending.extend((report, post.department) for report in graph.direct_reports(post_id))
    return found
