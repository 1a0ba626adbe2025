from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.suggest import closest, did_you_mean


class UnknownGrade(Rule, code="G104", name="unknown-grade", severity=Severity.ERROR):
    """A post's grade is not one the ruleset defines.

    ## What it does
    Reports each post `grade` that is not in the policy's `grades`, with the closest defined
    grade; a post with no `grade` has its job-evaluation `grade` checked instead. Once per post:
    an evaluated grade other than the post's is E103's finding. Without a grade policy nothing is
    checked. A grade the ruleset accepts without a band (grades below its graded bands) is an
    entry with a `rank` alone.

    A grade written another way than its id, where exactly one grade is so named (its `name`,
    `Director` for `DIR`; its id in other case or punctuation, `A.D.` for `AD`; its id after the
    word "grade", `Grade 15` for `15`), is reported with that grade, and every other rule reads
    the post as on it: one finding, not also the Team Manager below it reporting to no level (G105)
    or its department missing an Assistant Director lead (C102).

    ## Why
    Every grade rule (bands per tier, pay, order, evaluation) depends on knowing the grade. A
    misspelt or local grade silently escapes them all. Leicestershire's framework ties grades to
    the HAY job evaluation scheme and its 'Job Family' guide: a grade outside it has not been
    through evaluation.

    ## How to fix
    Use a grade the ruleset defines, or add the grade (with its rank, and a band if it has one)
    to the policy.

    ## Example
    Failing (with the policy below): `G16` is not a grade.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./grades.yaml}
    posts:
      - {id: HOS, title: Head of Service, tier: 1, grade: "15"}
      - {id: TM1, title: Team Manager, reports_to: HOS, tier: 2, grade: "13"}
      - {id: TM2, title: Team Manager, reports_to: HOS, tier: 2, grade: G16}   # <- G104
      - {id: TM3, title: Team Manager, reports_to: HOS, tier: 2, grade: "12"}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./grades.yaml}
    posts:
      - {id: HOS, title: Head of Service, tier: 1, grade: "15"}
      - {id: TM1, title: Team Manager, reports_to: HOS, tier: 2, grade: "13"}
      - {id: TM2, title: Team Manager, reports_to: HOS, tier: 2, grade: "14"}
      - {id: TM3, title: Team Manager, reports_to: HOS, tier: 2, grade: "12"}
    ```

    where `grades.yaml` is:

    ```yaml ruleset grades.yaml
    orglint-ruleset: 1
    name: grades
    extends: [core]
    rules: {G104: error}
    policy:
      grades: {"12": {rank: 12}, "13": {rank: 13}, "14": {rank: 14}, "15": {rank: 15}}
    ```
    """

    basis = (
        "Leicestershire ODP, 'Job Evaluation' and 'Remainder of the Management Structure': grades set through HAY job evaluation"
    )
    fix = "Use a grade the ruleset defines, or add it to the policy's grades."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        grades = context.policy.grades
        if not grades:
            return
        known = list(grades)
        # The same wrong grade recurs, often on every post: each is compared and its message
        # written once, and the findings share that text.
        messages: dict[tuple[str, str], str] = {}

        def message(what: str, grade: str) -> str:
            text = messages.get((what, grade))
            if text is None:
                hint = did_you_mean(closest(grade, known))
                text = messages[what, grade] = f"{what} {grade!r} is not defined by the ruleset{hint}"
            return text

        for post in context.graph.posts.values():
            evaluation = post.evaluation
            evaluated = evaluation.grade if evaluation is not None else None
            for field, what, grade, path in (
                ("grade", "grade", post.grade, ("grade",)),
                ("evaluation", "evaluated grade", evaluated, ("evaluation", "grade")),
            ):
                written = context.grades_as_written.get((id(post), field))
                if written is not None:  # read as the grade it names: that grade is the suggestion
                    text = f"{what} {written!r} is not defined by the ruleset{did_you_mean(grade)}"
                    yield self.finding(context.value_span(post, *path), text, post=post.id)
                elif grade is not None and grade not in grades and (field == "grade" or post.grade is None):
                    # a post's other evaluated grade is E103's finding
                    yield self.finding(context.value_span(post, *path), message(what, grade), post=post.id)
