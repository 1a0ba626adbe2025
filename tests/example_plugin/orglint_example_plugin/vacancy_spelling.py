from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule

VACANT = "vacant"


class VacancySpelling(Rule, code="Z102", name="vacancy-spelling", severity=Severity.WARNING):
    """A vacancy is written other than `vacant`.

    ## What it does
    Reports each post whose `holder` is `vacant` in another case or spacing (`Vacant`, ` VACANT `),
    at the holder.

    ## Why
    Z101 and the reports read `vacant` as written; `Vacant` reads as a person of that name, and a
    vacant statutory post would go unreported.

    ## How to fix
    Write `vacant`. This rule is fixable: `orglint check --fix` writes it.

    ## Example
    Failing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, holder: Jo Bloggs}
      - {id: A, title: A, reports_to: CE, tier: 2, holder: Vacant}   # <- Z102
      - {id: B, title: B, reports_to: CE, tier: 2}
      - {id: C, title: C, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, holder: Jo Bloggs}
      - {id: A, title: A, reports_to: CE, tier: 2, holder: vacant}
      - {id: B, title: B, reports_to: CE, tier: 2}
      - {id: C, title: C, reports_to: CE, tier: 2}
    ```
    """

    basis = "the example plugin's Z101, which reads `vacant` as written"
    fix = "Write `vacant`."
    fixable = True

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in context.graph.posts.values():
            holder = post.holder
            if holder is not None and holder != VACANT and holder.strip().casefold() == VACANT:
                yield self.finding(
                    context.value_span(post, "holder"),
                    f"{post.id!r}: vacancy written {holder!r}",
                    post=post.id,
                    replacement=VACANT,
                )
