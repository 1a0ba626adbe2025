from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings
from orglint.rules.evaluation._records import missing_fields


class EvaluationIncompleteSettings(RuleSettings):
    required: list[str] = Field(default=["scheme", "date", "grade", "rationale"], description="Fields every record needs.")
    schemes: list[str] = Field(default=[], description="Evaluation schemes the council uses (any, if empty).")


class EvaluationIncomplete(
    Rule[EvaluationIncompleteSettings], code="E102", name="evaluation-incomplete", severity=Severity.ERROR
):
    """A job evaluation record lacks its scheme, date, grade or rationale.

    ## What it does
    Reports each `evaluation` record missing any of the ruleset's `required` fields (scheme,
    date, evaluated grade and rationale), naming them all, and a `scheme` the ruleset does not
    list in `schemes`.

    ## Why
    Leicestershire: "A record will be kept of the rationale for the grade together with the
    date of when the post went through the job evaluation process", under the council's HAY
    scheme. A record without them cannot show the grade was fairly reached.

    ## How to fix
    Complete the record from the evaluation panel's papers.

    ## Example
    Failing: no rationale and no date.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./records.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - id: AD1
        title: Assistant Director
        reports_to: CE
        tier: 2
        evaluation: {scheme: HAY, grade: AD}   # <- E102
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./records.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - id: AD1
        title: Assistant Director
        reports_to: CE
        tier: 2
        evaluation: {scheme: HAY, grade: AD, date: 2024-03-01, rationale: Compared with the county's Assistant Directors.}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    where `records.yaml` is:

    ```yaml ruleset records.yaml
    orglint-ruleset: 1
    name: records
    extends: [core]
    rules:
      E102: {schemes: [HAY]}
    ```
    """

    basis = "Leicestershire ODP, 'Job Evaluation': a record of the rationale for the grade and the date evaluated, under the HAY scheme"
    fix = "Complete the evaluation record from the panel's papers."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in context.graph.posts.values():
            record = post.evaluation
            if record is None:
                continue
            # a field given but unreadable is its X002, not also missing here
            missing = [
                name
                for name in missing_fields(record, self.settings.required)
                if not context.structure.unread(post, "evaluation", name)
            ]
            if missing:
                yield self.finding(
                    context.value_span(post, "evaluation"),
                    f"{post.id!r}: the evaluation record has no {', '.join(missing)}",
                    post=post.id,
                )
            if self.settings.schemes and record.scheme is not None and record.scheme not in self.settings.schemes:
                yield self.finding(
                    context.value_span(post, "evaluation", "scheme"),
                    f"{post.id!r}: evaluated under {record.scheme!r}, not a scheme the ruleset accepts ({', '.join(self.settings.schemes)})",
                    post=post.id,
                )
