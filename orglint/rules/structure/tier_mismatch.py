from collections.abc import Iterator
from functools import cache

import networkx as nx

from orglint.diagnostics import Diagnostic, Severity, Span
from orglint.graph import OrgGraph
from orglint.model.schema import Post
from orglint.rules import CheckContext, Rule
from orglint.wording import MAX_SHARERS, listed


class TierMismatch(Rule, code="S006", name="tier-mismatch", severity=Severity.WARNING):
    """A post's declared tier does not follow from its manager's.

    ## What it does
    Compares each post's `tier` with its manager's: a post is one tier below the post it reports
    to, and a top post is tier 1. It reports the `tier` value of the post where the two part,
    showing the line of command. Only that post is reported, not the posts below it: a Director
    moved under another Director, its tier unchanged, is one finding, and its own team, whose
    tiers follow from its tier, is none. Where the manager declares no tier, its place in the
    reporting lines stands in for it. A top post beyond those the ruleset allows is not judged
    (S004 reports it), nor a post in a reporting loop (S003), nor one whose manager is unknown.

    ## Why
    Tiers carry policy: grade bands, job profiles and statutory roles are set per tier. In the
    Carlisle structure the Chief Executive is tier 1, the Strategic Directors tier 2 and the
    Assistant Directors, "ACCOUNTABLE TO: STRATEGIC DIRECTOR", tier 3. A post declared at one
    tier but placed at another is checked against the wrong policy.

    ## How to fix
    Correct the `tier`, or the `reports_to` if the post is placed wrongly. This rule is fixable:
    where the reporting line gives one tier, `orglint check --fix` sets `tier` to it (and then the
    tiers of the team below, which followed the old one). A `tier` shared through a YAML anchor
    or alias with posts it is right for is not set (it would be wrong for them): the finding says
    to give the post a `tier` of its own.

    ## Example
    Failing: `AD1` reports to the Chief Executive, so it is tier 2, not 3; its team's tier 4
    follows from its tier, so only `AD1` is reported.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 3}   # <- S006
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 4}
      - {id: HOS2, title: Head of Service, reports_to: AD1, tier: 4}
      - {id: HOS3, title: Head of Service, reports_to: AD1, tier: 4}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}
      - {id: HOS2, title: Head of Service, reports_to: AD1, tier: 3}
      - {id: HOS3, title: Head of Service, reports_to: AD1, tier: 3}
    ```
    """

    basis = "Structural integrity: a post's declared tier is one below its manager's"
    fix = "Correct the `tier`, or the `reports_to` if the post is placed wrongly."
    follows_from = frozenset({"S004"})  # a second top post's tier only echoes its missing manager
    fixable = True  # `tier` set to the one tier the reporting line gives

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        graph = context.graph
        # The tiers each post may be taken to be, for judging its reports (None: unknown). A post
        # whose tier is reported may be either what it declares or what its manager makes it, so
        # its team is judged against both and the mistake is reported once, where it is.
        taken: dict[str, frozenset[int] | None] = {}
        tops = {post.id for post in graph.top_posts}
        findings: list[Diagnostic] = []
        for post_id in managers_first(graph):
            post = graph.posts[post_id]
            manager = graph.manager(post)
            expected = _expected(post, manager, tops, graph.in_cycle, taken)
            if post.tier is None or expected is None or post.tier in expected:
                taken[post_id] = expected if post.tier is None else _one(post.tier)
                continue
            taken[post_id] = expected | {post.tier}
            right = manager.tier + 1 if manager is not None and manager.tier is not None else min(expected)
            certain = (manager is not None and manager.tier is not None) or len(expected) == 1
            findings.append(
                self.finding(
                    context.value_span(post, "tier"),
                    f"declared tier {post.tier}, but {_reason(manager, expected)} ({' > '.join(graph.chain(post.id))})",
                    post=post.id,
                    fix=f"Set `tier: {right}`, or correct `reports_to`.",
                    replacement=str(right) if certain else None,
                )
            )
        if findings:
            _say_where_shared(findings, context)
        yield from findings


def _say_where_shared(findings: list[Diagnostic], context: CheckContext) -> None:
    """A `tier` shared through a YAML anchor or alias with posts it is right for cannot simply be
    set: each finding on it says so, and that the post needs a `tier` of its own."""
    wrong_for: dict[Span, set[str]] = {}
    for finding in findings:
        wrong_for.setdefault(finding.span, set()).add(finding.post or "")
    declared = {context.graph.posts[finding.post].tier for finding in findings if finding.post in context.graph.posts}
    sharing: dict[Span, list[str]] = {}
    for post in context.structure.posts:
        if post.tier in declared:  # a shared value is the same tier: only those posts' spans are looked up
            span = context.value_span(post, "tier")
            if span in wrong_for:
                sharing.setdefault(span, []).append(post.id)
    for finding in findings:
        right_for = [
            post_id for post_id in dict.fromkeys(sharing.get(finding.span, ())) if post_id not in wrong_for[finding.span]
        ]
        if right_for and finding.replacement is not None:
            finding.fix = (
                f"The `tier` is shared (a YAML anchor or alias) with {listed([repr(p) for p in right_for], most=MAX_SHARERS)}, "
                f"for which it is right: give {finding.post!r} `tier: {finding.replacement}` of its own, or correct `reports_to`."
            )


def _expected(
    post: Post, manager: Post | None, tops: set[str], in_cycle: frozenset[str], taken: dict[str, frozenset[int] | None]
) -> frozenset[int] | None:
    """The tiers the post's place makes it; None where its place is unknown or a loop."""
    if post.reports_to is None:
        return _TOP if post.id in tops else None  # not a top post: its reporting line is unreadable
    if manager is None or post.id in in_cycle:
        return None
    above = taken.get(manager.id)
    if not above:
        return None
    return _one(next(iter(above)) + 1) if len(above) == 1 else frozenset(tier + 1 for tier in above)


def _reason(manager: Post | None, expected: frozenset[int]) -> str:
    if manager is None:
        return "it reports to no one, so it is tier 1"
    if manager.tier is not None:
        return f"its manager {manager.id!r} is tier {manager.tier}"
    return f"its reporting line puts it at tier {' or '.join(map(str, sorted(expected)))}"


@cache
def _one(tier: int) -> frozenset[int]:
    """One tier as a set, made once: nearly every post's set (at 100,000 posts, a set each is 20 MB)."""
    return frozenset({tier})


_TOP = _one(1)


def managers_first(graph: OrgGraph) -> Iterator[str]:
    """Every post, each after its manager: from the top posts and from each post whose manager
    is unknown, unreadable or in a loop (the loop's posts themselves first)."""
    posts = graph.posts
    starts = [
        post_id
        for post_id, post in posts.items()
        if post.reports_to is None or post.reports_to not in posts or post_id in graph.in_cycle
    ]
    if starts:
        for layer in nx.bfs_layers(graph.graph, starts):
            yield from layer
