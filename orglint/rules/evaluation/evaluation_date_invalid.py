from collections.abc import Iterator

from orglint.clock import today
from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.evaluation._records import DateFault, date_fault


class EvaluationDateInvalid(Rule, code="E104", name="evaluation-date-invalid", severity=Severity.ERROR):
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

    basis = "Leicestershire ODP, 'Job Evaluation': the date the post went through job evaluation is recorded"
    fix = "Correct the date, or re-evaluate the post against its current profile."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        now = today()
        for post in context.graph.posts.values():
            record = post.evaluation
            profile = context.profiles.get(post.profile) if post.profile is not None else None
            fault = date_fault(record, profile, now) if record is not None else None
            if fault is None:
                continue
            assert record is not None
            if fault is DateFault.FUTURE:
                message = f"{post.id!r}: evaluated on {record.date}, which is in the future"
            else:
                assert profile is not None
                message = (
                    f"{post.id!r}: evaluated on {record.date}, before its profile {profile.id!r} last changed ({profile.updated})"
                )
            yield self.finding(context.value_span(post, "evaluation", "date"), message, post=post.id)
