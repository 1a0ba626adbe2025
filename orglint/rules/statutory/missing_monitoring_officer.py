from orglint.diagnostics import Severity
from orglint.rules.statutory._required import MissingDesignation


class MissingMonitoringOfficer(MissingDesignation, code="L103", name="missing-monitoring-officer", severity=Severity.ERROR):
    """No post is designated monitoring officer.

    ## What it does
    Reports, at the `organisation` key, a structure in which no post carries the
    `monitoring-officer` designation, where the council's type requires one.

    ## Why
    Every relevant authority must designate one of its officers as its monitoring officer,
    who reports on any proposal, decision or omission that is or would be unlawful or
    maladministration (Local Government and Housing Act 1989 s5). At Carlisle it is the
    Assistant Director for Governance (CE 21/09).

    ## How to fix
    Add `monitoring-officer` to the `designations` of the post that holds it (not the chief
    finance officer's, see L105, nor the head of paid service's, see L106).

    ## Example
    Failing: nobody is the monitoring officer.

    ```yaml
    orglint: 1
    organisation:   # <- L103
      {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
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

    basis = "Local Government and Housing Act 1989 s5(1)(a): a council must designate one of their officers as 'the monitoring officer'"
    fix = "Designate the monitoring officer: add `monitoring-officer` to that post's `designations`."
    designations = ("monitoring-officer",)
