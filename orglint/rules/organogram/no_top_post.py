from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import OrganogramRule, has_top, senior_rows, tops


class NoTopPost(OrganogramRule, code="T104", name="no-top-post", severity=Severity.ERROR):
    """No senior post reports to "XX": the organogram has no top.

    ## What it does
    Looks for at least one senior row whose `Reports to Senior Post` is `XX` (or `xx`), leaving
    out eliminated posts (Name `Eliminated`) as the publication validator does, and reports the
    column's header when there is none, also when the senior table has a header and no rows.
    The validator cannot draw such a file at all. Several top posts are allowed (a board, say).

    ## Why
    `XX` marks where the tree starts. Without it every post reports to another and the
    published organogram has no root to draw from.

    ## How to fix
    Write `XX` in `Reports to Senior Post` for the most senior post (or posts).

    ## Example
    Failing: the chief executive reports to a post in the table, and the only post reporting
    to `XX` has been eliminated.

    ```csv senior fails=J1
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,DIR-A,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    OLD-CEO,Eliminated,SCS3,Chief Executive,Led the agency,Example Agency,Executive,N/A,N/A,XX,1,0,0
    ```

    Passing: the chief executive reports to `XX`.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    OLD-CEO,Eliminated,SCS3,Chief Executive,Led the agency,Example Agency,Executive,N/A,N/A,XX,1,0,0
    ```
    """

    validator_says = (
        "'Could not find a senior post with Reports to Senior Post value of XX (i.e. the top role)' (eliminated posts set aside)"
    )
    schema_says = "'The most senior post should put 'XX''"
    fix = "Write XX in Reports to Senior Post for the most senior post."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        senior = organogram.senior
        if senior is None:  # unreadable, or a column missing: X001/X002 say so
            return
        if has_top(organogram):
            return
        span = senior.table.cell_span(senior.table.header_row, senior.columns.get("reports_to"))
        if not any(senior_rows(organogram)):
            why = "the senior staff table has no rows"
        elif tops(organogram):
            why = "the only posts reporting to XX are eliminated"
        else:
            why = "no senior post reports to XX"
        yield self.finding(span, f"{why}: the organogram has no top post")
