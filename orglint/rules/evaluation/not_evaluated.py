from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.evaluation._scope import EvaluationScope, posts_in_scope


class NotEvaluated(Rule[EvaluationScope], code="E101", name="not-evaluated", severity=Severity.ERROR):
    """A post has no job evaluation record.

    ## What it does
    Reports each post in scope (every post, or those from the setting `from-grade` up) that has
    no `evaluation`, at its `id`.

    ## Why
    Leicestershire: "it is a requirement that all posts within the County Council go through
    the job evaluation process. A record will be kept of the rationale for the grade together
    with the date of when the post went through the job evaluation process." Carlisle's new
    posts were evaluated by North West Employers before their salaries were set (CE 21/09 para
    2.2). An unevaluated grade cannot be defended under equal pay legislation.

    ## How to fix
    Put the post through job evaluation and record it (`evaluation: {scheme, date, grade,
    rationale}`).

    ## Example
    Failing: `AD3` has never been evaluated.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./evaluated.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Benchmarked.}}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Panel.}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Panel.}}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}   # <- E101
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./evaluated.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Benchmarked.}}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Panel.}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {scheme: HAY, date: 2024-01-10, rationale: Panel.}}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {scheme: HAY, date: 2024-02-01, rationale: Panel.}}
    ```

    where `evaluated.yaml` is:

    ```yaml ruleset evaluated.yaml
    orglint-ruleset: 1
    name: evaluated
    extends: [core]
    rules: {E101: error}
    ```
    """

    basis = "Leicestershire ODP, 'Job Evaluation': all posts go through the job evaluation process; Carlisle CE 21/09 para 2.2"
    fix = "Put the post through job evaluation and record it under `evaluation`."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in posts_in_scope(context, self.settings):
            if post.evaluation is None and not context.structure.unread(post, "evaluation"):  # unreadable: its X002 says so
                yield self.finding(context.post_span(post), f"{post.id!r} has no job evaluation record", post=post.id)
