from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import NO_BLANK, OrganogramRule, senior_rows

BAND = 5000


class InvalidPayRange(OrganogramRule, code="T111", name="invalid-pay-range", severity=Severity.ERROR):
    """A senior post's pay floor or ceiling is not an amount, N/A or N/D, or not a £5,000 band.

    ## What it does
    Checks `Actual Pay Floor (£)` and `Actual Pay Ceiling (£)` on each senior row. The
    publication validator rejects a cell that is not a number, `N/A` or `N/D` (it reads any
    spelling whose letters are N A or N D, such as `n/a`, and reads a blank as N/A): that is an
    error. The rest only the organogram schema asks for, and is a warning: no blank ("Cannot
    be left blank - if none write 0"), `N/A` and `N/D` written so, and a £5,000 band: the floor
    a multiple of £5,000, the ceiling one pound below one, the floor no higher than the
    ceiling (`0` and `0` mean no pay).

    ## Why
    Senior pay is published in £5,000 bands (a floor rounded down, a ceiling rounded up less
    one), so that the band is public without the exact salary. Text in a pay column stops the
    publication altogether.

    ## How to fix
    Round the salary down to a multiple of £5,000 for the floor, and up, less £1, for the
    ceiling: £101,200 is 100000 and 104999. Write `N/D` for a withheld salary, `0` for none.

    ## Example
    Failing: `DIR-A`'s floor is an exact salary and `DIR-B`'s ceiling a round number (both
    warnings); `DIR-C`'s pay is text.

    ```csv senior fails=L3,M4,L5
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,101200,104999
    DIR-B,Ann Lee,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,85000,90000
    DIR-C,Bo Chan,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,chan@example.gov.uk,CEO,1,tbc,N/D
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

    validator_says = "'Expected numeric values in column Actual Pay Floor (£) (or N/A or N/D)', likewise the ceiling"
    schema_says = "'Actual Pay Floor', 'rounded down to the nearest multiple of £5,000. Can be 'N/A'. Cannot be left blank'; ceiling 'rounded up to the nearest multiple of £5,000 minus 1'"
    fix = "Floor: the salary rounded down to £5,000; ceiling: rounded up, less £1; N/D if withheld."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            amounts = []
            for key, what, blank in (("pay_floor", "pay floor", NO_BLANK), ("pay_ceiling", "pay ceiling", "requires it")):
                cell, finding = self.read_amount(table, row, key, what, blank)
                amounts.append(cell.value)
                if finding is not None:
                    yield finding
            floor, ceiling = amounts
            if floor is not None and floor % BAND:
                what = "a multiple of £5,000 (the pay rounded down)"
                yield self.schema_asks(
                    table, row, "pay_floor", f"the pay floor £{floor:,.0f}: the organogram schema asks for {what}"
                )
            if ceiling is not None and ceiling != 0 and (ceiling + 1) % BAND:
                what = "£1 below a multiple of £5,000 (the pay rounded up, less £1)"
                yield self.schema_asks(
                    table, row, "pay_ceiling", f"the pay ceiling £{ceiling:,.0f}: the organogram schema asks for {what}"
                )
            yield from self.range_reversed(
                table, row, "pay_ceiling", (floor, ceiling), ("pay ceiling", "floor"), "a ceiling no lower than the floor"
            )
