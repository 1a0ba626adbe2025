from orglint.diagnostics import Severity
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class MonitoringOfficerIsHeadOfPaidService(
    IncompatibleDesignations, code="L106", name="monitoring-officer-is-head-of-paid-service", severity=Severity.ERROR
):
    """The monitoring officer is also the head of paid service.

    ## What it does
    Reports a post that carries both `head-of-paid-service` and `monitoring-officer`, at the
    `monitoring-officer` designation.

    ## Why
    A relevant authority's monitoring officer "shall not be the head of the authority's paid
    service" (Local Government and Housing Act 1989 s5(1A)): the monitoring officer must be
    free to report on the conduct of the authority's most senior officer.

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

    basis = "Local Government and Housing Act 1989 s5(1A)-(1B): in a county, district or London borough council the monitoring officer 'may not be the head of that authority's paid service'"
    fix = "Designate another post as monitoring officer."
    first = "head-of-paid-service"
    second = "monitoring-officer"
    reason = "the monitoring officer may not be the head of paid service"
