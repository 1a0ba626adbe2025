from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.grades._bands import pay_band, salary_within


class SalaryOutsideBand(Rule, code="G102", name="salary-outside-band", severity=Severity.ERROR):
    """A post's salary range falls outside its grade's pay band.

    ## What it does
    Compares each post's `salary` (`min` and `max`) with the pay band the policy gives its
    grade (policy `grades.<grade>.pay`) and reports the salary when either end is outside it.

    ## Why
    Pay bands are what the council agreed and evaluated: Carlisle set the Strategic Director
    band at £65,454-£72,000, the Deputy Chief Executive's at £74,545-£82,000 and the Assistant
    Directors' at £52,500-£58,000 after job evaluation by North West Employers (CE 21/09
    para 2.2). Paying outside the band breaks the evaluation and equal-pay defensibility.

    ## How to fix
    Bring the salary into the band, or regrade the post through job evaluation.

    ## Example
    Failing (with the policy below): an Assistant Director paid above the band.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./pay.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD, salary: {min: 52500, max: 58000}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD, salary: {min: 56000, max: 61000}}   # <- G102
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./pay.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD, salary: {min: 52500, max: 58000}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD, salary: {min: 55000, max: 58000}}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, grade: JNC-AD}
    ```

    where `pay.yaml` is:

    ```yaml ruleset pay.yaml
    orglint-ruleset: 1
    name: pay
    extends: [core]
    rules: {G102: error}
    policy:
      grades:
        JNC-AD: {rank: 1, pay: {min: 52500, max: 58000}}
    ```
    """

    basis = "The council's own pay structure: the band the ruleset gives each grade (policy `grades`); a council's ruleset cites its own pay policy (`basis:`), as carlisle-2009 cites CE 21/09 para 2.2"
    fix = "Bring the salary into the grade's band, or regrade the post through job evaluation."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in context.graph.posts.values():
            band = pay_band(context.policy, post) if post.salary is not None else None
            if band is None or salary_within(band, post):
                continue
            assert post.salary is not None
            # at the bound outside the band (the top, where both are)
            bound = "max" if post.salary.max > band.max or post.salary.min >= band.min else "min"
            yield self.finding(
                context.value_span(post, "salary", bound),
                f"salary £{post.salary.min:,.0f}–£{post.salary.max:,.0f} is outside grade {post.grade}'s band "
                f"£{band.min:,.0f}–£{band.max:,.0f}",
                post=post.id,
            )
