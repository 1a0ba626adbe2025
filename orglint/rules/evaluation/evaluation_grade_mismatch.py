from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.evaluation._records import evaluated_at_other_grade


class EvaluationGradeMismatch(Rule, code="E103", name="evaluation-grade-mismatch", severity=Severity.ERROR):
    """The grade a post was evaluated at is not the grade it is on.

    ## What it does
    Reports each post whose `evaluation.grade` differs from its `grade`, at the evaluated grade.
    Where G104 reports the post's grade (one the ruleset does not define), this rule says nothing
    of the post: a mistyped grade is one mistake, not a regrading too. (A mistyped evaluated
    grade is this rule's, which G104 leaves to it.)

    ## Why
    The grade is meant to be the outcome of evaluation: Leicestershire keeps "a record ... of
    the rationale for the grade" from the HAY process, and Carlisle set its salaries from North
    West Employers' evaluation (CE 21/09 para 2.2). A post on a grade other than the evaluated
    one has been regraded without evaluation, or its record is out of date.

    ## How to fix
    Re-evaluate the post, or put it on the grade it was evaluated at.

    ## Example
    Failing: evaluated at `AD`, but on `SD`.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./graded.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - id: AD1
        title: Assistant Director
        reports_to: CE
        tier: 2
        grade: SD
        evaluation:
          scheme: HAY
          grade: AD   # <- E103
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./graded.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, grade: AD, evaluation: {scheme: HAY, grade: AD}}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    where `graded.yaml` is:

    ```yaml ruleset graded.yaml
    orglint-ruleset: 1
    name: graded
    extends: [core]
    rules: {E103: error}
    ```
    """

    basis = "Leicestershire ODP, 'Job Evaluation': the grade follows the HAY evaluation; Carlisle CE 21/09 para 2.2"
    fix = "Re-evaluate the post, or put it on the grade it was evaluated at."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        grades = context.policy.grades
        for post in context.graph.posts.values():
            if not evaluated_at_other_grade(post):
                continue
            assert post.evaluation is not None
            # an undefined grade is G104's, with its did-you-mean; two defined grades that differ (one
            # written by its name, say, and read as it) are a mistake of their own beside that G104
            undefined = not grades or post.grade not in grades or post.evaluation.grade not in grades
            yield self.finding(
                context.value_span(post, "evaluation", "grade"),
                f"{post.id!r} was evaluated at grade {post.evaluation.grade} but is on grade {post.grade}",
                post=post.id,
                follows_from=frozenset({"G104"}) if undefined else None,
            )
