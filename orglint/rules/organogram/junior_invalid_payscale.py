from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, OrganogramRule, junior_rows, number, shown


class JuniorInvalidPayscale(OrganogramRule):
    """A junior staff row's payscale is not a pair of amounts, minimum no higher than maximum.

    ## What it does
    Checks `Payscale Minimum (£)` and `Payscale Maximum (£)` on each junior row: both
    amounts, and the minimum no higher than the maximum.

    ## Why
    Junior pay is published as the payscale of the grade; a reversed or missing scale
    misstates what the posts cost.

    ## How to fix
    Give the grade's payscale, lowest point first.

    ## Example
    Failing: the first row's scale is reversed; the second's maximum is not an amount.

    ```csv junior fails=F2,F3
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,36000,30000,Operations Manager,4
    Example Agency,Policy,DIR-B,SEO,36000,N/D,Policy Adviser,2.5
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    ```

    Passing:

    ```csv junior
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,30000,36000,Operations Manager,4
    Example Agency,Policy,DIR-B,SEO,36000,42000,Policy Adviser,2.5
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    DIR-D,Ann Lee,SCS1,Director of Digital,Runs digital,Example Agency,Digital,0300 123 4567,digital@example.gov.uk,CEO,1,90000,94999
    ```
    """

    code = "T115"
    name = "junior-invalid-payscale"
    severity = Severity.ERROR
    basis = BASIS.format(table="junior") + ": 'Payscale Minimum (£)' and 'Payscale Maximum (£)'"
    fix = "Give the grade's payscale as two amounts, minimum first."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in junior_rows(organogram):
            low, high = table.value(row, "pay_min"), table.value(row, "pay_max")
            minimum, maximum = number(low), number(high)
            if minimum is None:
                yield self.at(table, row, "pay_min", f"the payscale minimum {shown(low)} is not an amount")
            if maximum is None:
                yield self.at(table, row, "pay_max", f"the payscale maximum {shown(high)} is not an amount")
            if minimum is not None and maximum is not None and minimum > maximum:
                yield self.at(table, row, "pay_max", f"the payscale maximum £{maximum:,.0f} is below the minimum £{minimum:,.0f}")
