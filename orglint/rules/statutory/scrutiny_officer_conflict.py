from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext
from orglint.rules.statutory._incompatible import IncompatibleDesignations
from orglint.wording import a_council_of_type


class ScrutinyOfficerConflict(IncompatibleDesignations, code="L109", name="scrutiny-officer-conflict", severity=Severity.ERROR):
    """The scrutiny officer is the head of paid service, monitoring officer or CFO, or is missing.

    ## What it does
    Where the council's type requires a scrutiny officer (in `uk-local-government`: England's
    councils, all but two-tier districts), reports a structure with none (at the `organisation`
    key), and a post designated `scrutiny-officer` that also holds `head-of-paid-service`,
    `monitoring-officer` or `chief-finance-officer` (at the scrutiny designation). Elsewhere a
    post called scrutiny officer is not designated under s9FB, and nothing is reported: a Welsh
    council's counterpart is its head of democratic services (L114).

    ## Why
    A council in England operating executive arrangements (a leader and cabinet, or a mayor),
    other than a district council in a county area, must designate a scrutiny officer to promote
    and support its overview and scrutiny committees, and may not designate its head of paid
    service, monitoring officer or chief finance officer (Local Government Act 2000 s9FB, in Part
    1A's Chapter 2 on executive arrangements, which applies to England): scrutiny needs support
    independent of those it scrutinises. A council operating the committee system is not bound by
    s9FB itself: its structure records that with an inline suppression of the missing-officer
    finding (`# orglint: ignore[L109] -- committee system`), at the `organisation` key.

    ## How to fix
    Designate another post (often a head of democratic services) as scrutiny officer.

    ## Example
    Failing: the monitoring officer is also the scrutiny officer.

    ```yaml
    orglint: 1
    organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
      - id: DL
        title: Director of Law
        reports_to: CE
        tier: 2
        designations:
          - monitoring-officer
          - deputy-chief-finance-officer
          - scrutiny-officer   # <- L109
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

    basis = "Local Government Act 2000 s9FB (Part 1A, Chapter 2: executive arrangements): a council in England operating executive arrangements, other than a district council in a county area, designates a scrutiny officer, and may not designate its head of paid service, monitoring officer or chief finance officer"
    fix = "Designate another post, not the head of paid service, monitoring officer or CFO, as scrutiny officer."
    designation = "scrutiny-officer"
    barred = ("head-of-paid-service", "monitoring-officer", "chief-finance-officer")
    reason = "which s9FB forbids"

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        if self.designation not in context.policy.required_designations(context.council_type):
            return  # s9FB bars whom a council designates under it; this council designates no one under it
        if context.lacks(self.designation):
            yield self.finding(
                context.structure.organisation_span(),
                f"no post is designated scrutiny officer, which {a_council_of_type(context.council_type)} operating "
                "executive arrangements must have",
                fix="Designate a scrutiny officer (not the head of paid service, monitoring officer or CFO).",
                designations=(self.designation,),
            )
        yield from super().check(context)

    def message(self, context: CheckContext, post: Post, clashing: list[str]) -> str:
        names = " and ".join(context.policy.designation_name(other) for other in clashing)
        return f"scrutiny officer {post.id!r} is also {names}, {self.reason}"
