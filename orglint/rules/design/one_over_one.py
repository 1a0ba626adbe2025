from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class OneOverOne(Rule, code="D103", name="one-over-one", severity=Severity.WARNING):
    """A manager has exactly one direct report.

    ## What it does
    Reports each post with exactly one direct report (a "one-over-one"), naming the report.
    Posts in a reporting loop are left to S003. A post with groups of posts under it as well
    (an organogram's junior staff rows, `group: true` in a structure file) leads a team
    besides its one post, and is not reported.

    ## Why
    A manager of one adds a layer without adding management: decisions pass through two
    posts where one would do, and the two roles blur. Design practice gives each stratum of
    work one managerial layer (Jaques, "In Praise of Hierarchy", 1990), and even the
    narrowest managerial role leads three to five (McKinsey, 2017). A council ruleset cites
    its own framework instead (`leicestershire-odp`: teams of "a number of" posts).

    ## How to fix
    Remove the layer (the report moves up to the manager's manager), or give the manager a
    real team.

    ## Example
    Failing: `AD1` manages only `HOS1`.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}   # <- D103
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}
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

    basis = "Design norm: a manager of one adds a layer but no span; one managerial layer to each stratum of work (Jaques, 'In Praise of Hierarchy', Harvard Business Review 1990), and no managerial role leads fewer than three (McKinsey, spans of control, 2017)"
    fix = "Remove the layer, or give the manager a real team."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        graph = context.graph
        for post_id, span in graph.exact_spans.items():  # a manager of groups of posts leads more than its one post
            if span == 1 and post_id not in graph.in_cycle:  # a loop's members are S003's
                post = graph.posts[post_id]
                (only,) = graph.single_reports(post_id)
                yield self.finding(
                    context.post_span(post),
                    f"{post.title!r} has one direct report ({only}): a one-over-one layer",
                    post=post_id,
                )
