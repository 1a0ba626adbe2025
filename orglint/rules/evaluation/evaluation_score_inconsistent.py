from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class EvaluationScoreInconsistent(Rule, code="E105", name="evaluation-score-inconsistent", severity=Severity.ERROR):
    """Hay factor points do not add up to the total, or the total is outside the grade's range.

    ## What it does
    For each `evaluation.points` record, reports a `total` that is not the sum of `know_how`,
    `problem_solving` and `accountability`, and a total outside the Hay points range the policy
    gives the evaluated grade (`grades.<grade>.hay-points`), at the total.

    ## Why
    A Hay evaluation scores three factors (Know-How, Problem Solving, Accountability: the Hay
    method's, not a seed's words) whose sum places the job in a grade. Leicestershire puts every
    post through "the Council's HAY Job Evaluation scheme" and keeps the rationale for its grade;
    a total that is not the sum, or that belongs to another grade, means the record does not
    support the grade.

    ## How to fix
    Correct the points from the evaluation papers, or re-evaluate the post.

    ## Example
    Failing: 528 + 200 + 304 is 1032, not 1100.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./hay.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - id: AD1
        title: Assistant Director
        reports_to: CE
        tier: 2
        evaluation:
          scheme: HAY
          grade: AD
          points: {know_how: 528, problem_solving: 200, accountability: 304, total: 1100}   # <- E105
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./hay.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - id: AD1
        title: Assistant Director
        reports_to: CE
        tier: 2
        evaluation:
          scheme: HAY
          grade: AD
          points: {know_how: 528, problem_solving: 200, accountability: 304, total: 1032}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    where `hay.yaml` is:

    ```yaml ruleset hay.yaml
    orglint-ruleset: 1
    name: hay
    extends: [core]
    rules: {E105: error}
    policy:
      grades:
        AD: {rank: 1, hay-points: {min: 900, max: 1100}}
    ```
    """

    basis = "Leicestershire ODP, 'Job Evaluation': 'all posts within the County Council go through the job evaluation process', the Council's HAY scheme; the Hay method's factors (Know-How, Problem Solving, Accountability) add up to the total that places a job in a grade"
    fix = "Correct the points from the evaluation papers, or re-evaluate the post."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        grades = context.policy.grades
        for post in context.graph.posts.values():
            record = post.evaluation
            points = record.points if record is not None else None
            if record is None or points is None or points.total is None:
                continue
            span = context.value_span(post, "evaluation", "points", "total")
            factors = (points.know_how, points.problem_solving, points.accountability)
            if all(factor is not None for factor in factors):
                added = sum(factor for factor in factors if factor is not None)
                if added != points.total:
                    yield self.finding(
                        span,
                        f"{post.id!r}: Hay points {' + '.join(str(f) for f in factors)} = {added}, not the total {points.total}",
                        post=post.id,
                    )
                    continue
            grade = record.grade or post.grade
            band = grades[grade].hay_points if grade in grades else None
            if band is not None and points.total not in band:
                yield self.finding(
                    span,
                    f"{post.id!r}: Hay total {points.total} is outside grade {grade}'s range {band}",
                    post=post.id,
                )
