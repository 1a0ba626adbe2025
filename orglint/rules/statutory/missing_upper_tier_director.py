from orglint.diagnostics import Severity
from orglint.rules.statutory._required import MissingDesignation


class MissingUpperTierDirector(MissingDesignation, code="L108", name="missing-upper-tier-director", severity=Severity.ERROR):
    """A council with social care, education, public health or democratic services duties lacks one of their statutory officers.

    ## What it does
    For councils whose type requires them, reports each statutory director or officer of a
    service that no post is designated as, one finding each, at the `organisation` key, citing
    that officer's own section. In `uk-local-government`: England's county, unitary,
    metropolitan district and London borough councils (not two-tier districts) need the
    director of children's services, director of adult social services and director of public
    health; Wales's county and county borough councils the head of democratic services and
    director of social services; Scotland's councils the chief social work officer and chief
    education officer. The table in docs/rule-basis.md lists each council type's.

    ## Why
    Upper-tier English councils must appoint a director of children's services (Children Act
    2004 s18), a director of adult social services (Local Authority Social Services Act 1970 s6)
    and a director of public health (National Health Service Act 2006 s73A); district councils
    in two-tier areas have none of these functions. A Welsh council "must designate one of its
    officers" as head of democratic services (Local Government (Wales) Measure 2011 s8) and
    "must appoint an officer, to be known as the director of social services" (Social Services
    and Well-being (Wales) Act 2014 s144). A Scottish council appoints a chief social work
    officer (Social Work (Scotland) Act 1968 s3) and a chief education officer (Education
    (Scotland) Act 1980 s78, inserted by the Education (Scotland) Act 2016 s25). No council has
    another nation's officers to appoint.

    ## How to fix
    Designate the post that holds each role (`director-of-childrens-services`,
    `director-of-adult-social-services`, `director-of-public-health`,
    `head-of-democratic-services`, `director-of-social-services`, `chief-social-work-officer`,
    `chief-education-officer`).

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

    basis = "Children Act 2004 s18 (director of children's services); Local Authority Social Services Act 1970 s6(A1) (director of adult social services); National Health Service Act 2006 s73A (director of public health); Local Government (Wales) Measure 2011 s8 (head of democratic services); Social Services and Well-being (Wales) Act 2014 s144 (director of social services); Social Work (Scotland) Act 1968 s3 (chief social work officer); Education (Scotland) Act 1980 s78 (chief education officer): each finding cites the one missing"
    fix = "Designate the post that holds each missing statutory director or officer role."
    designations = (
        "director-of-childrens-services",
        "director-of-adult-social-services",
        "director-of-public-health",
        "head-of-democratic-services",
        "director-of-social-services",
        "chief-social-work-officer",
        "chief-education-officer",
    )
