from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class FunctionNotClassifiedSettings(RuleSettings):
    roles: list[str] = Field(min_length=1, description="Roles whose posts must carry a `function`.")


class FunctionNotClassified(
    Rule[FunctionNotClassifiedSettings], code="C104", name="function-not-classified", severity=Severity.WARNING
):
    """A post that must carry a function has none.

    ## What it does
    Reports each post whose role (by job profile level, grade or tier) is one of the ruleset's
    `roles` and that has no `function`, at its `id`.

    ## Why
    The commissioner/provider split can only be checked on posts that say which side they are
    on. Leicestershire asks for "a consistent approach to formulating job roles" so that there
    is "strategic alignment to the Council's functional operational model – Commissioner/Provider
    split".

    ## How to fix
    Add `function:` (strategic-commissioning, operational-commissioning, provider or support).

    ## Example
    Failing (with the ruleset below): `HOS2` has no function.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./classified.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1}
      - {id: HOS1, title: Head of Commissioning, reports_to: AD, tier: 2, function: operational-commissioning}
      - {id: HOS2, title: Head of Provision, reports_to: AD, tier: 2}   # <- C104
      - {id: HOS3, title: Head of Strategy, reports_to: AD, tier: 2, function: strategic-commissioning}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./classified.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1}
      - {id: HOS1, title: Head of Commissioning, reports_to: AD, tier: 2, function: operational-commissioning}
      - {id: HOS2, title: Head of Provision, reports_to: AD, tier: 2, function: provider}
      - {id: HOS3, title: Head of Strategy, reports_to: AD, tier: 2, function: strategic-commissioning}
    ```

    where `classified.yaml` is:

    ```yaml ruleset classified.yaml
    orglint-ruleset: 1
    name: classified
    extends: [core]
    rules:
      C104: {roles: [head-of-service]}
    policy:
      roles:
        assistant-director: {name: Assistant Director}
        head-of-service: {name: Head of Service}
      tiers: {1: {role: assistant-director}, 2: {role: head-of-service}}
    ```
    """

    basis = "Leicestershire ODP: job roles aligned to the functional operational model, the Commissioner/Provider split"
    fix = "Add `function:` (strategic-commissioning, operational-commissioning, provider or support)."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        roles = set(self.settings.roles)
        for post in context.graph.posts.values():
            role = context.role_of(post)
            if post.function is None and role in roles:
                yield self.finding(
                    context.post_span(post),
                    f"{post.id!r} ({context.role_name(role)}) has no function: commissioning, provider or support?",
                    post=post.id,
                )
