"""What D101 and D102 share: a finding at each manager whose span of direct reports is out of bounds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from orglint.diagnostics import Diagnostic
from orglint.rules import CheckContext, Rule


def span_findings(
    rule: Rule[Any], context: CheckContext, out_of_bounds: Callable[[int], bool], expectation: str, *, narrow: bool
) -> Iterator[Diagnostic]:
    """A finding at each post whose span is ``out_of_bounds``: "'title' has N direct reports; the
    ruleset {expectation}". A ``narrow`` bound judges only the spans known exactly
    (``OrgGraph.exact_spans``): a manager of groups of posts leads more than its single posts."""
    graph = context.graph
    for post_id, span in (graph.exact_spans if narrow else graph.spans).items():
        if out_of_bounds(span):
            post = graph.posts[post_id]
            yield rule.finding(
                context.post_span(post),
                f"{post.title!r} has {span} direct reports; the ruleset {expectation}",
                post=post_id,
            )
