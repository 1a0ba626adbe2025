from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class VacantStatutoryPost(Rule, code="Z101", name="vacant-statutory-post", severity=Severity.WARNING):
    """A post holding a statutory designation is vacant.

    ## What it does
    Reports each post whose `holder` is `vacant` and that carries a designation the policy
    gives a statute, at the holder.

    ## Why
    A statutory office must be filled by a named officer; while the post is vacant an interim
    arrangement has to be designated.

    ## How to fix
    Name the holder, or designate an interim officer.

    ## Example
    Failing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service], holder: vacant}   # <- Z101
      - {id: A, title: A, reports_to: CE, tier: 2}
      - {id: B, title: B, reports_to: CE, tier: 2}
      - {id: C, title: C, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service], holder: Jo Bloggs}
      - {id: A, title: A, reports_to: CE, tier: 2}
      - {id: B, title: B, reports_to: CE, tier: 2}
      - {id: C, title: C, reports_to: CE, tier: 2}
    ```
    """

    basis = "the statute behind each designation (policy `designations`)"
    fix = "Name the holder, or designate an interim officer."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        statutory = {key for key, entry in context.policy.designations.items() if entry.statute}
        for post in context.graph.posts.values():
            if post.holder == "vacant" and statutory & set(post.designations):
                yield self.finding(
                    context.value_span(post, "holder"), f"{post.id!r} holds a statutory role but is vacant", post=post.id
                )
