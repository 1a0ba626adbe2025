from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class DesignationAlias(Rule, code="L115", name="designation-alias", severity=Severity.INFO):
    """A designation is written by another of its names, not by its id.

    ## What it does
    Reports each entry of a post's `designations`, in a structure file, that names a designation
    by its name or an alias (`s151`, `Monitoring Officer`, `CFO`, `chief finance officer`) rather
    than by its id (`chief-finance-officer`). The ruleset says which names mean which designation
    (its policy's `designations` and `designation-aliases`). An entry that names no designation
    is X002's; an entry in a workbook or organogram is not reported, since tables write a role by
    its name as a matter of course.

    Aliases are valid (docs/structure-format.md), so no built-in ruleset enables this rule:
    select it (`--extend-select L115`, `extend-select` in the configuration, or `L115: info` in
    a ruleset) to have every designation written one way.

    ## Why
    Every name is read the same, so this is not a fault, only a note. But one spelling per
    designation is what a reader (or a search across a hundred structures for the s151 officer)
    can rely on, and an alias means what the ruleset that reads it says: `MO` is the monitoring
    officer under `core`, and could be something else under another ruleset.

    ## How to fix
    Write the designation's id. This rule is fixable: `orglint check --fix --extend-select L115`
    rewrites each such entry to the id.

    ## Example
    Failing: the s151 officer and the monitoring officer written by other names.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [s151]}   # <- L115
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [Monitoring Officer]}   # <- L115
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2}
    ```
    """

    basis = "orglint structure format 1 (docs/structure-format.md#designations): a designation's id names it; other names are read for it"
    fix = "Write the designation's id."
    fixable = True  # the entry rewritten to the id its name means

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        policy = context.policy
        for post in context.structure.posts:
            written = post.origin.get("designations") if isinstance(post.origin, dict) else None
            if not isinstance(written, list) or len(written) != len(post.designations):
                continue
            misspelt = context.misspelt_designations.get(id(post), {})  # X002's, with their did-you-mean
            for index, (entry, designation) in enumerate(zip(written, post.designations, strict=True)):
                if (
                    not isinstance(entry, str)
                    or entry == designation
                    or designation not in policy.designations
                    or index in misspelt
                ):
                    continue
                span = context.value_span(post, "designations", index)
                if span.header is not None:  # a table's cell
                    continue
                yield self.finding(
                    span,
                    f"designation {entry!r} is written by another name: its id is {designation!r}",
                    post=post.id,
                    designations=(designation,),
                    replacement=designation,
                )
