from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class SeniorSalaryNameWithheldSettings(RuleSettings):
    threshold: float = Field(
        gt=0, description="The salary a year from which holders are named, in pounds (the Regulations: 150000)."
    )


class SeniorSalaryNameWithheld(
    Rule[SeniorSalaryNameWithheldSettings], code="P103", name="senior-salary-name-withheld", severity=Severity.WARNING
):
    """A post paid £150,000 or more does not give its holder's name.

    ## What it does
    Reports each post whose `salary` `min` is at least the ruleset's `threshold` (£150,000 in
    `uk-transparency-code`: a post whose range only reaches it may be paid less) and whose
    `holder` is not given, or is a job share with a sharer not named, at its `holder` (or its
    `id` when it has none). A `vacant` post has no one to name. Every level of the structure is
    checked, not only the organisation chart's.

    ## Why
    The Accounts and Audit Regulations 2015 (regulation 7 and Schedule 1, paragraph 2) ask a
    council's statement of accounts to give the remuneration of its senior employees, and to
    identify by name those whose salary is £150,000 or more; the Local Government Transparency
    Code 2015 (paragraph 38) asks councils to publish the same. A structure published without
    those names will not match the accounts. A warning: a name may be held back for a reason
    the council records (suppress the finding with that reason).

    ## How to fix
    Give the post's `holder`, or record why it is withheld with an inline suppression.

    ## Example
    Failing (with the ruleset below): the Chief Executive's holder is not named.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./named.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, salary: {min: 150000, max: 154999}}   # <- P103
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, salary: {min: 85000, max: 89999}}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, salary: {min: 145000, max: 149999}}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, holder: vacant, salary: {min: 150000, max: 154999}}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./named.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, salary: {min: 150000, max: 154999}, holder: Alex Morgan}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, salary: {min: 85000, max: 89999}}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, salary: {min: 145000, max: 149999}}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, holder: vacant, salary: {min: 150000, max: 154999}}
    ```

    where `named.yaml` is:

    ```yaml ruleset named.yaml
    orglint-ruleset: 1
    name: named
    extends: [core]
    rules:
      P103: {threshold: 150000}
    ```
    """

    basis = "Accounts and Audit Regulations 2015 reg 7 and Schedule 1 para 2: senior employees whose salary is £150,000 or more are identified by name (as the Local Government Transparency Code 2015 restates it; the Schedule's own sentence unverified)"
    fix = "Give the post's holder, or record why the name is withheld with an inline suppression."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        threshold = self.settings.threshold
        for post in context.graph.posts.values():
            if post.salary is None or post.salary.min < threshold or post.vacant:
                continue
            if all(holder is not None for holder in post.holders):
                continue
            span = context.given_span(post, "holder")
            yield self.finding(
                span,
                f"the salary of post {post.id!r} starts at £{post.salary.min:,.0f}, at or above the £{threshold:,.0f} "
                "naming threshold, but its holder is not named",
                post=post.id,
            )
