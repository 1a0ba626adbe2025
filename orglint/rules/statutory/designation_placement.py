from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.rules import CheckContext, Rule, RuleSettings


class PostSelector(RuleSettings):
    """Which posts: every key given must match (role as the policy resolves it, tier, department, id)."""

    role: str | None = None
    tier: int | None = None
    department: str | None = None
    post: str | None = None

    def matches(self, post: Post, context: CheckContext) -> bool:
        return (
            (self.role is None or context.role_of(post) == self.role)
            and (self.tier is None or post.tier == self.tier)
            and (self.department is None or post.department == self.department)
            and (self.post is None or post.id == self.post)
        )

    def __str__(self) -> str:
        parts = [f"{key} {value}" for key, value in self.model_dump(exclude_none=True).items()]
        return "a post with " + " and ".join(parts) if parts else "any post"


class Placement(RuleSettings):
    designation: str
    on: PostSelector = PostSelector()
    count: int = Field(default=1, ge=1, description="How many posts matching `on` must hold it.")


class DesignationPlacementSettings(RuleSettings):
    placements: list[Placement] = Field(min_length=1)


class DesignationPlacement(
    Rule[DesignationPlacementSettings], code="L113", name="designation-placement", severity=Severity.ERROR
):
    """A designation the ruleset places on particular posts is missing from them, or held elsewhere.

    ## What it does
    For each of the ruleset's `placements` (a designation, the posts it belongs `on`, and how
    many of them must hold it), reports a post outside `on` that holds the designation (at the
    designation), a post in `on` beyond the `count`, and, when no holder is misplaced, too few
    holders (at the `organisation` key).

    ## Why
    Councils decide where statutory and senior designations sit, and structures drift from it.
    Carlisle's report CE 21/09 decided that "one of the two Strategic Directors will be
    designated 'Deputy Chief Executive'", that "the post of Assistant Director for Resources has
    the responsibility of being the 'Section 151 Officer'" and that "the post of Assistant
    Director for Governance has the responsibility of being the Monitoring Officer";
    `carlisle-2009` holds those decisions as placements.

    ## How to fix
    Move the designation to the post the ruleset names, or change the ruleset if the council
    has decided otherwise.

    ## Example
    Failing (with the placements below): the monitoring officer is on the Resources AD.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./placed.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Governance, reports_to: CE, tier: 2, department: governance, designations: [chief-finance-officer], qualifications: [CIPFA]}   # <- L113
      - {id: AD2, title: AD Resources, reports_to: CE, tier: 2, department: resources, designations: [monitoring-officer]}   # <- L113
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    departments: [{id: governance}, {id: resources}]
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./placed.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Governance, reports_to: CE, tier: 2, department: governance, designations: [monitoring-officer]}
      - {id: AD2, title: AD Resources, reports_to: CE, tier: 2, department: resources, designations: [chief-finance-officer], qualifications: [CIPFA]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    departments: [{id: governance}, {id: resources}]
    ```

    where `placed.yaml` is:

    ```yaml ruleset placed.yaml
    orglint-ruleset: 1
    name: placed
    extends: [uk-local-government]
    rules:
      L113:
        placements:
          - {designation: chief-finance-officer, on: {tier: 2, department: resources}}
          - {designation: monitoring-officer, on: {tier: 2, department: governance}}
    ```
    """

    basis = "The council's own decision where its statutory officers sit, given as the ruleset's `placements` (a council ruleset cites its decision)"
    fix = "Move the designation to the post the ruleset names."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for placement in self.settings.placements:
            designation, name = placement.designation, context.policy.designation_name(placement.designation)
            placed: list[Post] = []
            misplaced = 0
            for post in context.holders(designation):
                if not placement.on.matches(post, context):
                    misplaced += 1
                    yield self.finding(
                        context.designation_span(post, designation),
                        f"{post.id!r} is designated {name}, which the ruleset places on {placement.on}",
                        post=post.id,
                        designations=(designation,),
                    )
                else:
                    placed.append(post)
            for post in placed[placement.count :]:
                yield self.finding(
                    context.designation_span(post, designation),
                    f"{post.id!r} is one {name} too many: the ruleset places {placement.count} on {placement.on}",
                    post=post.id,
                    designations=(designation,),
                )
            # a misplaced holder's finding says where it belongs; an entry naming the designation
            # within a job title is its X002's
            if len(placed) < placement.count and not misplaced and not context.named_in_unknown_entry(designation):
                yield self.finding(
                    context.structure.organisation_span(),
                    f"{len(placed)} of the {placement.count} {name} designation(s) the ruleset places on {placement.on} are made",
                )
