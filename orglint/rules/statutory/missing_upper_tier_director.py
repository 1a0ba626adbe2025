from orglint.diagnostics import Severity
from orglint.rules.statutory._required import MissingDesignation


class MissingUpperTierDirector(MissingDesignation, code="L108", name="missing-upper-tier-director", severity=Severity.ERROR):
    """A council with social care, education and public health duties lacks one of their statutory directors.

    ## What it does
    For councils whose type requires them (county, unitary, metropolitan district and London
    borough in `uk-local-government`, not two-tier districts), reports each of the director of
    children's services, director of adult social services and director of public health that
    no post is designated as, one finding each, at the `organisation` key.

    ## Why
    Upper-tier councils must appoint a director of children's services (Children Act 2004
    s18), a director of adult social services (Local Authority Social Services Act 1970 s6) and
    a director of public health (National Health Service Act 2006 s73A). District councils in
    two-tier areas have none of these functions.

    ## How to fix
    Designate the post that holds each role (`director-of-childrens-services`,
    `director-of-adult-social-services`, `director-of-public-health`).

    ## Example
    Failing: a county council without a director of public health.

    ```yaml
    orglint: 1
    organisation:   # <- L108
      {name: Example County Council, type: county, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children and Family Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adults and Communities, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DCR, title: Director of Corporate Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
      - {id: DL, title: Director of Law and Governance, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: SO, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
    ```

    Passing: the same council with its director of public health.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: county, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children and Family Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adults and Communities, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
      - {id: DCR, title: Director of Corporate Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
      - id: DL
        title: Director of Law and Governance
        reports_to: CE
        tier: 2
        designations: [monitoring-officer, deputy-chief-finance-officer]
      - {id: SO, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
      - {id: E1, title: Electoral Services Manager, reports_to: DL, tier: 3}
      - {id: L1, title: Head of Law, reports_to: DL, tier: 3}
    ```
    """

    basis = "Children Act 2004 s18 (director of children's services); Local Authority Social Services Act 1970 s6(A1) (director of adult social services); National Health Service Act 2006 s73A (director of public health)"
    fix = "Designate the post that holds each missing statutory director role."
    designations = ("director-of-childrens-services", "director-of-adult-social-services", "director-of-public-health")
