from orglint.diagnostics import Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class DemocraticServicesConflict(
    IncompatibleDesignations, code="L114", name="democratic-services-conflict", severity=Severity.ERROR
):
    """The head of democratic services is also the head of paid service, monitoring officer or CFO.

    ## What it does
    Reports a post designated `head-of-democratic-services` that also holds a designation the
    council type's policy bars beside it (`council-types.<type>.barred-together`), once, at its
    `head-of-democratic-services` designation, naming every office it clashes with and citing
    the paragraph that bars each. In `uk-local-government`, Wales's county and county borough
    councils bar `head-of-paid-service`, `monitoring-officer` and `chief-finance-officer`
    (s8(4)(a) to (c)); no other type bars anything, so elsewhere the title carries no statutory
    bar. A missing head of democratic services is L108's finding.

    ## Why
    A Welsh local authority "may not designate any of the following" as its head of democratic
    services: "(a) the head of the authority's paid service designated under section 4 of the
    Local Government and Housing Act 1989; (b) the authority's monitoring officer designated
    under section 5 of that Act; (c) the authority's chief finance officer, within the meaning
    of that section" (Local Government (Wales) Measure 2011 s8(4)). The head of democratic
    services supports the members who hold those officers to account.

    ## How to fix
    Designate another post as head of democratic services.

    ## Example
    Failing: the Director of Law is monitoring officer and head of democratic services.

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
        designations:
          - monitoring-officer
          - deputy-chief-finance-officer
          - head-of-democratic-services   # <- L114
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Borough Council, type: welsh-county-borough, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DSS, title: Director of Social Services, reports_to: CE, tier: 2, designations: [director-of-social-services]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
      - {id: DL, title: Director of Law and Democracy, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [head-of-democratic-services]}
      - {id: HL, title: Head of Legal Services, reports_to: DL, tier: 3}
      - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
    ```
    """

    basis = "Local Government (Wales) Measure 2011 s8(4): a local authority 'may not designate' its head of paid service, monitoring officer or chief finance officer as head of democratic services"
    fix = "Designate another post, not the head of paid service, monitoring officer or CFO, as head of democratic services."
    designation = "head-of-democratic-services"
    reads_barred_together = True  # the bar is the Welsh Measure's, so the ruleset says where it applies
    reason = "which may not be held with it"  # the finding's basis says under which section

    def message(self, context: CheckContext, post: Post, clashing: list[str]) -> str:
        names = " and ".join(context.policy.designation_name(other) for other in clashing)
        return f"head of democratic services {post.id!r} is also {names}, {self.reason}"
