from orglint.diagnostics import Severity
from orglint.rules.statutory._incompatible import IncompatibleDesignations


class CombinedDcsDass(IncompatibleDesignations, code="L111", name="combined-dcs-dass", severity=Severity.WARNING):
    """One post is both director of children's services and director of adult social services.

    ## What it does
    Reports a post carrying both `director-of-childrens-services` and
    `director-of-adult-social-services`, at the second.

    ## Why
    The law allows one person to hold both roles, but statutory guidance asks councils that
    combine them to be sure each keeps enough leadership capacity: the two are separate
    statutory offices (Children Act 2004 s18; Local Authority Social Services Act 1970 s6),
    each with its own accountability for vulnerable people. A warning, for a deliberate choice.

    ## How to fix
    Separate the roles, or record the decision with an inline suppression and its reason.

    ## Example
    Failing: one director holds both.

    ```yaml
    orglint: 1
    organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - id: DPE
        title: Director of People
        reports_to: CE
        tier: 2
        designations:
          - director-of-childrens-services
          - director-of-adult-social-services   # <- L111
      - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
      - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
      - {id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
      - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
      - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
      - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
      - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
      - {id: HL, title: Head of Law, reports_to: DL, tier: 3}
      - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
    ```
    """

    basis = "Children Act 2004 s18 and Local Authority Social Services Act 1970 s6(A1): two statutory offices; the DCS statutory guidance (DfE, April 2013) on a DCS given functions beyond children's services, and local assurance of the arrangement (its wording unverified)"
    fix = "Separate the roles, or record the decision and its reason with an inline suppression."
    designation = "director-of-adult-social-services"
    barred = ("director-of-childrens-services",)
    reason = "two statutory offices on one post"
