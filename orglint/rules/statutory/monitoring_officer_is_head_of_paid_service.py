from orglint.diagnostics import Severity
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class MonitoringOfficerIsHeadOfPaidService(
    IncompatibleDesignations, code="L106", name="monitoring-officer-is-head-of-paid-service", severity=Severity.ERROR
):
    """The monitoring officer is also the head of paid service.

    ## What it does
    Reports a post that carries both `head-of-paid-service` and `monitoring-officer`, at the
    `monitoring-officer` designation, unless the council type's statute lets one post hold
    both (policy `council-types.<type>.lawful-together`: in `uk-local-government`, Scottish
    councils).

    ## Why
    The monitoring officer of the authorities s5(1B) lists "may not be the head of that
    authority's paid service" (Local Government and Housing Act 1989 s5(1A)): the monitoring
    officer must be free to report on the conduct of the authority's most senior officer.
    Section 5(1B) lists England's county, district and London borough councils; since 5 May
    2022 a Welsh county or county borough council's monitoring officer may not be its chief
    executive (s5(1BA), inserted by the Local Government and Elections (Wales) Act 2021, whose
    s54 chief executive replaced the Welsh head of paid service), and those findings cite it.
    Section 5(1) itself lets a Scottish council's monitoring officer be its head of paid service
    ("the officer so designated may be the head of the authority's paid service"), as it lets any
    authority s5(1B) does not list. A council of type `other` (the type of one whose `type` is not
    given) still gets the finding, citing that condition: most are English councils whose type
    was left out.

    ## How to fix
    Designate another post as monitoring officer.

    ## Example
    Failing: the Chief Executive is also the monitoring officer.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - id: CE
        title: Chief Executive
        tier: 1
        designations:
          - head-of-paid-service
          - monitoring-officer   # <- L106
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
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

    basis = "Local Government and Housing Act 1989 s5(1A)-(1B): in a county, district or London borough council in England the monitoring officer 'may not be the head of that authority's paid service'"
    fix = "Designate another post as monitoring officer."
    designation = "monitoring-officer"
    barred = ("head-of-paid-service",)
    reason = "the monitoring officer may not be the head of paid service"
