from orglint.diagnostics import Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class DemocraticServicesConflict(
    IncompatibleDesignations, code="L114", name="democratic-services-conflict", severity=Severity.ERROR
):
    """The head of democratic services is also the chief executive (head of paid service) or CFO.

    ## What it does
    Reports a post designated `head-of-democratic-services` that also holds a designation the
    council type's policy bars beside it (`council-types.<type>.barred-together`), once, at its
    `head-of-democratic-services` designation, naming every office it clashes with and citing
    the paragraph that bars each. In `uk-local-government`, Wales's county and county borough
    councils bar `head-of-paid-service` (the chief executive) and `chief-finance-officer`
    (s8(4)(a) and (c)); the monitoring officer may be head of democratic services. No other type
    bars anything, so elsewhere the title carries no statutory bar. A missing head of democratic
    services is L108's finding.

    ## Why
    A Welsh local authority "may not designate any of the following" as its head of democratic
    services: "(a) the authority's chief executive appointed under section 54 of the Local
    Government and Elections (Wales) Act 2021; ... (c) the authority's chief finance officer,
    within the meaning of section 5 of the Local Government and Housing Act 1989" (Local
    Government (Wales) Measure 2011 s8(4), as in force from 5 May 2022; paragraph (b), which
    barred the monitoring officer, is omitted). The head of democratic services supports the
    members who hold those officers to account.

    ## How to fix
    Designate another post as head of democratic services.

    ## Example
    Failing: the Director of Resources is chief finance officer and head of democratic services.

    ```yaml
    orglint: 1
    organisation: {name: Example County Borough Council, type: welsh-county-borough, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DSS, title: Director of Social Services, reports_to: CE, tier: 2, designations: [director-of-social-services]}
      - id: DR
        title: Director of Resources and Democracy
        reports_to: CE
        tier: 2
        qualifications: [CIPFA]
        designations:
          - chief-finance-officer
          - deputy-monitoring-officer
          - head-of-democratic-services   # <- L114
      - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
    ```

    Passing: the monitoring officer heads democratic services, as the Measure now allows.

    ```yaml
    orglint: 1
    organisation: {name: Example County Borough Council, type: welsh-county-borough, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DSS, title: Director of Social Services, reports_to: CE, tier: 2, designations: [director-of-social-services]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
      - id: DL
        title: Director of Law and Democracy
        reports_to: CE
        tier: 2
        designations: [monitoring-officer, deputy-chief-finance-officer, head-of-democratic-services]
      - {id: DSM, title: Democratic Services Manager, reports_to: DL, tier: 3}
      - {id: HL, title: Head of Legal Services, reports_to: DL, tier: 3}
      - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
    ```
    """

    basis = "Local Government (Wales) Measure 2011 s8(4), as in force from 5 May 2022: a local authority 'may not designate' its chief executive or chief finance officer as head of democratic services"
    fix = "Designate another post, not the chief executive (head of paid service) or CFO, as head of democratic services."
    designation = "head-of-democratic-services"
    reads_barred_together = True  # the bar is the Welsh Measure's, so the ruleset says where it applies
    reason = "which may not be held with it"  # the finding's basis says under which section

    def message(self, context: CheckContext, post: Post, clashing: list[str]) -> str:
        names = " and ".join(context.policy.designation_name(other) for other in clashing)
        return f"head of democratic services {post.id!r} is also {names}, {self.reason}"
