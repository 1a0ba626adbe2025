from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import UNDISCLOSED
from orglint.rules.organogram._table_rule import OrganogramRule


class MissingJobTitleOrFunction(OrganogramRule, code="T116", name="missing-job-title-or-function", severity=Severity.ERROR):
    """A senior post's Job Title or Job/Team Function is blank.

    ## What it does
    Checks that each senior row gives its `Job Title` and its `Job/Team Function`, as the
    publication validator does. A title of `N/D`, which the validator accepts, is a warning:
    the organogram schema says the title "Cannot be blank or "N/D"". (Which title and function
    a reference-0 row takes is T108's.)

    ## Why
    The title and function say what the post is for; the published organogram shows them on
    every post, and the validator refuses a row without them.

    ## How to fix
    Give the post's title and a line on what its team does (`Not in post` and `N/A` for a
    reference-0 row).

    ## Example
    Failing: `DIR-A` has no title, `DIR-B` no function, and `DIR-C`'s title is withheld (a
    warning).

    ```csv senior fails=D3,E4,D5
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,N/D,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```

    Passing: every post has both; a reference-0 row's are `Not in post` and `N/A`.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    HEAD,Lee Park,SCS2,Head of the Office,Runs the office,Example Office,Executive,0300 200 1000,head@example.gov.uk,XX,1,120000,124999
    CASE,N/D,SCS1,Head of Casework,Decides appeals,Example Office,Casework,0300 200 1000,casework@example.gov.uk,HEAD,1,N/D,N/D
    POL,Vacant,SCS1,Head of Policy,Sets policy,Example Office,Policy,N/A,N/A,HEAD,1,0,0
    OPS,Kim Roe,SCS1,Head of Operations,Runs the estate,Example Office,Operations,0300 200 1002,ops@example.gov.uk,HEAD,1,90000,94999
    0,N/D,SCS1,Not in post,N/A,Example Office,N/A,N/A,N/A,HEAD,1,N/D,N/D
    ```
    """

    validator_says = "'The Job Title cannot be blank', 'The Job/Team Function cannot be blank'"
    schema_says = "'Job Title', 'Cannot be blank or N/D'; 'Job/Team Function', 'Cannot be left blank.'"
    fix = "Give the post's job title and its team's function."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        for key, what in (("title", "Job Title"), ("function", "Job/Team Function")):
            if not table.value(row, key):
                yield self.at(table, row, key, f"the {what} is blank: give it")
        if table.value(row, "title") == UNDISCLOSED:
            yield self.schema_asks(
                table,
                row,
                "title",
                "the Job Title is withheld (N/D): the organogram schema says it 'Cannot be blank or \"N/D\"'",
            )
