from orglint.diagnostics import Severity
from orglint.rules.statutory._required import MissingDesignation


class MissingHeadOfPaidService(MissingDesignation, code="L101", name="missing-head-of-paid-service", severity=Severity.ERROR):
    """No post is designated head of paid service.

    ## What it does
    Reports, at the `organisation` key, a structure in which no post carries the
    `head-of-paid-service` designation, where the council's type requires one (every type in
    `uk-local-government`).

    ## Why
    Every relevant authority must designate one of its officers as the head of its paid
    service (Local Government and Housing Act 1989 s4), who reports to the council on how its
    functions are coordinated, staffed and organised. Usually the Chief Executive (at
    Carlisle, the Town Clerk & Chief Executive).

    ## How to fix
    Add `head-of-paid-service` to the `designations` of the post that holds it.

    ## Example
    Failing: nobody is the head of paid service.

    ```yaml
    orglint: 1
    organisation:   # <- L101
      {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
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

    basis = "Local Government and Housing Act 1989 s4(1)(a): a council must 'designate one of their officers as the head of their paid service'"
    fix = "Designate the head of paid service: add `head-of-paid-service` to that post's `designations`."
    designations = ("head-of-paid-service",)
