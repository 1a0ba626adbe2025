from orglint.diagnostics import Severity
from orglint.rules import InputRule


class IncludeOutsideRepository(InputRule, code="X004", name="include-outside-repository", severity=Severity.ERROR):
    """An `include:` pattern, or a linked file, leads outside the project root.

    ## What it does
    Reports an `include:` pattern that is an absolute path, or that reaches (through `..` or a
    symbolic link) a file or folder outside the structure's *project root*: the nearest folder
    above the root file that holds `.git`, else the root file's own folder. It also reports a
    structure file or organogram table that is a symbolic link to a file outside its project
    root. What lies outside is never opened: no text of it is printed and no post of it is merged.
    The finding cannot be suppressed.

    ## Why
    orglint runs in CI on pull requests from people the maintainers may not know. A structure
    that could include `/home/runner/.ssh/config` or `../../secrets.yaml` would have orglint print
    the first lines of those files in its findings, into a public CI log. A repository is linted
    as itself, and nothing outside it.

    ## How to fix
    Write include patterns relative to the root file, reaching only files inside the repository;
    copy a shared file into the repository instead of linking to it from outside.

    ## Example
    Failing: an absolute pattern, and one that climbs out of the repository.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    include:
      - /etc/orglint/*.yaml        # <- X004
      - ../../shared/*.yaml        # <- X004
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
    ```

    Passing: the department's file lies beside the root file,

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    include: [finance.yaml]
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
    ```

    in `finance.yaml`:

    ```yaml file finance.yaml
    orglint: 1
    posts:
      - {id: FIN1, title: Head of Finance, reports_to: CE, tier: 2}
      - {id: FIN2, title: Head of Revenues, reports_to: CE, tier: 2}
      - {id: FIN3, title: Head of Audit, reports_to: CE, tier: 2}
    ```
    """

    basis = "orglint untrusted repositories (docs/security.md): nothing outside the project root is read"
    fix = "Include only files inside the repository, with patterns relative to the root file."
