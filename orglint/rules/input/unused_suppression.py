from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.suppression_comments import CODE, COMMENT
from orglint.rules import CheckContext, Rule
from orglint.text_edits import SourceText, TextEdit


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
    Delete the comment, or the stale code from it. This rule is fixable: `orglint check --fix`
    removes a code that suppressed nothing, or names an input rule, from its comment, and the
    whole comment (with its line, if nothing else is on it) once no code is left. A code that
    names no rule is left for you: it may be a misspelling of the rule it was meant to hide.

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
    fixable = True  # the stale code removed, or the whole comment once none is left

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        return iter(())

    def fix_edits(self, finding: Diagnostic, source: SourceText) -> list[TextEdit]:
        """The stale code (the finding's span) out of its comment's list, with one comma; the
        whole comment, and the spaces before it, if it was the only code (its whole line, if
        nothing else is on it)."""
        if finding.replacement is None:
            return []
        line = finding.span.line
        line_start, line_end = source.line_start(line), source.line_end(line)
        text = source.text[line_start:line_end]
        column = finding.span.column - 1
        comment = next((m for m in COMMENT.finditer(text) if m.start("codes") <= column < m.end("codes")), None)
        if comment is None:
            return []
        codes = [
            (code.start() + comment.start("codes"), code.end() + comment.start("codes"))
            for code in CODE.finditer(comment["codes"])
        ]
        index = next((i for i, (start, _) in enumerate(codes) if start == column), None)
        if index is None:
            return []
        if len(codes) > 1:  # this code and the comma after it (before it, for the last code)
            start, end = (
                (codes[index][0], codes[index + 1][0]) if index + 1 < len(codes) else (codes[index - 1][1], codes[index][1])
            )
            return [TextEdit(line_start + start, line_start + end, "")]
        before = text[: comment.start()]
        if not before.strip():
            return [TextEdit(line_start, source.next_line_start(line), "")]
        return [TextEdit(line_start + len(before.rstrip(" \t")), line_end, "")]
