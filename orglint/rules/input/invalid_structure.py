from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.policy import Policy
from orglint.rules import CheckContext, InputRule
from orglint.suggest import did_you_mean


def designation_hint(written: str, misspelt_for: str | None, policy: Policy) -> str:
    """What to say after an unknown designation: the one designation it is a typo of
    (``misspelt_for``, as ``CheckContext`` read it), or those a job title written in its place
    lists (``Policy.designations_within``), else the designations, never a guess."""
    if misspelt_for is not None:
        return did_you_mean(misspelt_for)
    within = policy.designations_within(written)
    if len(within) == 1:
        return f" (did you mean {within[0]!r}? an entry is one designation, not a job title)"
    if within:
        return f" (did you mean {' and '.join(map(repr, within))}, each an entry of its own?)"
    return f"; valid designations: {', '.join(policy.designations)}"


class InvalidStructure(InputRule, code="X002", name="invalid-structure", severity=Severity.ERROR):
    """The file parses but breaks the structure format.

    ## What it does
    Checks every file of a structure against format 1 (docs/structure-format.md) and reports each field at
    fault where it stands: an unknown key (with the key it was probably meant to be), a
    required key missing (every post needs `id` and `title`), a value of the wrong kind
    (`tier: two`, `fte: 0`, a salary whose `min` is above its `max`), a designation the ruleset
    does not know by any name (its id, its name or an alias such as `s151`, in any case and
    spacing), an include pattern that matches nothing, a named file that is not a structure at
    all. A designation is suggested only for a near miss of one designation's names; otherwise
    the message lists the designations, rather than guess at a statutory role. A near miss is
    read as the designation suggested, as a misspelt key is read as the key meant, so
    `Head of Paid Services` is this finding alone, not also "no post is designated Head of
    Paid Service" (L101). A job title written in its place, `Head of Legal and Monitoring
    Officer`, is not read as the roles it lists (each standing alone between `and`, `&`, `/`, a
    comma or parentheses), but the message names them, and that no post holds them is not a
    second finding.

    One mistake is one finding. A misspelt key whose did-you-mean names a field the record
    lacks is read as that field for every other rule, so `reprots_to: DPH` is this finding
    alone, not also a second top post (S004), tier mismatches below it (S006) and a narrow
    span on its manager (D102). A value at fault is left out alone, and the rules that would
    report it as missing say nothing of it: one bad evaluation date keeps the rest of the
    evaluation record, and is not also "no date" (E102) or "no evaluation record" (E101). A
    post whose `reports_to` value cannot be read is placed nowhere: neither a top post nor
    anyone's report, and its team's tiers are judged from its own. Input findings cannot be
    suppressed, and come first in every output.

    ## Why
    A misspelt key such as `reprots_to` is not an error to YAML, so without this check the
    post would silently have no manager. orglint reports it instead, keeps the rest of the
    post, and goes on checking everything else.

    ## How to fix
    Correct the key or value shown; the message says what was expected. This rule is fixable
    where the correction is certain: `orglint check --fix` renames an unknown key that is close
    to exactly one of the keys the format allows there, and the record does not already have
    (`grdae` becomes `grade`). Values, and keys close to several or to none, are left to you.

    ## Example
    Failing: a misspelt key and a tier below 1.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - id: CE
        title: Chief Executive
        tier: 0                # <- X002
        reprots_to: null       # <- X002
        designations: [head-of-paid-servce]   # <- X002
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - id: CE
        title: Chief Executive
        tier: 1
        reports_to: null
        designations: [head-of-paid-service]
    ```
    """

    basis = "orglint structure format 1 (docs/structure-format.md)"
    fix = "Correct the key or value shown; the message says what was expected."
    fixable = True  # a misspelt key renamed to its one close match

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        """Designations outside the ruleset's vocabulary (the rest is found while loading). Entries
        written by a name the policy knows were resolved to their ids, and typos of one
        designation read as it (``CheckContext``): these, and what names no designation, are
        reported."""
        policy = context.policy
        if not policy.designations:
            return
        for post in context.structure.posts:
            for index, written, misspelt in context.unknown_designations(post):
                # a typo was read as the designation it is one of: the post holds it at that index
                hint = designation_hint(written, post.designations[index] if misspelt else None, policy)
                yield self.finding(
                    context.value_span(post, "designations", index),
                    f"post {post.id!r}: unknown designation {written!r}{hint}",
                    post=post.id,
                )
