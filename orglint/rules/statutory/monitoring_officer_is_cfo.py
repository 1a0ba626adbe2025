from orglint.diagnostics import Severity
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class MonitoringOfficerIsCfo(IncompatibleDesignations, code="L105", name="monitoring-officer-is-cfo", severity=Severity.ERROR):
    """The monitoring officer is also the chief finance officer.

    ## What it does
    Reports a post that carries both `chief-finance-officer` and `monitoring-officer`, at the
    `monitoring-officer` designation.

    ## Why
    The monitoring officer "shall not be the chief finance officer" (Local Government and
    Housing Act 1989 s5(1)): each reports independently on what the other's advice may miss,
    one on lawfulness, the other on financial propriety. Carlisle put them on two Assistant
    Directors, Resources (s151) and Governance (monitoring officer).

    ## How to fix
    Designate another post as monitoring officer.

    ## Example
    Failing: AD1 holds both roles.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - id: AD1
        title: AD Resources
        reports_to: CE
        tier: 2
        qualifications: [CIPFA]
        designations:
          - chief-finance-officer
          - monitoring-officer   # <- L105
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

    basis = "Local Government and Housing Act 1989 s5(1): the monitoring officer 'shall not be their chief finance officer'"
    fix = "Designate another post as monitoring officer."
    designation = "monitoring-officer"
    barred = ("chief-finance-officer",)
    reason = "the monitoring officer may not be the chief finance officer"
