from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_APPLICABLE, UNDISCLOSED, OrganogramRule, number, senior_rows, shown

BAND = 5000


class InvalidPayRange(OrganogramRule):
    """A senior post's pay floor and ceiling are not a £5,000 band.

    ## What it does
    Where `Actual Pay Floor (£)` and `Actual Pay Ceiling (£)` are numbers, the floor must be
    a multiple of £5,000, the ceiling one pound below a multiple of £5,000, and the floor no
    higher than the ceiling (`0` and `0` mean no pay). Each may also be `N/D` (withheld) or
    `N/A`; anything else is reported as not a number.

    ## Why
    Senior pay is published in £5,000 bands (a floor rounded down, a ceiling rounded up less
    one), so that the band is public without the exact salary. Other figures publish too much
    or make the band meaningless.

    ## How to fix
    Round the salary down to a multiple of £5,000 for the floor, and up, less £1, for the
    ceiling: £101,200 is 100000 and 104999.

    ## Example
    Failing: `DIR-A`'s floor is an exact salary; `DIR-B`'s ceiling is a round number.

    ```csv senior fails=L3,M4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,101200,104999
    DIR-B,Ann Lee,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,85000,90000
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

    code = "T111"
    name = "invalid-pay-range"
    severity = Severity.ERROR
    basis = (
        BASIS.format(table="senior")
        + ": 'Actual Pay Floor', 'rounded down to the nearest multiple of £5,000'; ceiling 'rounded up ... minus 1'"
    )
    fix = "Floor: the salary rounded down to £5,000; ceiling: rounded up, less £1."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            values = {key: table.value(row, key) for key in ("pay_floor", "pay_ceiling")}
            amounts = {key: number(value) for key, value in values.items()}
            for key, value in values.items():
                if amounts[key] is None and value.upper() not in (UNDISCLOSED, NOT_APPLICABLE):
                    yield self.at(table, row, key, f"{shown(value)} is not an amount (nor N/D or N/A)")
            floor, ceiling = amounts["pay_floor"], amounts["pay_ceiling"]
            if floor is not None and floor % BAND:
                yield self.at(table, row, "pay_floor", f"the pay floor £{floor:,.0f} is not a multiple of £5,000")
            if ceiling is not None and ceiling != 0 and (ceiling + 1) % BAND:
                yield self.at(table, row, "pay_ceiling", f"the pay ceiling £{ceiling:,.0f} is not £1 below a multiple of £5,000")
            if floor is not None and ceiling is not None and floor > ceiling:
                yield self.at(table, row, "pay_ceiling", f"the pay ceiling £{ceiling:,.0f} is below the floor £{floor:,.0f}")
