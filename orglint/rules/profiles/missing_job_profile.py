from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class MissingJobProfileSettings(RuleSettings):
    from_grade: str = Field(description="Posts on this grade or any ranked above it need a job profile.")


class MissingJobProfile(Rule[MissingJobProfileSettings], code="R101", name="missing-job-profile", severity=Severity.ERROR):
    """A post at or above the template threshold has no job profile.

    ## What it does
    Reports each post whose grade ranks at or above `from-grade` (policy `grades` ranks) and has
    no `profile`, at its grade.

    ## Why
    Leicestershire: "For each level of senior management post – grade 15 and above, there is a
    set job profile template which has to be used", and Team Managers (grades 12 to 14) have one
    too. Carlisle wrote a job description for every post of its Strategic Management Team (CE
    21/09). Without a profile the corporately agreed responsibilities cannot be checked.

    ## How to fix
    Give the post the profile template for its level (`profile: <profile id>`).

    ## Example
    Failing (with the ruleset below): `HOS2` has no profile.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./profiles.yaml}
    profiles:
      - {id: head-of-service, level: head-of-service, responsibilities: [budget-accountability]}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: "14"}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, grade: "15", profile: head-of-service}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}   # <- R101
      - {id: HOS3, title: Head of Service, reports_to: AD, tier: 2, grade: "15", profile: head-of-service}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./profiles.yaml}
    profiles:
      - {id: head-of-service, level: head-of-service, responsibilities: [budget-accountability]}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: "14"}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, grade: "15", profile: head-of-service}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, grade: "15", profile: head-of-service}
      - {id: HOS3, title: Head of Service, reports_to: AD, tier: 2, grade: "15", profile: head-of-service}
    ```

    where `profiles.yaml` is:

    ```yaml ruleset profiles.yaml
    orglint-ruleset: 1
    name: profiles
    extends: [core]
    rules:
      R101: {from-grade: "15"}
    policy:
      grades: {"14": {rank: 14}, "15": {rank: 15}}
      roles:
        head-of-service: {name: Head of Service, grades: ["15"], responsibilities: {budget-accountability: Budget accountability}}
    ```
    """

    basis = "Leicestershire ODP, 'Job Profiles': a set job profile template for each level, grade 15 and above; Carlisle CE 21/09 job descriptions"
    fix = "Give the post the job profile template for its level."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        threshold = context.policy.rank(self.settings.from_grade)
        if threshold is None:
            return  # the policy does not rank that grade: nothing is in scope
        for post in context.graph.posts.values():
            rank = context.policy.rank(post.grade)
            if post.profile is None and rank is not None and rank >= threshold:
                yield self.finding(
                    context.value_span(post, "grade"),
                    f"{post.id!r} is on grade {post.grade}, at or above {self.settings.from_grade}, but has no job profile",
                    post=post.id,
                )
