from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.rules.organogram._table_rule import OrganogramRule


class JuniorInvalidPayscale(OrganogramRule, code="T115", name="junior-invalid-payscale", severity=Severity.ERROR, table="junior"):
    """A junior staff row's payscale is not a pair of amounts, minimum no higher than maximum.

    ## What it does
    Checks `Payscale Minimum (£)` and `Payscale Maximum (£)` on each junior row. The
    publication validator rejects a cell that is not a number, `N/A` or `N/D` (it reads any
    spelling whose letters are N A or N D, and a blank as N/A): an error. The organogram
    schema asks for more, and that is a warning: an amount in each (no blank, no N/A or N/D),
    the minimum no higher than the maximum.

    ## Why
    Junior pay is published as the payscale of the grade; a reversed or missing scale
    misstates what the posts cost.

    ## How to fix
    Give the grade's payscale, lowest point first.

    ## Example
    Failing: the first row's scale is reversed and the second's maximum is N/D (warnings); the
    third's minimum is text.

    ```csv junior fails=F2,F3,E4
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,36000,30000,Operations Manager,4
    Example Agency,Policy,DIR-B,SEO,36000,N/D,Policy Adviser,2.5
    Example Agency,Policy,DIR-B,EO,band-5,30000,Caseworker,3
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```

    Passing: each scale in order, minimum first.

    ```csv junior
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,30000,36000,Operations Manager,4
    Example Agency,Policy,DIR-B,SEO,36000,42000,Policy Adviser,2.5
    Example Agency,Policy,DIR-B,EO,26000,30000,Caseworker,3
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    DIR-D,Ann Lee,SCS1,Director of Digital,Runs digital,Example Agency,Digital,0300 123 4567,digital@example.gov.uk,CEO,1,90000,94999
    ```
    """

    validator_says = "'Expected numeric values in column Payscale Minimum (£) (or N/A or N/D)', likewise the maximum"
    schema_says = "'Payscale Minimum (£)', 'Lowest annual pay for this grade, according to the payscale', 'Payscale Maximum (£)', 'Highest annual pay', both required whole numbers"
    fix = "Give the grade's payscale as two amounts, minimum first."

    def check_junior_row(self, table: MappedTable, row: TableRow) -> Iterator[Diagnostic]:
        amounts = []
        for key, what in (("pay_min", "payscale minimum"), ("pay_max", "payscale maximum")):
            cell, finding = self.read_amount(table, row, key, what, words=())
            amounts.append(cell.value)
            if finding is not None:
                yield finding
        minimum, maximum = amounts
        yield from self.range_reversed(
            table, row, "pay_max", (minimum, maximum), ("payscale maximum", "minimum"), "the lowest and highest pay of the grade"
        )
