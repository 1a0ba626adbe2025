from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class DuplicateDesignation(Rule, code="L104", name="duplicate-designation", severity=Severity.ERROR):
    """A role only one officer may hold is held by more than one post.

    ## What it does
    For each designation the policy marks `sole` (head of paid service, chief finance officer,
    monitoring officer, the directors of children's and adult social services and of public
    health, the scrutiny officer, and Wales's and Scotland's own officers), reports every post
    after the first that carries it, at that designation. Each finding cites what requires that
    designation of the council's type (a Scottish chief education officer's Education (Scotland)
    Act 1980 s78, a Scottish chief finance officer's s95), where the policy names it.

    ## Why
    Each of these is a single statutory office: the Acts speak of "one of their officers"
    (Local Government Act 1972 s151; Local Government and Housing Act 1989 ss4-5; Children Act
    2004 s18; Local Authority Social Services Act 1970 s6; National Health Service Act 2006
    s73A; Local Government Act 2000 s9FB). Two holders means nobody knows who answers for it.
    Deputies are designated separately (`deputy-chief-finance-officer`,
    `deputy-monitoring-officer`).

    ## How to fix
    Keep the designation on the post that holds the office; make the other a deputy, or drop it.

    ## Example
    Failing: two monitoring officers.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}   # <- L104
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-monitoring-officer, deputy-chief-finance-officer]}
    ```
    """

    basis = "One officer holds each role: Local Government and Housing Act 1989 ss4(1) and 5(1) and Local Government Act 1972 s151 ('one of their officers'); Children Act 2004 s18; Local Authority Social Services Act 1970 s6(A1); National Health Service Act 2006 s73A; Local Government Act 2000 s9FB"
    fix = "Keep the designation on one post; make the other a deputy or drop it."
    designation_conflict = True

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for designation in sorted(context.policy.sole_designations()):
            holders = context.holders(designation)
            for post in holders[1:]:
                yield self.finding(
                    context.designation_span(post, designation),
                    f"{context.policy.designation_name(designation)} is also held by {holders[0].id!r}: "
                    f"only one post may hold it ({len(holders)} do)",
                    post=post.id,
                    basis=context.policy.required_by(context.council_type, designation) or "",
                    designations=(designation,),
                )
