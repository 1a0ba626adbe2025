from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import NOT_APPLICABLE, NOT_IN_POST, UNDISCLOSED
from orglint.rules.organogram._table_rule import SCHEMA_ONLY, OrganogramRule, amount, shown


class InvalidName(OrganogramRule, code="T107", name="invalid-name", severity=Severity.ERROR):
    """A senior post's Name is blank, or "N/D" or "N/A" where the rules do not allow it.

    ## What it does
    Checks each senior row's `Name` as the publication validator does, taking the pay to be
    the `Actual Pay Floor (£)` and `Actual Pay Ceiling (£)` (the published CSVs blank Total
    Pay; a blank is read as N/A):
    - a row with reference `0` (paid but not in a post) must be named exactly `N/D`;
    - otherwise the name must not be blank; `N/D` (not disclosed) is an error where the pay is
      above 0, and `N/A` unless the pay is 0.

    `Vacant` and `Eliminated` are names like any other. The validator compares the texts
    exactly, so to it `n/d` is a name; the organogram schema writes `N/D`, and says the name
    "cannot be N/D if the pay is a number", which the validator accepts for a pay of 0: both
    are warnings. A pay cell that is not a number, N/A or N/D is T111's finding, not this
    rule's (the validator reads it as 0).

    ## Why
    Senior officials paid a disclosed salary are named in the publication: a withheld name
    beside a published salary is inconsistent, and is the usual sign of a row half filled in.

    ## How to fix
    Give the name, or withhold the pay as well (`N/D` in both pay columns) where there is a
    reason not to disclose; write `Vacant` for an empty post and `N/D` for a reference-0 row.

    ## Example
    Failing: `DIR-A`'s name is withheld but its pay is published; `DIR-B`'s name is blank; the
    reference-0 row is named; `DIR-C`'s lower-case `n/d` is a warning.

    ```csv senior fails=B3,B4,B5,B6
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,N/D,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    0,Sam Jones,SCS1,Not in post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    DIR-C,n/d,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,N/D,N/D
    ```

    Passing: `DIR-A` is named, `DIR-B` vacant, `DIR-C`'s pay withheld with its name.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,Vacant,SCS1,Director of Policy,Sets policy,Example Agency,Policy,N/A,N/A,CEO,1,0,0
    0,N/D,SCS1,Not in post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    DIR-C,N/D,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,N/D,N/D
    ```
    """

    validator_says = "'The Name cannot be blank', 'cannot be N/A (unless Total Pay (£) is 0)', 'cannot be N/D unless the Total Pay (£) is 0 or N/A or N/D'; reference 0: 'the name must be N/D'"
    schema_says = "'Name', 'N/D', 'Vacant' or 'Eliminated'; 'Cannot be N/D if the pay is a number'"
    fix = "Give the name, or withhold the pay too; write Vacant for an empty post, N/D for a reference-0 row."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        name = table.value(row, "name")
        pay = [amount(table.value(row, key)) for key in ("pay_floor", "pay_ceiling")]
        # the validator reads a pay cell it cannot read as 0 (and says so once, as T111 does here)
        amounts = [0.0 if cell.invalid else cell.value for cell in pay]
        positive = any(value is not None and value > 0 for value in amounts)
        if reference == NOT_IN_POST:
            if name != UNDISCLOSED:
                message = f"the reference is 0 (paid but not in a post), so the name must be N/D, not {shown(name)}"
                yield self.at(table, row, "name", message)
        elif not name:
            yield self.at(table, row, "name", "the Name is blank: give it, or N/D, Vacant or Eliminated")
        elif name == UNDISCLOSED and positive:
            yield self.at(table, row, "name", "the name is N/D (not disclosed) but the pay is above 0: disclose both or neither")
        elif name == UNDISCLOSED and any(cell.value is not None for cell in pay):
            yield self.schema_asks(
                table,
                row,
                "name",
                "the name is N/D with a pay of 0: the organogram schema says the name 'cannot be N/D if the pay is a number'",
            )
        elif name == NOT_APPLICABLE:
            unpaid = all(value is not None and value <= 0 for value in amounts)
            yield self.at(
                table,
                row,
                "name",
                "the name is N/A: the organogram schema asks for a name, N/D, Vacant or Eliminated, the publication "
                "validator accepts N/A where the pay is 0"
                if unpaid
                else "the name is N/A, which is only for rows whose pay is 0",
                at_most=SCHEMA_ONLY if unpaid else None,
            )
        elif name != UNDISCLOSED and name.upper() in (UNDISCLOSED, NOT_APPLICABLE):
            yield self.at(
                table,
                row,
                "name",
                f"the name {name!r}: the organogram schema writes {name.upper()}, the publication validator reads "
                f"{name!r} as a name",
                at_most=SCHEMA_ONLY,
            )
