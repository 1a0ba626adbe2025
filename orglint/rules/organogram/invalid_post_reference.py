from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.model.organogram import NOT_IN_POST, TOP
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import OrganogramRule, senior_rows

PUNCTUATION = frozenset("¬!\"£$%^&()+={}[]:;@'#<>,.\\/")
"""The characters the publication validator refuses in a reference (besides spaces)."""


def _listed(characters: set[str]) -> str:
    return ", ".join("a space" if c == " " else repr(c) for c in sorted(characters))


class InvalidPostReference(OrganogramRule, code="T101", name="invalid-post-reference", severity=Severity.ERROR):
    """A senior post's Post Unique Reference is blank, holds "XX", or has spaces or punctuation.

    ## What it does
    Checks the `Post Unique Reference` of every senior staff row, as the publication validator
    does: it must be given, must not contain `XX` (which means "the top" in `Reports to Senior
    Post`), and must not contain a space or any of ``¬ ! " £ $ % ^ & ( ) + = { } [ ] : ; @ ' #
    < > , . \\ /``. The reference `0` (people paid but not in a post) is allowed. Other
    characters the validator accepts, such as `_`, are a warning: the organogram schema allows
    only letters and `-` ("Allowed chars 'A-Za-z-'"; digits are let through, as the schema's own
    `0` and the template's numeric references are).

    ## Why
    The reference is the key every other row's `Reports to Senior Post` points at; the
    validator refuses a file whose references could be confused with `XX` or mangled by an
    export, and the data.gov.uk tool cannot then join the rows into a tree.

    ## How to fix
    Give the post a reference such as `DIR-OPS-01`: no spaces, no `/`, `.` or `&`, no `XX`.

    ## Example
    Failing: `CEO 1` has a space, `DIR/B` a slash and `DIR_C` an underscore (a warning).

    ```csv senior fails=A2,A4,A5
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO 1,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO 1,1,100000,104999
    DIR/B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO 1,1,N/D,N/D
    DIR_C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO 1,1,0,0
    ```

    Passing: the references use letters, digits and hyphens only.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO-1,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO-1,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO-1,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO-1,1,0,0
    ```
    """

    validator_says = "'You cannot have XX in the Post Unique Reference column', nor spaces or punctuation/symbols"
    schema_says = "'Post Unique Reference', 'Allowed chars 'A-Za-z-''"
    fix = "Use letters, digits and '-' only; not blank, no 'XX'."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            reference = table.value(row, "reference")
            if reference == NOT_IN_POST:
                continue
            if not reference:
                yield self.at(table, row, "reference", "the Post Unique Reference is blank")
            elif TOP in reference:
                yield self.at(
                    table, row, "reference", f"reference {reference!r} contains {TOP!r}, which means 'the top'", post=None
                )
            elif refused := {c for c in reference if c == " " or c in PUNCTUATION}:
                yield self.at(
                    table, row, "reference", f"reference {reference!r} contains {_listed(refused)}: no spaces or punctuation"
                )
            elif odd := {c for c in reference if not ((c.isascii() and c.isalnum()) or c == "-")}:
                yield self.schema_asks(
                    table,
                    row,
                    "reference",
                    f"reference {reference!r} contains {_listed(odd)}: the organogram schema asks for letters, digits "
                    "and '-' only",
                )
