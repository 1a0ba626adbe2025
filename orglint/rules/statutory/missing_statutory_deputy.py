from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class MissingStatutoryDeputySettings(RuleSettings):
    deputies: list[str] = Field(min_length=1, description="Deputy designations a council should make.")
    not_required_for: dict[str, list[str]] = Field(
        default={},
        description="Council types whose nation's law asks none of some of the deputies: council type → those deputies.",
    )
    deputises_for: dict[str, str] = Field(
        default={},
        description="The officer each deputy acts for (deputy → designation): a post holding both is no deputy.",
    )


class MissingStatutoryDeputy(
    Rule[MissingStatutoryDeputySettings], code="L112", name="missing-statutory-deputy", severity=Severity.WARNING
):
    """No deputy chief finance officer or deputy monitoring officer is designated.

    ## What it does
    Reports, at the `organisation` key, each of the ruleset's `deputies` (in
    `uk-local-government`: `deputy-chief-finance-officer` and `deputy-monitoring-officer`) that no
    post carries, less those its `not-required-for` sets aside for the council's type (in
    `uk-local-government`: a Scottish council's deputy chief finance officer, since the Local
    Government Finance Act 1988 s114 does not reach Scotland).

    A deputy held only by the post it deputises for (the ruleset's `deputises-for`: the monitoring
    officer as their own deputy) is reported too, at that post's deputy designation: no one acts
    when the officer cannot.

    ## Why
    The monitoring officer's duties are performed personally or, when the officer is unable to
    act owing to absence or illness, by the member of staff nominated as their deputy (Local
    Government and Housing Act 1989 s5(7)): with no deputy nominated, no one can act. The chief
    finance officer nominates a member of staff to exercise the s114 reporting duties when they
    cannot (Local Government Finance Act 1988 s114(6)). Without them the statutory safeguards
    lapse whenever the officer is away; a warning, since the Acts provide for the deputy rather
    than set a date by which one is named.

    ## How to fix
    Add the deputy designation to the post that deputises.

    ## Example
    Failing: no deputy monitoring officer.

    ```yaml
    orglint: 1
    organisation:   # <- L112
      {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer]}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    ```
    """

    # the monitoring officer put on the CFO's post, who deputised for them: L105 is the mistake
    follows_from = frozenset({"L105"})
    basis = "Local Government and Housing Act 1989 s5(7): the monitoring officer's duties performed, in absence or illness, by their nominated deputy; Local Government Finance Act 1988 s114(6) (subsection unverified): the chief finance officer's nominated deputy"
    fix = "Add the deputy designation to the post that deputises."

    def required_designations(self, context: CheckContext) -> frozenset[str]:
        not_required = self.settings.not_required_for.get(context.council_type, [])
        return frozenset(deputy for deputy in self.settings.deputies if deputy not in not_required)

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        required = self.required_designations(context)
        for deputy in self.settings.deputies:
            if deputy not in required:
                continue
            # the missing deputy's own statute (the policy's), not every deputy's
            basis = context.policy.required_by(context.council_type, deputy) or ""
            if context.lacks(deputy):
                yield self.finding(
                    context.structure.organisation_span(),
                    f"no post is designated {context.policy.designation_name(deputy)} ({deputy})",
                    designations=(deputy,),
                    basis=basis,
                )
            holders, officer = context.holders(deputy), self.settings.deputises_for.get(deputy)
            if holders and officer is not None and all(officer in post.designations for post in holders):
                post = holders[0]
                yield self.finding(
                    context.designation_span(post, deputy),
                    f"{post.id!r} is both {context.policy.designation_name(officer)} and its deputy: no one is "
                    "nominated to act when the officer cannot",
                    post=post.id,
                    designations=(deputy,),
                    basis=basis,
                    fix=f"Designate another post {context.policy.designation_name(deputy)}.",
                )
