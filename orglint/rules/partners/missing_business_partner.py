from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class MissingBusinessPartnerSettings(RuleSettings):
    areas: list[str] = Field(min_length=1, description="Areas each department needs a business partner for.")


class MissingBusinessPartner(
    Rule[MissingBusinessPartnerSettings], code="B101", name="missing-business-partner", severity=Severity.WARNING
):
    """A department lacks an allocated business partner.

    ## What it does
    Reports each department without a business partner for every one of the ruleset's `areas`
    (in `leicestershire-odp`: HR, Finance, ICT, Transformation and Property), at the
    department's `id`, naming the areas missing.

    ## Why
    Leicestershire: "Strategic professional support in the areas of HR, Finance, ICT,
    Transformation, and Property is also via the business partner model. Departments have an
    allocated Business Partner for each area and they will attend meetings such as
    Departmental Management Team."

    ## How to fix
    Name the post that partners the department (`business_partners: {hr: <post id>, ...}`).

    ## Example
    Failing (with the ruleset below): no Property partner.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./partners.yaml}
    departments:
      - id: adults   # <- B101
        business_partners: {hr: HRBP, finance: FBP}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: HRBP, title: HR Business Partner, reports_to: CE, tier: 2}
      - {id: FBP, title: Finance Business Partner, reports_to: CE, tier: 2}
      - {id: PBP, title: Property Business Partner, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./partners.yaml}
    departments:
      - id: adults
        business_partners: {hr: HRBP, finance: FBP, property: PBP}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: HRBP, title: HR Business Partner, reports_to: CE, tier: 2}
      - {id: FBP, title: Finance Business Partner, reports_to: CE, tier: 2}
      - {id: PBP, title: Property Business Partner, reports_to: CE, tier: 2}
    ```

    where `partners.yaml` is:

    ```yaml ruleset partners.yaml
    orglint-ruleset: 1
    name: partners
    extends: [core]
    rules:
      B101: {areas: [hr, finance, property]}
    ```
    """

    basis = "Leicestershire ODP, 'Role of other Support Services': an allocated Business Partner for HR, Finance, ICT, Transformation and Property"
    fix = "Name the post that partners the department under `business_partners`."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for department in context.structure.departments:
            partners = department.business_partners
            given = partners.named() if partners is not None else {}
            missing = [area for area in self.settings.areas if area not in given]
            if missing:
                yield self.finding(
                    context.value_span(department, "id"),
                    f"department {department.id!r} has no business partner for {', '.join(missing)}",
                    department=department.id,
                )
