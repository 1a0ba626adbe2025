from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.grades._bands import level_band


class GradeOutsideTierBand(Rule, code="G101", name="grade-outside-tier-band", severity=Severity.ERROR):
    """A post's grade is not one its level allows.

    ## What it does
    Finds the post's level (a policy role): its job profile's `level`, else the role the policy
    gives its declared `tier` (policy `tiers`). Reports the post's `grade` when it is not one of
    the grades that role may hold (policy `roles`). The level never follows the post's depth in
    the reporting lines alone: a Head of Service reporting straight to the Chief Executive is
    still a Head of Service. Levels, roles or grades the policy does not list are not checked,
    and neither is a post whose grade makes it the level of another template than its profile's
    (that is R103's finding: the template or the grade is wrong).

    ## Why
    Grades follow the level of the job. Carlisle's job descriptions put the Strategic Directors
    on "JNC for Chief Officers - £65,454 - £72,000" and the Assistant Directors on "JNC for Chief
    Officers - £52,500 - £58,000" (CE 21/09); Leicestershire's framework has "Assistant Director
    and Heads of Service Posts – Grade 15 and above" and "Team Manager Posts – Grades 12 to 14".
    A post at one level but graded for another is either wrongly placed or wrongly paid.

    ## How to fix
    Correct the grade, or the job profile (or tier) if the post sits at another level.

    ## Example
    Failing (with the policy below): a tier-2 director on an Assistant Director's grade.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./bands.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE}
      - {id: SD1, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
      - {id: SD2, title: Strategic Director, reports_to: CE, tier: 2, grade: AD}   # <- G101
      - {id: SD3, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./bands.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, grade: CE}
      - {id: SD1, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
      - {id: SD2, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
      - {id: SD3, title: Strategic Director, reports_to: CE, tier: 2, grade: SD}
    ```

    where `bands.yaml` is:

    ```yaml ruleset bands.yaml
    orglint-ruleset: 1
    name: bands
    extends: [core]
    rules: {G101: error}
    policy:
      grades: {CE: {rank: 3}, SD: {rank: 2}, AD: {rank: 1}}
      roles:
        chief-executive: {name: Chief Executive, grades: [CE]}
        strategic-director: {name: Strategic Director, grades: [SD]}
      tiers: {1: {role: chief-executive}, 2: {role: strategic-director}}
    ```
    """

    basis = "Carlisle CE 21/09: each level's grade ('JNC for Chief Officers', with its pay band) set in its job description"
    fix = "Correct the grade, or the job profile (or tier) if the post sits at another level."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        defined = context.policy.grades
        for post in context.graph.posts.values():
            band = level_band(context, post) if post.grade is not None else None
            if band is None or post.grade in band.grades:
                continue
            if defined and post.grade not in defined:
                continue  # a grade the policy does not define is G104's finding, not a band's
            if band.by_profile:
                named_by_grade = context.expected_role(post)
                if named_by_grade is not None and named_by_grade != band.role_id:
                    continue  # R103: the profile is of another level than the grade
                where = f"at its profile's level ({band.role.name}: {', '.join(band.grades)})"
            else:
                where = f"at tier {post.tier} ({band.role.name}: {', '.join(band.grades)})"
            yield self.finding(context.value_span(post, "grade"), f"grade {post.grade!r} is not allowed {where}", post=post.id)
