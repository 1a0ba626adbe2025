from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.policy import grounds_among
from orglint.rules import CheckContext, Rule, RuleSettings


class StatutoryDirectorLineSettings(RuleSettings):
    designations: list[str] = Field(min_length=1, description="Designations whose holders report to the head of paid service.")
    grounds: dict[str, str] = Field(
        default={},
        description="What places each designation's holder under the head of paid service: the basis its findings cite "
        "(designation → text; without one, the rule's own basis).",
    )

    _grounds_are_listed = grounds_among("designations", "the designations")


class StatutoryDirectorLine(
    Rule[StatutoryDirectorLineSettings], code="L110", name="statutory-director-line", severity=Severity.ERROR
):
    """A statutory director does not report directly to the head of paid service.

    ## What it does
    Reports each post holding one of the ruleset's `designations` (in `uk-local-government`:
    director of children's services and director of public health) whose `reports_to` is not a
    post designated head of paid service.

    ## Why
    Each director's own statutory guidance places them. The director of children's services,
    appointed under the Children Act 2004 s18, "should report to the chief executive" (DfE
    statutory guidance, 2013). The director of public health, appointed under the National
    Health Service Act 2006 s73A, has a direct line of accountability to the chief executive,
    or the head of paid service (the guidance published under s73A(7)). A line through
    another director dilutes a statutory responsibility. Each finding cites its director's
    own grounds (the ruleset's `grounds`).

    Statutory guidance is guidance a council must have regard to, and may depart from for a good
    reason: where it does, the reason belongs beside the post, in an inline suppression
    (`# orglint: ignore[L110] -- reason`), which the audit report lists with the findings
    suppressed.

    ## How to fix
    Make the post report to the head of paid service, or record why it does not.

    ## Example
    Failing: the director of public health reports to the director of adult services.

    ```yaml
    orglint: 1
    organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DPH, title: Director of Public Health, reports_to: DASS, tier: 3, designations: [director-of-public-health]}   # <- L110
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
      - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
      - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
      - {id: HL, title: Head of Law, reports_to: DL, tier: 3}
      - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
    ```
    """

    basis = "The statutory guidance on each statutory director's role: a direct line to the chief executive or head of paid service (each finding cites its director's own: see the ruleset's `grounds`)"
    fix = "Make the post report directly to the head of paid service."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        heads = {post.id for post in context.holders("head-of-paid-service")}
        if not heads:
            return  # L101 reports the missing head; every line would be wrong here
        for designation in self.settings.designations:
            for post in context.holders(designation):
                if post.reports_to in heads or post.id in heads:
                    continue
                name = context.policy.designation_name(designation)
                span = context.given_span(post, "reports_to")
                yield self.finding(
                    span,
                    f"{name} {post.id!r} reports to {post.reports_to!r}, not to the head of paid service ({', '.join(sorted(heads))})",
                    post=post.id,
                    designations=(designation,),
                    basis=self.settings.grounds.get(designation, ""),  # the DPH's guidance, not the DCS's
                )
