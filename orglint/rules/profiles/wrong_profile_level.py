from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.wording import a_or_an


class WrongProfileLevel(Rule, code="R103", name="wrong-profile-level", severity=Severity.ERROR):
    """A post uses a job profile template meant for another level.

    ## What it does
    Works out the level a post is at from its grade (the policy role whose grades include it)
    or, failing that, its tier (policy `tiers`), and reports the post's `profile` when that
    profile's `level` is a different one. Also reports a profile whose `level` is not a role the
    policy defines.

    ## Why
    Leicestershire's templates are per level: "a set job profile template which has to be
    used" for each senior level, and one for Team Managers. A Head of Service on an Assistant
    Director's template carries responsibilities, and an evaluation, that are not its own.

    ## How to fix
    Give the post the template for its level, or correct its grade or tier.

    ## Example
    Failing (with the ruleset below): a Team Manager on the Head of Service template.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./levels.yaml}
    profiles:
      - {id: hos-template, level: head-of-service}
      - {id: tm-template, level: team-manager}
    posts:
      - {id: HOS, title: Head of Service, tier: 1, grade: "15", profile: hos-template}
      - {id: TM1, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: tm-template}
      - {id: TM2, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: hos-template}   # <- R103
      - {id: TM3, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: tm-template}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./levels.yaml}
    profiles:
      - {id: hos-template, level: head-of-service}
      - {id: tm-template, level: team-manager}
    posts:
      - {id: HOS, title: Head of Service, tier: 1, grade: "15", profile: hos-template}
      - {id: TM1, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: tm-template}
      - {id: TM2, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: tm-template}
      - {id: TM3, title: Team Manager, reports_to: HOS, tier: 2, grade: "13", profile: tm-template}
    ```

    where `levels.yaml` is:

    ```yaml ruleset levels.yaml
    orglint-ruleset: 1
    name: levels
    extends: [core]
    rules: {R103: error}
    policy:
      grades: {"13": {rank: 13}, "15": {rank: 15}}
      roles:
        head-of-service: {name: Head of Service, grades: ["15"]}
        team-manager: {name: Team Manager, grades: ["13"]}
    ```
    """

    basis = "Leicestershire ODP, 'Job Profiles': a set template for each level of post"
    fix = "Give the post the job profile template for its level."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        roles = context.policy.roles
        for template in context.structure.profiles:
            if roles and template.level is not None and template.level not in roles:
                yield self.finding(
                    context.value_span(template, "level"),
                    f"profile {template.id!r}: level {template.level!r} is not one the ruleset defines ({', '.join(roles)})",
                )
        for post in context.graph.posts.values():
            profile = context.profiles.get(post.profile) if post.profile is not None else None
            if profile is None or profile.level is None:
                continue
            expected = context.expected_role(post)
            if expected is not None and profile.level != expected:
                yield self.finding(
                    context.value_span(post, "profile"),
                    f"{post.id!r} is {a_or_an(context.role_name(expected))} but uses {profile.id!r}, "
                    f"the template for {a_or_an(context.role_name(profile.level))}",
                    post=post.id,
                )
