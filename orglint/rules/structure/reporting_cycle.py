from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class ReportingCycle(Rule, code="S003", name="reporting-cycle", severity=Severity.ERROR):
    """Reporting lines loop back on themselves.

    ## What it does
    Finds every loop in the reporting lines, a post reporting to itself included, and reports
    it once, at the `reports_to` of the loop's first post in the files, naming the whole loop.

    ## Why
    Every reporting line has to end at the top of the structure: that is what makes it a
    structure. In a loop nobody is at the top: each post is accountable, through the others,
    to itself, and the posts in it have no tier, layer or chain of command to check.

    ## How to fix
    Decide which post in the loop really heads that part of the structure and make it report
    outside the loop (or be the top post).

    ## Example
    Failing: `SD1` and `SD2` report to each other.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: SD1, title: Strategic Director, reports_to: SD2, tier: 2}   # <- S003
      - {id: SD2, title: Strategic Director, reports_to: SD1, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: SD1, title: Strategic Director, reports_to: CE, tier: 2}
      - {id: SD2, title: Strategic Director, reports_to: CE, tier: 2}
      - {id: SD3, title: Strategic Director, reports_to: CE, tier: 2}
    ```
    """

    basis = "Structural integrity: every reporting line ends at a top post, which a loop never reaches"
    fix = "Make one post of the loop report outside it, or be the top post."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for loop in context.graph.cycles:
            first = context.graph.posts[loop[0]]
            if len(loop) == 1:
                message = f"post {first.id!r} reports to itself"
            else:
                message = "reporting loop: " + " → ".join([*loop, loop[0]]) + " (each reports to the next)"
            yield self.finding(context.value_span(first, "reports_to"), message, post=first.id)
