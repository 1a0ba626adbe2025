from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import NO_BLANK, OrganogramRule, senior_rows


class InvalidSalaryCostOfReports(OrganogramRule, code="T117", name="invalid-salary-cost-of-reports", severity=Severity.ERROR):
    """A senior post's Salary Cost of Reports is not an amount, N/A or N/D.

    ## What it does
    Checks `Salary Cost of Reports (£)` on each senior row, where the table has the column.
    The publication validator rejects a cell that is not a number, `N/A` or `N/D` (it reads
    any spelling whose letters are N A or N D, and a blank as N/A): an error. The organogram
    schema asks for more, and that is a warning: a "Postitive or zero number", and "Cannot be
    left blank - if none write 0" (so no blank, N/A or N/D either).

    ## Why
    The cost of the staff under each senior post is part of what the publication discloses;
    text there stops the publication altogether.

    ## How to fix
    Give the total salary cost of the post's reports in pounds, or `0` if it has none.

    ## Example
    Failing: `DIR-A`'s cost is text; `DIR-B`'s is blank (a warning).

    ```csv senior fails=K3,K4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1250000,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,about a million,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,,1,N/D,N/D
    ```

    Passing: costs in pounds (pence are fine), `0` for posts without reports.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    HEAD,Lee Park,SCS2,Head of the Office,Runs the office,Example Office,Executive,0300 200 1000,head@example.gov.uk,XX,2400000,1,120000,124999
    CASE,Ann Lee,SCS1,Head of Casework,Decides appeals,Example Office,Casework,0300 200 1000,casework@example.gov.uk,HEAD,1310000.50,1,85000,89999
    POL,Vacant,SCS1,Head of Policy,Sets policy,Example Office,Policy,N/A,N/A,HEAD,0,1,0,0
    OPS,Kim Roe,SCS1,Head of Operations,Runs the estate,Example Office,Operations,0300 200 1002,ops@example.gov.uk,HEAD,0,1,90000,94999
    ```
    """

    validator_says = "'Expected numeric values in column Salary Cost of Reports (£) (or N/A or N/D)'"
    schema_says = "'Salary Cost of Reports (£)', 'Postitive or zero number. Cannot be left blank - if none write 0.'"
    fix = "Give the salary cost of the post's reports in pounds, 0 if none."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        if organogram.senior is None or "cost_of_reports" not in organogram.senior.columns:
            return  # an optional column: a table without it has nothing to judge
        for table, row in senior_rows(organogram):
            cell, finding = self.read_amount(table, row, "cost_of_reports", "salary cost of reports", NO_BLANK, words=())
            if finding is not None:
                yield finding
            elif cell.value is not None and cell.value < 0:
                yield self.schema_asks(
                    table,
                    row,
                    "cost_of_reports",
                    f"the salary cost of reports is £{cell.value:,.0f}: the organogram schema asks for a 'Postitive or "
                    "zero number'",
                )
