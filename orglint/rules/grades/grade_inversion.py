from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class GradeInversion(Rule, code="G103", name="grade-inversion", severity=Severity.WARNING):
    """A post is graded at or above its manager.

    ## What it does
    Compares the rank the policy gives each post's grade (policy `grades.<grade>.rank`, higher
    is more senior) with its manager's, and reports the post's `grade` when it is not below the
    manager's. Posts or managers without a ranked grade are not checked.

    ## Why
    A manager graded no higher than the people they manage signals a grading error, or a
    reporting line that does not reflect the work: in Carlisle's structure every Assistant
    Director is "ACCOUNTABLE TO: STRATEGIC DIRECTOR", on a lower band (CE 21/09).

    ## How to fix
    Check the grades through job evaluation, or the reporting line.

    ## Example
    Failing (with the policy below): an Assistant Director on the grade of the director above.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./ranks.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE}
      - {id: SD, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
      - {id: AD1, title: Assistant Director, reports_to: SD, tier: 3, grade: SD}   # <- G103
      - {id: AD2, title: Assistant Director, reports_to: SD, tier: 3, grade: AD}
      - {id: AD3, title: Assistant Director, reports_to: SD, tier: 3, grade: AD}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./ranks.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE}
      - {id: SD, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
      - {id: AD1, title: Assistant Director, reports_to: SD, tier: 3, grade: AD}
      - {id: AD2, title: Assistant Director, reports_to: SD, tier: 3, grade: AD}
      - {id: AD3, title: Assistant Director, reports_to: SD, tier: 3, grade: AD}
    ```

    where `ranks.yaml` is (D103 is off: the Chief Executive manages one post here):

    ```yaml ruleset ranks.yaml
    orglint-ruleset: 1
    name: ranks
    extends: [core]
    rules: {G103: warning, D103: off}
    policy:
      grades: {CE: {rank: 3}, SD: {rank: 2}, AD: {rank: 1}}
    ```
    """

    basis = "Carlisle CE 21/09: each level 'ACCOUNTABLE TO' the level above, on a lower band"
    fix = "Check the grades through job evaluation, or the reporting line."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        policy = context.policy
        graph = context.graph
        for post in graph.posts.values():
            rank = policy.rank(post.grade)
            manager = graph.manager(post)
            if rank is None or manager is None:
                continue
            manager_rank = policy.rank(manager.grade)
            if manager_rank is not None and rank >= manager_rank:
                relation = "the same grade as" if post.grade == manager.grade else "graded above"
                yield self.finding(
                    context.value_span(post, "grade"),
                    f"{post.id!r} ({post.grade}) is {relation} its manager {manager.id!r} ({manager.grade})",
                    post=post.id,
                )
