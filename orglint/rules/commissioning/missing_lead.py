from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext, Rule
from orglint.rules.commissioning._functions import DepartmentKinds, checks_department, side


class MissingLeadSettings(DepartmentKinds):
    director_role: str = Field(description="The role that heads a department.")
    lead_role: str = Field(description="The role of the management team members who lead a side (Assistant Directors).")
    split_role: str = Field(description="The role at which the split may be made instead (Heads of Service).")


class MissingCommissioningOrProviderLead(
    Rule[MissingLeadSettings], code="C102", name="missing-commissioning-or-provider-lead", severity=Severity.ERROR
):
    """A department's management team has no lead for commissioning or for providing, and the
    split is not made at Head of Service level instead.

    ## What it does
    For each department with a director (a post of `director-role` in it) and of the kinds the
    setting `department-kinds` names (every department if it names none), looks at the
    director's direct reports of `lead-role` (the management team). The split is made there if
    one of them carries a commissioning `function` and another `provider`. Otherwise it must be
    made at `split-role` (Heads of Service) level: the department's Heads of Service include
    both commissioning and provider posts. If neither holds, reports the director's `id`.

    ## Why
    Leicestershire: "Usually there will be an Assistant Director Lead for Commissioning and one
    for Providing... However, service departments... are able to have Assistant Director posts
    which are more broad and/or dedicated to leading the provision of a specialist service. In
    these circumstances, the commissioner/provider split will be at Head of Service level."

    ## How to fix
    Give the management team a commissioning lead and a provider lead, or classify the Heads of
    Service on each side of the split. A department that serves the others (finance, law, HR,
    ICT, property) rather than the public is `kind: support`.

    ## Example
    Failing (with the ruleset below): both Assistant Directors commission, and no Head of Service
    provides.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./leads.yaml}
    departments: [{id: adults}]
    posts:
      - {id: DIR, title: Director, tier: 1, grade: DIR, department: adults}   # <- C102
      - {id: AD1, title: AD Strategy, reports_to: DIR, tier: 2, grade: AD, department: adults, function: strategic-commissioning}
      - {id: AD2, title: AD Commissioning, reports_to: DIR, tier: 2, grade: AD, department: adults, function: operational-commissioning}
      - {id: AD3, title: AD Business, reports_to: DIR, tier: 2, grade: AD, department: adults, function: support}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./leads.yaml}
    departments: [{id: adults}]
    posts:
      - {id: DIR, title: Director, tier: 1, grade: DIR, department: adults}
      - {id: AD1, title: AD Commissioning, reports_to: DIR, tier: 2, grade: AD, department: adults, function: strategic-commissioning}
      - {id: AD2, title: AD Provider Services, reports_to: DIR, tier: 2, grade: AD, department: adults, function: provider}
      - {id: AD3, title: AD Business, reports_to: DIR, tier: 2, grade: AD, department: adults, function: support}
    ```

    where `leads.yaml` is:

    ```yaml ruleset leads.yaml
    orglint-ruleset: 1
    name: leads
    extends: [core]
    rules:
      C102:
        director-role: director
        lead-role: assistant-director
        split-role: head-of-service
        department-kinds: [service]
    policy:
      grades: {DIR: {rank: 3}, AD: {rank: 2}, HOS: {rank: 1}}
      roles:
        director: {name: Director, grades: [DIR]}
        assistant-director: {name: Assistant Director, grades: [AD]}
        head-of-service: {name: Head of Service, grades: [HOS]}
    ```
    """

    basis = "Leicestershire ODP, 'Senior Management Structure': 'Usually there will be an Assistant Director Lead for Commissioning and one for Providing'; where 'service departments' have broader Assistant Directors, 'the commissioner/provider split will be at Head of Service level'"
    fix = "Give the management team a commissioning lead and a provider lead, or split at Head of Service level."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        checked = checks_department(context, self.settings)
        directors: dict[str, Post] = {}
        split_sides: dict[str, set[str]] = {}
        for post in context.graph.posts.values():
            if post.department is None or not checked(post.department):
                continue
            role = context.role_of(post)
            if role == self.settings.director_role:
                directors.setdefault(post.department, post)
            elif role == self.settings.split_role and side(post) is not None:
                split_sides.setdefault(post.department, set()).add(str(side(post)))
        for department, director in directors.items():
            team = [context.graph.posts[r] for r in context.graph.direct_reports(director.id)]
            lead_sides = {side(post) for post in team if context.role_of(post) == self.settings.lead_role}
            if {"commissioning", "providing"} <= lead_sides:
                continue
            if {"commissioning", "providing"} <= split_sides.get(department, set()):
                continue
            lacking = [name for name in ("commissioning", "providing") if name not in lead_sides]
            yield self.finding(
                context.post_span(director),
                f"department {department!r}: the management team under {director.id!r} has no "
                f"{context.role_name(self.settings.lead_role)} lead for {' or '.join(lacking)}, and the split is not made "
                f"at {context.role_name(self.settings.split_role)} level either",
                post=director.id,
            )
