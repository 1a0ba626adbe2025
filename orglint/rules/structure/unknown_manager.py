from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.suggest import did_you_mean


class UnknownManager(Rule, code="S002", name="unknown-manager", severity=Severity.ERROR):
    """A post's `reports_to` names no post.

    ## What it does
    Reports each `reports_to` value that is not the id of any post in the structure (in any
    of its files), with the closest existing id when there is one: an id differing only in case
    first, else the fewest edits away (a third of its length at most).

    One mistake is one finding. Where only one post is close (`HOS-PLN` for `HOS-PL`), the post
    still counts in that manager's span of control, so the manager is not also reported as a
    report short (D102, D103); for its tier and layers the post is judged from its own tier.

    ## Why
    Every post is accountable to a named post: the Carlisle job descriptions open with
    "ACCOUNTABLE TO: STRATEGIC DIRECTOR". A reporting line to nowhere leaves the post, and
    everything below it, outside the structure: its tier, layers and spans cannot be checked.

    ## How to fix
    Correct the id (ids are compared exactly, case included), or add the missing post.

    ## Example
    Failing: `SD2` does not exist.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: SD1, title: Strategic Director, reports_to: CE, tier: 2}
      - {id: AD1, title: Assistant Director, reports_to: SD2, tier: 3}   # <- S002
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: SD1, title: Strategic Director, reports_to: CE, tier: 2}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
    ```
    """

    basis = "Structural integrity: a reporting line names a post of the structure"
    fix = "Name an existing post's id in `reports_to`, or add the missing post."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        suggestions = context.graph.manager_suggestions
        for post in context.graph.unknown_managers:
            meant = suggestions[post.id][0] if suggestions[post.id] else None
            message = f"reports_to {post.reports_to!r} names no post{did_you_mean(meant)}"
            yield self.finding(context.value_span(post, "reports_to"), message, post=post.id)
