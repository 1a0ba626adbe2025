from orglint.diagnostics import Severity
from orglint.rules import InputRule


class InvalidStructure(InputRule):
    """The file parses but breaks the structure format.

    ## What it does
    Checks every file of a structure against format 1 (SPEC §3) and reports each field at
    fault where it stands: an unknown key (with the key it was probably meant to be), a
    required key missing (every post needs `id` and `title`), a value of the wrong kind
    (`tier: two`, `fte: 0`, a salary whose `min` is above its `max`), an include pattern that
    matches nothing, a named file that is not a structure at all.

    ## Why
    A misspelt key such as `reprots_to` is not an error to YAML, so without this check the
    post would silently have no manager. orglint reports it instead, keeps the rest of the
    post, and goes on checking everything else.

    ## How to fix
    Correct the key or value shown; the message says what was expected. The JSON Schema in
    `schemas/structure.schema.json` gives editors completion for every key.

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
    ```
    """

    code = "X002"
    name = "invalid-structure"
    severity = Severity.ERROR
    basis = "orglint structure format 1 (SPEC §3)"
    fix = "Correct the key or value shown; the message says what was expected."
