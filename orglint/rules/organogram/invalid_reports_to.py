from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.model.organogram import TOP
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import TOPS, OrganogramRule, References, live, posts


class InvalidReportsTo(OrganogramRule, code="T103", name="invalid-reports-to", severity=Severity.ERROR):
    """A senior post's "Reports to Senior Post" is blank, or names no senior post.

    ## What it does
    Checks every senior row's `Reports to Senior Post` as the publication validator does: it
    must be given, and must be `XX` (a top post) or the `Post Unique Reference` of a senior row.
    The reference must match exactly (the validator's tree check compares case by case; a
    reference that differs only in case from a post's says which it may mean), and name a post
    that still exists: an eliminated post (Name `Eliminated`) is set aside, so reporting to it
    is an error, except on the rows of eliminated posts themselves.

    ## Why
    The reporting line is what turns the rows into an organogram. A blank or dangling reference
    leaves the post, and everyone under it, detached from the published tree.

    ## How to fix
    Give the reference of the post it reports to, or `XX` for the top post. A misspelt
    reference is the usual cause: check the manager's row.

    ## Example
    Failing: `DIR-A` reports to `CE0`, which is no post, `DIR-B`'s line is blank, and `DIR-C`
    reports to `ceo`, which differs in case from `CEO`.

    ```csv senior fails=J3,J4,J5
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CE0,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,ceo,1,0,0
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```
    """

    validator_says = "'The Reports to Senior Post value must match one of the values in Post Unique Reference (column A) or be XX'; 'Senior post reporting to unknown senior post' (eliminated posts set aside)"
    schema_says = "'Reports to Senior Post', 'The most senior post should put 'XX'. Cannot be left blank.'"
    fix = "Give the manager's Post Unique Reference exactly as its row writes it, or XX for the top post."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        references = References(organogram)
        in_column = {reference.casefold() for _, _, reference in references.rows}
        for table, row, _ in posts(organogram):
            manager = table.value(row, "reports_to")
            if not manager:
                yield self.at(table, row, "reports_to", "Reports to Senior Post is blank: give the manager's reference, or XX")
            elif manager == TOP:
                continue
            elif manager.casefold() not in in_column:  # the row check: any row's reference, case aside
                hint = ": write XX in capitals for a top post" if manager.upper() == TOP else ""
                yield self.at(table, row, "reports_to", f"{manager!r} is not the reference of any senior post{hint}")
            elif live(table, row) and manager not in TOPS and (why := references.unknown(manager)):
                yield self.at(table, row, "reports_to", why)  # the tree check: live posts, case by case
