from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_IN_POST, TOP, OrganogramRule, senior_rows


class InvalidReportsTo(OrganogramRule):
    """A senior post's "Reports to Senior Post" is blank, or names no senior post.

    ## What it does
    Checks every senior row's `Reports to Senior Post`: it must be given, and must be `XX` (a
    top post) or the `Post Unique Reference` of another senior row.

    ## Why
    The reporting line is what turns the rows into an organogram. A blank or dangling reference
    leaves the post, and everyone under it, detached from the published tree.

    ## How to fix
    Give the reference of the post it reports to, or `XX` for the top post. A misspelt
    reference is the usual cause: check the manager's row.

    ## Example
    Failing: `DIR-A` reports to `CE0`, which is no post, and `DIR-B`'s line is blank.

    ```csv senior fails=J3,J4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CE0,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,,1,N/D,N/D
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

    code = "T103"
    name = "invalid-reports-to"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Reports to Senior Post', a post's reference or 'XX', never blank"
    fix = "Give the manager's Post Unique Reference, or XX for the top post."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        references = {table.value(row, "reference") for table, row in senior_rows(organogram)} - {"", NOT_IN_POST}
        for table, row in senior_rows(organogram):
            manager = table.value(row, "reports_to")
            if not manager:
                yield self.at(table, row, "reports_to", "Reports to Senior Post is blank: give the manager's reference, or XX")
            elif manager.upper() != TOP and manager not in references:
                yield self.at(table, row, "reports_to", f"{manager!r} is not the reference of any senior post")
