from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.publication._published import BRACKET, ChartSettings, charted_posts, is_bracket


class SalaryBracket(Rule[ChartSettings], code="P102", name="salary-bracket", severity=Severity.ERROR):
    """A post in the top three levels gives a salary that is not a £5,000 bracket.

    ## What it does
    For each post in the top three levels of the structure (layers of reporting lines from the
    top post, as P101 reads them) whose `salary` is given, reports the salary unless it is one
    £5,000 bracket: `min` a multiple of £5,000 and `max` £4,999 above it (£85,000-£89,999, as
    the Accounts and Audit Regulations 2015 count brackets) or £5,000 above it
    (£85,000-£90,000). An exact figure (`min` equal to `max`), a grade's whole pay band, or a
    bracket that starts between multiples are all reported. A missing salary is P101's.

    ## Why
    The organisation chart gives each post's "salary in £5,000 brackets, consistent with the
    details published under paragraph 38" (Local Government Transparency Code 2015, paragraph
    41); paragraph 38 and the Accounts and Audit Regulations 2015 count salaries in brackets of
    "a scale in multiples of £5,000" (Schedule 1, paragraph 1). A wider range hides what the
    Code asks to be shown, and an exact figure discloses more than it asks.

    ## How to fix
    Publish the £5,000 bracket the salary falls in: `salary: {min: 85000, max: 89999}`.

    ## Example
    Failing (with the ruleset below): a director's salary given as a grade band.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./brackets.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, salary: {min: 125000, max: 129999}}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, salary: {min: 75000, max: 90000}}   # <- P102
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, salary: {min: 80000, max: 85000}}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./brackets.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, salary: {min: 125000, max: 129999}}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, salary: {min: 85000, max: 89999}}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, salary: {min: 80000, max: 85000}}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2}
    ```

    where `brackets.yaml` is:

    ```yaml ruleset brackets.yaml
    orglint-ruleset: 1
    name: brackets
    extends: [core]
    rules:
      P102: {levels: 3}
    ```
    """

    basis = "Local Government Transparency Code 2015, paragraph 41 (the paragraph number unverified): 'salary in £5,000 brackets, consistent with the details published under paragraph 38'"
    fix = "Publish the £5,000 bracket the salary falls in, such as `salary: {min: 85000, max: 89999}`."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in charted_posts(context, self.settings.levels):
            salary = post.salary
            if salary is None or is_bracket(salary):
                continue
            floor = salary.min // BRACKET * BRACKET
            yield self.finding(
                context.value_span(post, "salary"),
                f"salary £{salary.min:,.0f}–£{salary.max:,.0f} is not a £5,000 bracket "
                f"(its minimum falls in £{floor:,.0f}–£{floor + BRACKET - 1:,.0f})",
                post=post.id,
            )
