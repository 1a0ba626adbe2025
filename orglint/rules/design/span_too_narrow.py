from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings
from orglint.rules.design._spans import span_findings


class SpanTooNarrowSettings(RuleSettings):
    min_direct_reports: int = Field(ge=2, description="The narrowest span expected of a manager of two or more.")


class SpanTooNarrow(Rule[SpanTooNarrowSettings], code="D102", name="span-too-narrow", severity=Severity.INFO):
    """A manager of two or more has fewer direct reports than the ruleset expects.

    ## What it does
    Reports each post with at least 2 direct reports but fewer than `min-direct-reports`
    (3 in `core`). A post with exactly one report is left to D103. Direct reports are single
    posts: a manager with groups of posts under it as well (an organogram's junior staff rows,
    `group: true` in a structure file) leads more people than its single posts, how many
    directly is not known, so it is not reported.

    ## Why
    Narrow spans mean more managers and more layers for the same work. No single span suits
    every manager, but the narrowest managerial role McKinsey's study of spans of control
    found, the "player/coach" who also does the work, leads three to five (2017). A council
    ruleset cites its own framework instead (`leicestershire-odp`: a Director leads "a number
    of Assistant Director posts").

    ## How to fix
    Merge small teams under one manager, or widen the post's remit.

    ## Example
    Failing: the Chief Executive manages only two posts.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}   # <- D102
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
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

    basis = "Design norm, spans of control: the narrowest managerial role, a 'player/coach', leads three to five (McKinsey, 'How to identify the right spans of control for your organization', 2017); the floor is the ruleset's `min-direct-reports`"
    fix = "Merge small teams under one manager, or widen the post's remit."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        minimum = self.settings.min_direct_reports
        yield from span_findings(self, context, lambda span: 2 <= span < minimum, f"expects at least {minimum}", narrow=True)
