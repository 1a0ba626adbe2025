from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings
from orglint.rules.commissioning._functions import line_sides, side


class MixedCommissionerProviderSettings(RuleSettings):
    line_roles: list[str] = Field(min_length=1, description="Roles whose lines must stay on one side (Heads of Service).")
    lead_roles: list[str] = Field(default=[], description="Roles whose lines must stay on one side when they lead a side (ADs).")


class MixedCommissionerProvider(
    Rule[MixedCommissionerProviderSettings], code="C103", name="mixed-commissioner-provider", severity=Severity.ERROR
):
    """A Head of Service line (or a lead's line) holds both commissioning and provider posts.

    ## What it does
    Reports each post of a `line-roles` role (Heads of Service), and each post of a `lead-roles`
    role (Assistant Directors) that carries a commissioning or provider `function` itself, whose
    line (the post and everyone below it) holds both commissioning and provider posts; names one
    of each.

    ## Why
    The commissioner/provider split is the Council's "functional operational model" (Leicestershire
    ODP): those who specify and buy a service must not also manage those who deliver it. Where
    the split is made at Head of Service level, each Head of Service line must sit on one side.

    ## How to fix
    Move the posts of the other side to a line on that side, or split the line.

    ## Example
    Failing (with the ruleset below): a provider team under a commissioning Head of Service.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./lines.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: AD}
      - {id: HOS1, title: Head of Commissioning, reports_to: AD, tier: 2, grade: HOS, function: operational-commissioning}   # <- C103
      - {id: HOS2, title: Head of Provision, reports_to: AD, tier: 2, grade: HOS, function: provider}
      - {id: HOS3, title: Head of Strategy, reports_to: AD, tier: 2, grade: HOS, function: strategic-commissioning}
      - {id: TM1, title: Contracts Manager, reports_to: HOS1, tier: 3, function: operational-commissioning}
      - {id: TM2, title: Home Care Manager, reports_to: HOS1, tier: 3, function: provider}
      - {id: TM3, title: Brokerage Manager, reports_to: HOS1, tier: 3, function: operational-commissioning}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./lines.yaml}
    posts:
      - {id: AD, title: Assistant Director, tier: 1, grade: AD}
      - {id: HOS1, title: Head of Commissioning, reports_to: AD, tier: 2, grade: HOS, function: operational-commissioning}
      - {id: HOS2, title: Head of Provision, reports_to: AD, tier: 2, grade: HOS, function: provider}
      - {id: HOS3, title: Head of Strategy, reports_to: AD, tier: 2, grade: HOS, function: strategic-commissioning}
      - {id: TM1, title: Contracts Manager, reports_to: HOS1, tier: 3, function: operational-commissioning}
      - {id: TM2, title: Home Care Manager, reports_to: HOS2, tier: 3, function: provider}
      - {id: TM3, title: Brokerage Manager, reports_to: HOS1, tier: 3, function: operational-commissioning}
    ```

    where `lines.yaml` is (D102 and D103 are off: the example's teams are small):

    ```yaml ruleset lines.yaml
    orglint-ruleset: 1
    name: lines
    extends: [core]
    rules:
      D102: off
      D103: off
      C103: {line-roles: [head-of-service], lead-roles: [assistant-director]}
    policy:
      grades: {AD: {rank: 2}, HOS: {rank: 1}}
      roles:
        assistant-director: {name: Assistant Director, grades: [AD]}
        head-of-service: {name: Head of Service, grades: [HOS]}
    ```
    """

    basis = "Leicestershire ODP: the Commissioner/Provider split as the Council's functional operational model, made at AD or Head of Service level"
    fix = "Move the posts of the other side to a line on that side, or split the line."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        sides = line_sides(context)
        for post in context.graph.posts.values():
            role = context.role_of(post)
            heads_line = role in self.settings.line_roles or (role in self.settings.lead_roles and side(post) is not None)
            mixed = sides.mixed(post.id) if heads_line else None
            if mixed is not None:
                commissioner, provider = mixed
                yield self.finding(
                    context.post_span(post),
                    f"the line under {post.id!r} ({context.role_name(role)}) holds both commissioning "
                    f"({commissioner!r}) and provider ({provider!r}) posts",
                    post=post.id,
                )
