from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings
from orglint.wording import a_or_an


class TeamManagerReportingSettings(RuleSettings):
    role: str = Field(description="The team manager role (policy `roles`).")
    reports_to_role: str = Field(description="The role team managers must report to.")


class TeamManagerReporting(
    Rule[TeamManagerReportingSettings], code="G105", name="team-manager-reporting", severity=Severity.ERROR
):
    """A Team Manager does not report to a Head of Service.

    ## What it does
    Finds the team managers: posts whose role is the setting `role` (by job profile level, or
    the grades the policy gives that role), plus posts on those grades that manage anyone. Reports
    each whose manager's role is not `reports-to-role`, at its `reports_to`.

    ## Why
    Leicestershire's framework: "Reporting to Heads of Service will be the post of Team
    Manager" (grades 12 to 14). A team manager reporting straight to an Assistant Director
    skips the layer that manages the service, and unbalances the Assistant Director's span.

    ## How to fix
    Make the team manager report to the Head of Service for its service.

    ## Example
    Failing (with the policy below): `TM3` reports to the Assistant Director.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./teams.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: "18"}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}
      - {id: TM1, title: Team Manager, reports_to: HOS1, tier: 3, grade: "13"}
      - {id: TM2, title: Team Manager, reports_to: HOS1, tier: 3, grade: "13"}
      - {id: TM3, title: Team Manager, reports_to: AD, tier: 2, grade: "12"}   # <- G105
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./teams.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: "18"}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}
      - {id: HOS3, title: Head of Service, reports_to: AD, tier: 2, grade: "15"}
      - {id: TM1, title: Team Manager, reports_to: HOS1, tier: 3, grade: "13"}
      - {id: TM2, title: Team Manager, reports_to: HOS1, tier: 3, grade: "13"}
      - {id: TM3, title: Team Manager, reports_to: HOS1, tier: 3, grade: "12"}
    ```

    where `teams.yaml` is:

    ```yaml ruleset teams.yaml
    orglint-ruleset: 1
    name: teams
    extends: [core]
    rules:
      G105: {role: team-manager, reports-to-role: head-of-service}
    policy:
      grades: {"12": {rank: 12}, "13": {rank: 13}, "14": {rank: 14}, "15": {rank: 15}, "18": {rank: 18}}
      roles:
        assistant-director: {name: Assistant Director, grades: ["18"]}
        head-of-service: {name: Head of Service, grades: ["15"]}
        team-manager: {name: Team Manager, grades: ["12", "13", "14"]}
    ```
    """

    basis = "Leicestershire ODP, 'Team Manager Posts – Grades 12 to 14': 'Reporting to Heads of Service will be the post of Team Manager'"
    fix = "Make the team manager report to the Head of Service for its service."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        role = context.policy.roles.get(self.settings.role)
        grades = set(role.grades) if role is not None else set()
        graph = context.graph
        for post in graph.posts.values():
            is_team_manager = context.role_of(post) == self.settings.role or (
                post.grade in grades and graph.span_of_control(post.id) > 0
            )
            manager = graph.manager(post)
            if not is_team_manager or manager is None:
                continue
            level = context.role_of(manager)
            if level is None and manager.grade not in context.policy.grades:
                continue  # neither a grade the policy knows nor a tier it levels: it may be a Head of Service
            if level != self.settings.reports_to_role:
                said = context.role_name(level) if level is not None else f"grade {manager.grade}"
                yield self.finding(
                    context.value_span(post, "reports_to"),
                    f"{context.role_name(self.settings.role)} {post.id!r} reports to {manager.id!r} "
                    f"({said}), not to {a_or_an(context.role_name(self.settings.reports_to_role))}",
                    post=post.id,
                )
