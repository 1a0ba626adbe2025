from orglint.diagnostics import Severity
from orglint.rules.statutory._required import MissingDesignation


class MissingChiefFinanceOfficer(MissingDesignation, code="L102", name="missing-chief-finance-officer", severity=Severity.ERROR):
    """No post is designated chief finance officer (the s151 officer).

    ## What it does
    Reports, at the `organisation` key, a structure in which no post carries the
    `chief-finance-officer` designation, where the council's type requires one.

    ## Why
    Every local authority "shall make arrangements for the proper administration of their
    financial affairs and shall secure that one of their officers has responsibility for the
    administration of those affairs" (Local Government Act 1972 s151). At Carlisle the
    Assistant Director for Resources "has the responsibility of being the 'Section 151 Officer'"
    (CE 21/09).

    ## How to fix
    Add `chief-finance-officer` to the `designations` of the post that holds it.

    ## Example
    Failing: nobody is the s151 officer.

    ```yaml
    orglint: 1
    organisation:   # <- L102
      {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2}
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

    basis = "Local Government Act 1972 s151: a council 'shall secure that one of their officers has responsibility for the administration of' its financial affairs"
    fix = "Designate the s151 officer: add `chief-finance-officer` to that post's `designations`."
    designations = ("chief-finance-officer",)
