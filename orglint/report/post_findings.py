"""The findings on each post, told apart where posts share an id."""

from __future__ import annotations

from collections.abc import Sequence

from orglint.diagnostics import Diagnostic, Span
from orglint.load.origin import locate
from orglint.model.schema import Post


def by_post(diagnostics: list[Diagnostic]) -> dict[str, list[Diagnostic]]:
    found: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.post is not None:
            found.setdefault(diagnostic.post, []).append(diagnostic)
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
            for finding in by_id.get(post_id, []):
                holder = next((number for number, post in enumerate(posts) if _holds(post, finding.span)), 0)
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


def _holds(post: Post, span: Span) -> bool:
    """Whether the post's entry in its file (its first key to its last value) holds ``span``."""
    entry = post.origin.span() if hasattr(post.origin, "span") else None
    return (
        entry is not None
        and entry.file == span.file
        and (entry.line, entry.column) <= (span.line, span.column)
        and (span.end_line, span.end_column) <= (entry.end_line, entry.end_column)
    )


def place(post: Post) -> str:
    """Where a post is written (its id's file and line, or its cell): what tells apart posts that share an id."""
    span = locate(post.origin, ("id",))
    if span is None:
        return ""
    cell = span.describe_cell()
    return f"{span.file}:{span.line}" + (f" {cell}" if cell else "")
