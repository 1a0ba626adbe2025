"""The findings on each post, told apart where posts share an id."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from orglint.diagnostics import Diagnostic, Span
from orglint.load.origin import locate
from orglint.model.schema import Post


def off_posts(diagnostics: Iterable[Diagnostic]) -> dict[str | None, list[Diagnostic]]:
    """The findings on no post, by the department they are about (None: the whole organisation):
    what a chart or a tree of the posts shows beside its posts, not on one."""
    found: dict[str | None, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.post is None and not diagnostic.sharers:
            found.setdefault(diagnostic.department, []).append(diagnostic)
    return found


def by_post(diagnostics: list[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Each post's findings, by id: a finding on a value several posts share is on each of them."""
    found: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        for post in diagnostic.sharers or (() if diagnostic.post is None else (diagnostic.post,)):
            found.setdefault(post, []).append(diagnostic)
    return found


class PostFindings:
    """The findings on each post, for the views that draw every post (the tree, the chart).

    Where several posts share an id (S001 reports each but the first), the reporting lines and
    the rules know the first (``OrgGraph.posts``), but a view draws them all: each of those
    findings goes to the post whose entry holds its location (the S001 to the post it reports, a
    fault in a post's own value to that post), any other to the first post."""

    def __init__(self, by_id: dict[str, list[Diagnostic]], duplicates: Sequence[tuple[Post, Post]] = ()) -> None:
        self._by_id = by_id
        self._shared: dict[int, tuple[int, list[Diagnostic]]] = {}
        """By a post's identity, for the posts whose id another post shares: its number among them
        (1 the first in the files), and its findings."""
        sharers: dict[str, list[Post]] = {}
        for later, first in duplicates:
            sharers.setdefault(first.id, [first]).append(later)
        self._posts_of_findings: dict[int, Post] = {}
        for post_id, posts in sharers.items():
            own: list[list[Diagnostic]] = [[] for _ in posts]
            holder_of = _Entries(posts)
            for finding in by_id.get(post_id, []):
                holder = holder_of(finding.span)
                own[holder].append(finding)
                self._posts_of_findings[id(finding)] = posts[holder]
            self._shared.update(
                (id(post), (number + 1, found)) for number, (post, found) in enumerate(zip(posts, own, strict=True))
            )

    def of(self, post: Post) -> list[Diagnostic]:
        shared = self._shared.get(id(post))
        return shared[1] if shared is not None else self._by_id.get(post.id, [])

    def number(self, post: Post) -> int | None:
        """The post's number among the posts that share its id (1 the first), None where none does."""
        shared = self._shared.get(id(post))
        return shared[0] if shared is not None else None

    def post_of(self, finding: Diagnostic) -> Post | None:
        """The post a finding is on, where its id is shared (None otherwise: the post with its id)."""
        return self._posts_of_findings.get(id(finding))


class _Entries:
    """The entries in their files (first key to last value) of posts that share an id, to find the
    one holding a place by bisection: thousands of posts written with one id (a hostile file)
    cost no more than thousands of ids."""

    def __init__(self, posts: Sequence[Post]) -> None:
        spans = [(_entry(post), number) for number, post in enumerate(posts)]
        located = [(span, number) for span, number in spans if span is not None]
        self._entries = sorted(located, key=lambda item: (item[0].file, item[0].line, item[0].column))
        self._starts = [(span.file, span.line, span.column) for span, _ in self._entries]

    def __call__(self, span: Span) -> int:
        """The number of the post whose entry holds ``span`` (the first post's, 0, if none does).
        Entries do not overlap (they are items of a list), so only the last to start at or before
        ``span`` can hold it."""
        index = bisect_right(self._starts, (span.file, span.line, span.column)) - 1
        if index < 0:
            return 0
        entry, number = self._entries[index]
        return number if entry.holds(span) else 0


def _entry(post: Post) -> Span | None:
    return post.origin.span() if hasattr(post.origin, "span") else None


def on_other_rows(post: Post, findings: list[Diagnostic]) -> tuple[list[Diagnostic], dict[int, list[Diagnostic]]]:
    """A post read from a table row: its findings on that row, and those on other rows of the
    table that give its reference (an organogram's second row of one reference, which the
    structure does not draw), by row. Those are the other row's: its name, its grade, not the
    drawn post's. A post from YAML has all its findings as its own."""
    span = locate(post.origin, ("id",))
    if span is None or span.cell is None:
        return findings, {}
    own: list[Diagnostic] = []
    others: dict[int, list[Diagnostic]] = {}
    for finding in findings:
        found = finding.span
        if found.cell is not None and found.file == span.file and found.sheet == span.sheet and found.line != span.line:
            others.setdefault(found.line, []).append(finding)
        else:
            own.append(finding)
    return own, others


def place(post: Post) -> str:
    """Where a post is written (its id's file and line, or its cell): what tells apart posts that
    share an id. A post whose id comes from a mapping merged into it (``<<: *anchor``) is placed
    at its own entry, not at the anchor's id, which another post holds."""
    span = locate(post.origin, ("id",))
    entry = _entry(post)
    if span is not None and entry is not None and not entry.holds(span):
        span = entry
    if span is None:
        return ""
    cell = span.describe_cell()
    return f"{span.file}:{span.line}" + (f" {cell}" if cell else "")
