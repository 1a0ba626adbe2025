from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import NOT_APPLICABLE, NOT_IN_POST, UNDISCLOSED
from orglint.rules.organogram._table_rule import SCHEMA_ONLY, OrganogramRule


class UndisclosedOrganisation(OrganogramRule, code="T109", name="undisclosed-organisation", severity=Severity.ERROR):
    """A row's Organisation or Unit is blank or withheld ("N/D").

    ## What it does
    Checks `Organisation` and `Unit` on every senior row, as the publication validator does:
    each must be given and not `N/D`. Where only the organogram schema asks for more, the
    finding is a warning: an organisation written `n/d`, or `N/A` on a row whose reference is
    not `0` ("'N/A' only allowed when the Post Unique Reference is 0"). The validator does not
    check junior rows yet (its junior checks are "to do"), so a blank organisation or unit on
    a junior row, which the junior schema requires, is a warning too. (Whether a unit is `N/A`
    is T108's.)

    ## Why
    The organisation and unit place a post in the published structure; they are facts about
    the organisation, not about the person, and are never withheld.

    ## How to fix
    Give the organisation's full name and the unit (team, directorate) the post sits in.

    ## Example
    Failing: `DIR-A`'s unit is withheld and `DIR-B`'s organisation is blank; the junior
    team's unit is blank (a warning).

    ```csv junior fails=C2
    Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Department,Example Agency,,DIR-A,HEO,30000,36000,Operations Manager,4
    ```

    ```csv senior fails=G3,F4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,N/D,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
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

    validator_says = (
        "'The Organisation must be disclosed - it cannot be blank or N/D', likewise the Unit (senior rows; junior checks 'to do')"
    )
    schema_says = "'Organisation', 'Non-abbreviated. 'N/A' only allowed when the Post Unique Reference is 0. Cannot be 'N/D'.'; junior schema: 'Organisation' and 'Unit' required"
    fix = "Give the organisation's name and the post's unit."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        for key, what in (("organisation", "Organisation"), ("unit", "Unit")):
            value = table.value(row, key)
            if value in ("", UNDISCLOSED):
                yield self.at(table, row, key, f"the {what} is {'blank' if not value else 'withheld (N/D)'}: it must be given")
            elif key == "organisation" and (
                value.upper() == UNDISCLOSED or (value == NOT_APPLICABLE and reference != NOT_IN_POST)
            ):
                yield self.schema_asks(
                    table,
                    row,
                    key,
                    f"the Organisation is {value!r}: the organogram schema says 'Cannot be N/D' and ''N/A' only "
                    "allowed when the Post Unique Reference is 0'",
                )

    def check_junior_row(self, table: MappedTable, row: TableRow) -> Iterator[Diagnostic]:
        for key, what in (("organisation", "Organisation"), ("unit", "Unit")):
            if not table.value(row, key):
                yield self.at(
                    table,
                    row,
                    key,
                    f"the {what} is blank: the organogram schema requires it on junior rows, the publication "
                    "validator does not check junior rows' cells",
                    at_most=SCHEMA_ONLY,
                )
