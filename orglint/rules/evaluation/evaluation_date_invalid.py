import datetime
import os
from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule

TODAY_VARIABLE = "ORGLINT_TODAY"
"""An ISO date to take as today (for reproducible runs, such as tests and CI); the real date otherwise."""


def today() -> datetime.date:
    given = os.environ.get(TODAY_VARIABLE)
    return datetime.date.fromisoformat(given) if given else datetime.date.today()


class EvaluationDateInvalid(Rule):
    """A job evaluation is dated in the future, or before the post's profile last changed.

    ## What it does
    Reports an `evaluation.date` later than today, and one earlier than the `updated` date of
    the post's job profile, at the date. (Set `ORGLINT_TODAY=YYYY-MM-DD` to fix "today" for a
    reproducible run.)

    ## Why
    Leicestershire records "the date of when the post went through the job evaluation
    process". A future date is a typing error; an evaluation older than the profile it
    evaluated no longer evaluates the job as it now is, and its grade is unsupported.

    ## How to fix
    Correct the date, or re-evaluate the post against its current profile.

    ## Example
    Failing: the profile changed after the evaluation.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./dated.yaml}
    profiles:
      - {id: ad, updated: 2024-06-01}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, profile: ad, evaluation: {date: 2024-06-15}}
      - id: AD2
        title: Assistant Director
        reports_to: CE
        tier: 2
        profile: ad
        evaluation:
          date: 2023-11-30   # <- E104
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {date: 2021-01-31}}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./dated.yaml}
    profiles:
      - {id: ad, updated: 2024-06-01}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, profile: ad, evaluation: {date: 2024-06-15}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, profile: ad, evaluation: {date: 2024-07-02}}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, evaluation: {date: 2021-01-31}}
    ```

    where `dated.yaml` is:

    ```yaml ruleset dated.yaml
    orglint-ruleset: 1
    name: dated
    extends: [core]
    rules: {E104: error}
    ```
    """

    code = "E104"
    name = "evaluation-date-invalid"
    severity = Severity.ERROR
    basis = "Leicestershire ODP, 'Job Evaluation': the date the post went through job evaluation is recorded"
    fix = "Correct the date, or re-evaluate the post against its current profile."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        now = today()
        for post in context.graph.posts.values():
            record = post.evaluation
            if record is None or record.date is None:
                continue
            if record.date > now:
                span = context.value_span(post, "evaluation", "date")
                yield self.finding(span, f"{post.id!r}: evaluated on {record.date}, which is in the future", post=post.id)
                continue
            profile = context.profiles.get(post.profile) if post.profile is not None else None
            if profile is not None and profile.updated is not None and record.date < profile.updated:
                yield self.finding(
                    context.value_span(post, "evaluation", "date"),
                    f"{post.id!r}: evaluated on {record.date}, before its profile {profile.id!r} last changed ({profile.updated})",
                    post=post.id,
                )
