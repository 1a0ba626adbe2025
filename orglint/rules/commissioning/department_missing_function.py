from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules.commissioning._functions import DepartmentKinds, checks_department


class DepartmentMissingFunctionSettings(DepartmentKinds):
    required_functions: list[str] = Field(min_length=1, description="Functions every department must hold.")


class DepartmentMissingFunction(
    Rule[DepartmentMissingFunctionSettings], code="C101", name="department-missing-function", severity=Severity.ERROR
):
    """A department lacks strategic commissioning, operational commissioning or provider services.

    ## What it does
    For each department of the kinds the setting `department-kinds` names (every department if
    it names none), gathers the `function` of every post in it and reports each of the ruleset's
    `required-functions` that no post carries, at the department's `id`. A department's `kind` is
    `service` unless it says `support`.

    ## Why
    Leicestershire's framework: "Each service department will have the following broad outline
    structure: Strategic Commissioning (achieving priority outcomes, the development of
    strategy, budget accountability, meeting statutory requirements, developing partnerships),
    Operational Commissioning (develops service specifications, makes operational decisions,
    controls expenditure), Provider Services (front line customer services)".

    ## How to fix
    Classify the posts that do the missing work (`function:`), or add them. A department that
    serves the others (finance, law, HR, ICT, property) rather than the public is `kind: support`.

    ## Example
    Failing (with the ruleset below): the department has no provider services; the support
    department is not asked for any.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./functions.yaml}
    departments:
      - id: adults   # <- C101
      - {id: resources, kind: support}
    posts:
      - {id: DIR, title: Director, tier: 1, department: adults, function: strategic-commissioning}
      - {id: AD1, title: AD Commissioning, reports_to: DIR, tier: 2, department: adults, function: operational-commissioning}
      - {id: AD2, title: AD Strategy, reports_to: DIR, tier: 2, department: adults, function: strategic-commissioning}
      - {id: AD3, title: AD Business Support, reports_to: DIR, tier: 2, department: adults, function: support}
      - {id: AD4, title: AD Finance, reports_to: DIR, tier: 2, department: resources, function: support}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./functions.yaml}
    departments:
      - id: adults
      - {id: resources, kind: support}
    posts:
      - {id: DIR, title: Director, tier: 1, department: adults, function: strategic-commissioning}
      - {id: AD1, title: AD Commissioning, reports_to: DIR, tier: 2, department: adults, function: operational-commissioning}
      - {id: AD2, title: AD Provider Services, reports_to: DIR, tier: 2, department: adults, function: provider}
      - {id: AD3, title: AD Business Support, reports_to: DIR, tier: 2, department: adults, function: support}
      - {id: AD4, title: AD Finance, reports_to: DIR, tier: 2, department: resources, function: support}
    ```

    where `functions.yaml` is:

    ```yaml ruleset functions.yaml
    orglint-ruleset: 1
    name: functions
    extends: [core]
    rules:
      C101:
        required-functions: [strategic-commissioning, operational-commissioning, provider]
        department-kinds: [service]
    ```
    """

    basis = "Leicestershire ODP, 'Overview of Key Service Areas': 'Each service department will have the following broad outline structure': Strategic Commissioning, Operational Commissioning, Provider Services"
    fix = "Classify the posts that do the missing work (`function:`), or add them."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        checked = checks_department(context, self.settings)
        held: dict[str, set[str]] = {}
        for post in context.graph.posts.values():
            if post.department is not None and post.function is not None:
                held.setdefault(post.department, set()).add(post.function)
        for department in context.structure.departments:
            if not checked(department.id):
                continue
            functions = held.get(department.id, set())
            for function in self.settings.required_functions:
                if function not in functions:
                    yield self.finding(
                        context.value_span(department, "id"),
                        f"department {department.id!r} has no {function.replace('-', ' ')} post",
                        department=department.id,
                    )
