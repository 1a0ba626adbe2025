"""The other places a finding names (LSP ``relatedInformation``), found in the structure it was
checked on: the first of two posts sharing an id, the other posts of a reporting loop.

A finding carries its post (``Diagnostic.post``); the places it speaks of follow from the graph
the rules were run on, so they are looked up there rather than read back out of the message.
"""

from __future__ import annotations

from collections.abc import Callable

from orglint.diagnostics import Diagnostic, Span
from orglint.engine import StructureRun

RelatedPlace = tuple[Span, str]


def _first_of_duplicates(finding: Diagnostic, run: StructureRun) -> list[RelatedPlace]:
    context = run.context
    for post, first in run.graph.duplicates:
        if post.id == finding.post and context.post_span(post) == finding.span:
            return [(context.post_span(first), f"{first.id!r} is first used here, by {first.title!r}")]
    return []


def _rest_of_loop(finding: Diagnostic, run: StructureRun) -> list[RelatedPlace]:
    context, posts = run.context, run.graph.posts
    for loop in run.graph.cycles:
        if loop[0] == finding.post:
            return [
                (context.value_span(posts[post_id], "reports_to"), f"{post_id!r} reports to {posts[post_id].reports_to!r}")
                for post_id in loop[1:]
            ]
    return []


RELATED: dict[str, Callable[[Diagnostic, StructureRun], list[RelatedPlace]]] = {
    "S001": _first_of_duplicates,
    "S003": _rest_of_loop,
}
"""Rules whose findings name other places, with how to find them."""


def related_places(finding: Diagnostic, run: StructureRun | None) -> list[RelatedPlace]:
    find = RELATED.get(finding.code)
    if find is None or run is None or finding.post is None:
        return []
    return find(finding, run)
