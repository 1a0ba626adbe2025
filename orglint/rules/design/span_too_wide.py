from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings
from orglint.rules.design._spans import span_findings


class SpanTooWideSettings(RuleSettings):
    max_direct_reports: int = Field(ge=1, description="The widest span of control allowed.")


class SpanTooWide(Rule[SpanTooWideSettings], code="D101", name="span-too-wide", severity=Severity.WARNING):
    """A manager has more direct reports than the ruleset allows.

    ## What it does
    Reports each post with more direct reports than `max-direct-reports` (12 in `core`), at
    the post's `id`.

    ## Why
    A span wider than a manager can supervise, support and appraise leaves staff without real
    line management. Spans depend on the work: McKinsey's managerial archetypes (2017) run
    from three to five direct reports for a "player/coach" to eleven to fifteen for a
    "facilitator" of routine work, more only for a "coordinator" of identical work. The
    limit is the ruleset's; a council ruleset cites its own framework for it.

    ## How to fix
    Add a layer of team leaders, or move some reports to a peer manager. If the work is
    uniform and self-directed, the ruleset can allow a wider span.

    ## Example
    Failing (with `max-direct-reports: 3`): the Chief Executive has four reports.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./narrow.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}   # <- D101
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD4, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./narrow.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    where `narrow.yaml` is:

    ```yaml ruleset narrow.yaml
    orglint-ruleset: 1
    name: narrow
    extends: [core]
    rules:
      D101: {max-direct-reports: 3}
    ```
    """

    basis = "Design norm, spans of control: no one span suits every manager, and even a 'facilitator' of routine work leads 11-15 (McKinsey, 'How to identify the right spans of control for your organization', 2017); the limit is the ruleset's `max-direct-reports`"
    fix = "Add a layer of team leaders or move reports to a peer manager."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        limit = self.settings.max_direct_reports
        yield from span_findings(self, context, lambda span: span > limit, f"allows at most {limit}", narrow=False)
