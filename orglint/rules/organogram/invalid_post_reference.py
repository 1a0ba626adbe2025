import re
from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_IN_POST, TOP, OrganogramRule, senior_rows

_ALLOWED = re.compile(r"^[A-Za-z0-9-]+$")


class InvalidPostReference(OrganogramRule):
    """A senior post's Post Unique Reference is blank, "XX", or has spaces or punctuation.

    ## What it does
    Checks the `Post Unique Reference` of every senior staff row: it must be given, must not be
    `XX` (which means "the top" in `Reports to Senior Post`), and may hold only letters, digits
    and `-`. The reference `0` (people paid but not in a post) is allowed.

    ## Why
    The reference is the key every other row's `Reports to Senior Post` points at; the
    publication schema allows only letters, digits and hyphens, so that references survive
    every export and the data.gov.uk tool can join the rows into a tree.

    ## How to fix
    Give the post a reference such as `DIR-OPS-01`: no spaces, no `/`, `.` or `&`.

    ## Example
    Failing: `CEO 1` has a space and `DIR/B` a slash.

    ```csv senior fails=A2,A4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO 1,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO 1,1,100000,104999
    DIR/B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO 1,1,N/D,N/D
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    ```
    """

    code = "T101"
    name = "invalid-post-reference"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Post Unique Reference', allowed characters"
    fix = "Use letters, digits and '-' only; not blank, not 'XX'."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            reference = table.value(row, "reference")
            if reference == NOT_IN_POST:
                continue
            if not reference:
                yield self.at(table, row, "reference", "the Post Unique Reference is blank")
            elif reference.upper() == TOP:
                yield self.at(
                    table, row, "reference", f"{reference!r} means 'the top' and cannot be a post's reference", post=None
                )
            elif not _ALLOWED.match(reference):
                bad = sorted({character for character in reference if not (character.isalnum() or character == "-")})
                shown = ", ".join("a space" if c == " " else repr(c) for c in bad)
                yield self.at(
                    table, row, "reference", f"reference {reference!r} contains {shown}: only letters, digits and '-' are allowed"
                )
