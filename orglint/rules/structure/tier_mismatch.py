from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class TierMismatch(Rule):
    """A post's declared tier differs from its place in the reporting lines.

    ## What it does
    For every post with a `tier` that the top post reaches, compares the tier with 1 + the
    number of reporting steps between it and the top post, and reports the `tier` value when
    they differ, showing the line of command.

    ## Why
    Tiers carry policy: grade bands, job profiles and statutory roles are set per tier. In the
    Carlisle structure the Chief Executive is tier 1, the Strategic Directors tier 2 and the
    Assistant Directors, "ACCOUNTABLE TO: STRATEGIC DIRECTOR", tier 3. A post declared at one
    tier but placed at another is checked against the wrong policy.

    ## How to fix
    Correct the `tier`, or the `reports_to` if the post is placed wrongly.

    ## Example
    Failing: `AD1` reports to the Chief Executive, so it is tier 2, not 3.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 3}   # <- S006
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
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
    ```
    """

    code = "S006"
    name = "tier-mismatch"
    severity = Severity.WARNING
    basis = "Structural integrity: a post's declared tier is one below its manager's"
    fix = "Correct the `tier`, or the `reports_to` if the post is placed wrongly."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        depth = context.graph.depth
        for post in context.graph.posts.values():
            if post.tier is None or post.id not in depth:
                continue
            actual = depth[post.id] + 1
            if post.tier != actual:
                line = " > ".join(context.graph.chain(post.id))
                yield self.finding(
                    context.value_span(post, "tier"),
                    f"declared tier {post.tier}, but its reporting line puts it at tier {actual} ({line})",
                    post=post.id,
                    fix=f"Set `tier: {actual}`, or correct `reports_to`.",
                )
