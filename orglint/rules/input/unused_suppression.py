from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class UnusedSuppression(Rule, code="X003", name="unused-suppression", severity=Severity.WARNING):
    """An inline suppression comment suppresses nothing, or names no rule.

    ## What it does
    Reports a `# orglint: ignore[CODE]` (or `ignore-file[CODE]`) comment whose code suppressed no
    finding in this run, or names no rule at all, or names an input rule (X001, X002, X004),
    whose findings are never suppressed. A code for a rule that did not run (not in the
    ruleset, or deselected) is not reported: the comment may be for another configuration.
    The finding names, as its `post`, the post whose lines the comment is on.
    These findings are made after every other rule has run, since only then is it known which
    comments were used; `check` itself has nothing to add.

    ## Why
    A suppression records a decision: "we know, and here is why". Once the finding is gone (the
    structure was fixed) the comment is stale and would silently hide the next, different
    problem on that line.

    ## How to fix
    Delete the comment, or the stale code from it.

    ## Example
    Failing: nothing on this post is a one-over-one.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: AD, reports_to: CE, tier: 2}   # orglint: ignore[D103] -- interim   # <- X003
      - {id: AD2, title: AD, reports_to: CE, tier: 2}
      - {id: AD3, title: AD, reports_to: CE, tier: 2}
    ```

    Passing: the suppression hides a real finding, with its reason.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: AD, reports_to: CE, tier: 2}   # orglint: ignore[D103] -- interim, until the restructure
      - {id: AD2, title: AD, reports_to: CE, tier: 2}
      - {id: AD3, title: AD, reports_to: CE, tier: 2}
      - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}
    ```
    """

    basis = "orglint inline suppressions (docs/structure-format.md): unused suppressions are reported"
    fix = "Delete the stale suppression comment, or the stale code from it."
    judges_other_rules = True

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        return iter(())
