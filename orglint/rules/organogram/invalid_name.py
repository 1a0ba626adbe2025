from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import (
    BASIS,
    NOT_APPLICABLE,
    NOT_IN_POST,
    UNDISCLOSED,
    OrganogramRule,
    number,
    senior_rows,
)


class InvalidName(OrganogramRule):
    """A senior post's Name is blank, or "N/D" or "N/A" where the rules do not allow it.

    ## What it does
    Checks each senior row's `Name`: it must not be blank; `N/D` (not disclosed) is allowed
    only where the pay is not published either (no amount in the pay floor or ceiling) or the
    reference is `0`; `N/A` only where the pay is 0. `Vacant` and `Eliminated` are allowed.

    ## Why
    Senior officials paid a disclosed salary are named in the publication: a withheld name
    beside a published salary is inconsistent, and is the usual sign of a row half filled in.

    ## How to fix
    Give the name, or withhold the pay as well (`N/D` in both pay columns) where there is a
    reason not to disclose; write `Vacant` for an empty post.

    ## Example
    Failing: `DIR-A`'s name is withheld but its pay is published; `DIR-B`'s name is blank.

    ```csv senior fails=B3,B4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,N/D,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
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

    code = "T107"
    name = "invalid-name"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Name', N/D, Vacant or Eliminated; 'Cannot be N/D if the pay is a number'"
    fix = "Give the name, or withhold the pay too; write Vacant for an empty post."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            name = table.value(row, "name")
            pay = [table.value(row, "pay_floor"), table.value(row, "pay_ceiling")]
            if not name:
                yield self.at(table, row, "name", "the Name is blank: give it, or N/D, Vacant or Eliminated")
            elif name.upper() == UNDISCLOSED:
                published = any(number(value) is not None for value in pay)
                if published and table.value(row, "reference") != NOT_IN_POST:
                    yield self.at(
                        table, row, "name", "the name is N/D (not disclosed) but the pay is published: disclose both or neither"
                    )
            elif name.upper() == NOT_APPLICABLE and not all(number(value) == 0 for value in pay):
                yield self.at(table, row, "name", "the name is N/A, which is only for rows whose pay is 0")
