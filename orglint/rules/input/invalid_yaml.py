from orglint.diagnostics import Severity
from orglint.rules import InputRule


class InvalidYaml(InputRule, code="X001", name="invalid-yaml", severity=Severity.ERROR):
    """The file is not valid YAML, or not text at all.

    ## What it does
    Reports, at the line and column of the fault, a file that does not parse as one YAML
    document: syntax errors, tabs used for indentation, a key given twice in one mapping, an
    unknown alias or an alias bomb, a tag that would construct an object (`!!python/object`),
    a second document, bytes that are not UTF-8, a binary file. A CSV file or a workbook that
    cannot be read as a table is this finding too, citing the format it should have been in
    (CSV, or an Excel workbook) and how to save it so, rather than YAML.

    ## Why
    A structure that does not parse cannot be checked at all, and a key given twice is
    silently lost by most YAML readers: the second `title:` wins and nobody notices.
    orglint reads YAML safely: it never constructs objects from tags, so a hostile file can
    do nothing but get this finding.

    ## How to fix
    Go to the line and column shown and correct the YAML there. Indent with spaces, quote
    values that contain `: `, and give each key once per mapping.

    ## Example
    Failing: `title` is given twice for one post.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - id: CE
        title: Chief Executive
        title: Head of Paid Service   # <- X001
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - id: CE
        title: Chief Executive
    ```
    """

    basis = "YAML 1.2 (one document per file, unique keys); orglint structure format 1 (docs/structure-format.md)"
    fix = "Correct the YAML at the line and column shown."
