from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.amounts import number
from orglint.rules.organogram._table_rule import OrganogramRule

ASKS = "the organogram schema asks for 1 or a decimal fraction, the publication validator does not check FTE"


class InvalidFte(OrganogramRule, code="T112", name="invalid-fte", severity=Severity.WARNING):
    """A senior post's FTE is not a number between 0 and 1.

    ## What it does
    Checks each senior row's `FTE`: a number (`1` for full time, a decimal such as `0.6`
    for part time), above 0 and at most 1. The publication validator does not check FTE, so
    these are warnings: only the organogram schema asks for it ("If this is a full time role
    then put '1'. Otherwise put a decimal fraction").

    ## Why
    FTE is how part-time posts and job shares are counted; text or a figure above 1 (a post
    is at most one full-time person) breaks every total built on it.

    ## How to fix
    Write `1` for a full-time post, or the fraction worked, to two decimal places.

    ## Example
    Failing: `DIR-A` says "full time", `DIR-B` 1.5.

    ```csv senior fails=K3,K4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,full time,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1.5,N/D,N/D
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

    schema_says = "'FTE', 'If this is a full time role then put '1'. Otherwise put a decimal fraction with 2 decimal places.'"
    fix = "Write 1 for full time, or the fraction worked (0.5, 0.6)."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        value = table.value(row, "fte")
        fte = number(value)
        if fte is None:
            yield self.at(table, row, "fte", f"the FTE {'is blank' if not value else f'{value!r} is not a number'}: {ASKS}")
        elif not 0 < fte <= 1:
            yield self.at(table, row, "fte", f"the FTE {value} is not above 0 and at most 1: {ASKS}")
