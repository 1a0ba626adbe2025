from collections import Counter
from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext, Rule
from orglint.rules.publication._published import ChartSettings, charted_posts
from orglint.wording import listed


class MissingDisclosure(Rule[ChartSettings], code="P101", name="missing-disclosure", severity=Severity.ERROR):
    """A post in the top three levels lacks something the Transparency Code's organisation chart must show.

    ## What it does
    For each post in the top three levels of the structure (the top post, its direct reports
    and theirs: levels are layers of reporting lines from the top post, not declared tiers),
    reports what the post does not give of paragraph 41's list: its `grade`; its `department`
    (the Code's "department and team"); its `contract` (whether permanent or temporary staff:
    `permanent`, `temporary`, `fixed-term`, `interim` or `agency`; a vacant post has no staff
    to say it of); its `contact` (an `email` or a `phone`); its `salary` (in £5,000 brackets,
    whose shape P102 checks). One finding per post, at its `id`, naming everything it lacks;
    a field it gives that cannot be read has its X002 and is not also lacking. The salary ceiling
    is the maximum of the grade's pay band, which the ruleset gives (policy
    `grades.<grade>.pay`), not the post: a grade on the chart with no pay band is one finding,
    the grade's rather than a post's, at the `grade` of the first post in the top levels on it.
    Where G104 runs, a grade the ruleset does not define at all (a mistyped grade) is G104's
    finding alone. The ruleset's `levels` setting says how many levels the chart covers (3 in
    `uk-transparency-code`, as the Code says).

    Plain `ruleset: uk-transparency-code` cannot know a council's pay bands, so it defines no
    grades: each grade on the chart is reported once until the council's own ruleset extends
    `uk-transparency-code` with a `grades` policy (as `chart.yaml` below does). Four grades on
    the chart are four findings, however many posts hold them.

    ## Why
    "Local authorities must publish an organisation chart covering staff in the top three
    levels of the organisation. The following information must be included for each member of
    staff included in the chart: grade, job title, local authority department and team,
    whether permanent or temporary staff, contact details, salary in £5,000 brackets,
    consistent with the details published under paragraph 38, and salary ceiling (the maximum
    salary for the grade)" (Local Government Transparency Code 2015, paragraph 41). A job
    title every post has (the format requires `title`).

    ## How to fix
    Give the post what it lacks: `grade`, `department`, `contract`, `contact: {email, phone}`
    and `salary: {min, max}`. Give a grade without a pay band its band in your ruleset's `grades`
    policy (`pay: {min, max}`).

    ## Example
    Failing (with the ruleset below): a director with no contact details or contract.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./chart.yaml}
    departments: [{id: resources}, {id: governance}, {id: place}]
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE, department: resources, contract: permanent, contact: {email: ce@example.gov.uk}, salary: {min: 125000, max: 129999}, holder: A Jones, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, grade: AD, department: resources, contract: permanent, contact: {phone: 01234 567890}, salary: {min: 80000, max: 84999}, holder: B Khan, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, grade: AD, department: governance, salary: {min: 80000, max: 84999}, holder: C Lee, designations: [monitoring-officer]}   # <- P101
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, grade: AD, department: place, contract: interim, contact: {email: place@example.gov.uk}, salary: {min: 80000, max: 84999}, holder: D Ray, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./chart.yaml}
    departments: [{id: resources}, {id: governance}, {id: place}]
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE, department: resources, contract: permanent, contact: {email: ce@example.gov.uk}, salary: {min: 125000, max: 129999}, holder: A Jones, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, grade: AD, department: resources, contract: permanent, contact: {phone: 01234 567890}, salary: {min: 80000, max: 84999}, holder: B Khan, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, grade: AD, department: governance, contract: permanent, contact: {email: law@example.gov.uk}, salary: {min: 80000, max: 84999}, holder: C Lee, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, grade: AD, department: place, contract: interim, contact: {email: place@example.gov.uk}, salary: {min: 80000, max: 84999}, holder: D Ray, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    ```

    where `chart.yaml` is:

    ```yaml ruleset chart.yaml
    orglint-ruleset: 1
    name: chart
    extends: [uk-transparency-code]
    policy:
      grades:
        CE: {rank: 2, pay: {min: 120000, max: 135000}}
        AD: {rank: 1, pay: {min: 75000, max: 90000}}
    ```
    """

    basis = "Local Government Transparency Code 2015, paragraph 41 (the paragraph number unverified): for each member of staff in the top three levels, grade, job title, department and team, whether permanent or temporary, contact details, salary in £5,000 brackets and salary ceiling"
    fix = "Give the post its grade, department, contract, contact details and salary, and its grade a pay band."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        charted = list(charted_posts(context, self.settings.levels))
        unbanded = Counter(post.grade for post in charted if post.grade is not None and _pay_band_missing(context, post.grade))
        for post in charted:
            missing = self._missing(post, context)
            if missing:
                yield self.finding(
                    context.post_span(post),
                    f"post {post.id!r} is in the top {self.settings.levels} levels but does not give its "
                    + listed(missing, conjunction="or"),
                    post=post.id,
                )
            grade = post.grade
            if grade is not None and grade in unbanded:
                # One finding for the ruleset's gap, at the first post that meets it: every post on
                # the grade lacks its ceiling for the same reason, which one change to the policy
                # mends. It is the grade's, not that post's, and says no count: a baseline keeps it
                # however the posts on the grade come and go.
                del unbanded[grade]
                yield self.finding(
                    context.value_span(post, "grade"),
                    f"grade {grade!r} {_gap(context, grade)}, so the chart cannot show a salary ceiling for the posts "
                    f"on it in the top {self.settings.levels} levels",
                    fix=f"Give grade {grade!r} a pay band (`pay: {{min, max}}`) in your ruleset's `grades` policy.",
                    # a grade the ruleset lacks altogether is G104's where it runs; one it has without a band is not
                    follows_from=frozenset({"G104"}) if grade not in context.policy.grades else None,
                )

    @staticmethod
    def _missing(post: Post, context: CheckContext) -> list[str]:
        """What the post does not give; a field it gives that could not be read has its X002, and
        is not also missing here."""

        def absent(field: str) -> bool:
            return not context.structure.unread(post, field)

        missing = []
        if post.grade is None and absent("grade"):
            missing.append("grade")
        if post.department is None and absent("department"):
            missing.append("department")
        if post.contract is None and not post.vacant and absent("contract"):
            missing.append("contract (permanent or temporary)")
        if (post.contact is None or not post.contact.given()) and absent("contact"):
            missing.append("contact details")
        if post.salary is None and absent("salary"):
            missing.append("salary")
        return missing


def _gap(context: CheckContext, grade: str) -> str:
    """What the ruleset lacks of the grade: the whole grade, or its pay band."""
    if grade not in context.policy.grades:
        return "is not among the ruleset's grades (policy `grades`)"
    return "has no pay band in the ruleset (policy `grades`)"


def _pay_band_missing(context: CheckContext, grade: str) -> bool:
    entry = context.policy.grades.get(grade)
    return entry is None or entry.pay is None
