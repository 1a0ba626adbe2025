"""Stage 3: the reporting-line graph of a structure, built once, with the facts rules share.

Nodes are post ids; an edge runs from a manager to each direct report. Every fact below is
computed once, in time linear in the number of posts, when a rule first asks for it.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, NoReturn

import networkx as nx

from orglint.model.schema import Post
from orglint.model.structure import Structure
from orglint.suggest import Suggester


class _NoAttributes(dict[str, Any]):
    """The one (empty) attribute dict all nodes and all edges share. Reporting lines carry no
    attributes (the facts rules share are OrgGraph's properties), and a dict per node and per
    edge is two million dicts at a million posts: this is networkx's own low-memory subclassing
    example (``DiGraph``'s "Subclasses"). Writing to it is refused, since it is everyone's."""

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("orglint's reporting-line graph carries no node or edge attributes")

    __setitem__ = setdefault = _refuse

    def update(self, *args: object, **kwargs: object) -> None:
        if any(args) or kwargs:  # networkx itself updates with nothing
            self._refuse()


_NO_ATTRIBUTES = _NoAttributes()


class ReportingLines(nx.DiGraph):
    """A DiGraph whose nodes and edges share one empty attribute dict."""

    def _no_attributes(self) -> _NoAttributes:
        return _NO_ATTRIBUTES

    node_attr_dict_factory = edge_attr_dict_factory = _no_attributes


class OrgGraph:
    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        self.posts: dict[str, Post] = {}
        """Each post by id; where an id is used twice the first post keeps it."""
        self.duplicates: list[tuple[Post, Post]] = []
        """(later post, the post that first used its id)."""
        self.unknown_managers: list[Post] = []
        """Posts whose ``reports_to`` names no post at all (not even an unusable one)."""
        self.unplaced: list[Post] = []
        """Posts whose ``reports_to`` the file gives but could not be read (an X002 says why), or
        names an id two posts have (S001 says so): where they report is unknown, so they are
        neither top posts nor reports of anyone, and the posts below them are not placed either (no
        rule judges their tier, layer, grade or span on a guess)."""
        self.top_posts: list[Post] = []
        graph = ReportingLines()
        for post in structure.posts:
            first = self.posts.setdefault(post.id, post)
            if first is not post:
                self.duplicates.append((post, first))
        self.shared_ids = frozenset(post.id for post, _ in self.duplicates)
        """Ids two or more posts have: a ``reports_to`` naming one names no post for certain."""
        graph.add_nodes_from(self.posts)
        edges = []
        for post in self.posts.values():
            manager = post.reports_to
            if (manager is None and structure.unread(post, "reports_to")) or manager in self.shared_ids:
                self.unplaced.append(post)
            elif manager is None:
                self.top_posts.append(post)
            elif manager in self.posts:
                edges.append((manager, post.id))
            elif manager not in structure.unusable_post_ids:
                self.unknown_managers.append(post)
        graph.add_edges_from(edges)
        self.graph = nx.freeze(graph)  # shared by every rule: none may change it

    def manager(self, post: Post) -> Post | None:
        """The post's manager; None for a top post, and where ``reports_to`` names no one post."""
        if post.reports_to is None or post.reports_to in self.shared_ids:
            return None
        return self.posts.get(post.reports_to)

    def direct_reports(self, post_id: str) -> list[str]:
        return list(self.graph.successors(post_id))

    def span_of_control(self, post_id: str) -> int:
        """Direct reports that are single posts (groups of posts, such as an organogram's junior
        staff rows, are not counted)."""
        return self.spans.get(post_id, 0)

    def single_reports(self, post_id: str) -> list[str]:
        """Direct reports that are single posts, not groups."""
        return self._single_reports.get(post_id, [])

    @cached_property
    def _single_reports(self) -> dict[str, list[str]]:
        """Each manager's single-post reports, in post order. A post written again under an id
        already used (S001) is not in the graph, but it stands under its own manager all the same:
        that manager's span is not one less for the one mistake S001 reports."""
        meant = self.meant_managers
        reports: dict[str, list[str]] = {}
        for post in (*self.posts.values(), *(again for again, _ in self.duplicates)):
            manager = post.reports_to if post.reports_to in self.posts else meant.get(post.id)
            if not post.group and manager is not None and manager != post.id and manager not in self.shared_ids:
                reports.setdefault(manager, []).append(post.id)
        return reports

    @cached_property
    def manager_suggestions(self) -> dict[str, list[str]]:
        """For each post whose ``reports_to`` names no post (``unknown_managers``), by id: the posts
        its ``reports_to`` may be a slip for, likeliest first (S002's did-you-mean)."""
        if not self.unknown_managers:
            return {}
        ids = Suggester(self.posts)
        return {post.id: ids.candidates(post.reports_to or "") for post in self.unknown_managers}

    @cached_property
    def meant_managers(self) -> dict[str, str]:
        """Posts whose ``reports_to`` names no post but is a slip for exactly one (``HOS-PLN`` where
        only ``HOS-PL`` is close), by id: the manager meant. The post is counted in that manager's
        span, since the S002 that reports the slip is the one mistake, and the manager is not also
        a report short (D102, D103). It is not placed under it for anything else: its tier and
        layers are judged from its own."""
        return {
            post_id: found[0] for post_id, found in self.manager_suggestions.items() if len(found) == 1 and found[0] != post_id
        }

    @cached_property
    def exact_spans(self) -> dict[str, int]:
        """``spans`` without the managers of groups of posts (an organogram's junior staff, who
        report to their senior post directly or through one another): how many people report to
        those directly is not known, only that it is more than their single posts, so only these
        spans are judged narrow (D102, D103, the report's one-over-ones)."""
        leaders = {post.reports_to for post in self.posts.values() if post.group}
        return {post_id: span for post_id, span in self.spans.items() if post_id not in leaders}

    @cached_property
    def spans(self) -> dict[str, int]:
        """Each manager's span of control (managers of single posts only), in post order."""
        reports = self._single_reports
        return {post_id: len(reports[post_id]) for post_id in self.posts if post_id in reports}

    @cached_property
    def depth(self) -> dict[str, int]:
        """Layers below the top post (the top is 0), for posts a top post reaches, listed layer by
        layer from the top."""
        tops = [post.id for post in self.top_posts]
        depths: dict[str, int] = {}
        if tops:
            for layer, ids in enumerate(nx.bfs_layers(self.graph, tops)):
                for post_id in ids:
                    depths[post_id] = layer
        return depths

    @cached_property
    def cycles(self) -> list[list[str]]:
        """Each reporting loop as post ids in reporting order (each reports to the next),
        starting from the post that comes first in the files."""
        # A post a top post reaches is in no loop: each post has one manager, so a loop has no way
        # in from outside it. Only the posts left over (usually none) need looking at.
        depth = self.depth
        unreached = [post_id for post_id in self.posts if post_id not in depth]
        if not unreached:
            return []
        order = {post_id: index for index, post_id in enumerate(self.posts)}
        loops = []
        for component in nx.strongly_connected_components(self.graph.subgraph(unreached)):
            if len(component) == 1:
                (only,) = component
                if not self.graph.has_edge(only, only):
                    continue
            start = min(component, key=order.__getitem__)
            loop = [start]
            current = self.posts[start].reports_to
            while current != start:
                assert current is not None
                loop.append(current)
                current = self.posts[current].reports_to
            loops.append(loop)
        loops.sort(key=lambda loop: order[loop[0]])
        return loops

    @cached_property
    def in_cycle(self) -> frozenset[str]:
        return frozenset(post_id for loop in self.cycles for post_id in loop)

    def chain(self, post_id: str) -> list[str]:
        """The line of command from the top down to ``post_id`` (stops at a loop or a gap)."""
        chain = [post_id]
        seen = {post_id}
        current = self.posts[post_id].reports_to
        while current is not None and current in self.posts and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.posts[current].reports_to
        chain.reverse()
        return chain
