from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import (
    BASIS,
    NOT_APPLICABLE,
    NOT_IN_POST,
    OrganogramRule,
    disclosed,
    junior_rows,
    senior_rows,
)


class UndisclosedOrganisation(OrganogramRule):
    """A row's Organisation or Unit is blank or withheld ("N/D").

    ## What it does
    Checks `Organisation` and `Unit` on every senior and junior row: each must be given and
    not `N/D`. `N/A` is accepted only on reference-0 senior rows (people not in a post).

    ## Why
    The organisation and unit place a post in the published structure; they are facts about
    the organisation, not about the person, and are never withheld.

    ## How to fix
    Give the organisation's full name and the unit (team, directorate) the post sits in.

    ## Example
    Failing: `DIR-A`'s unit is withheld and `DIR-B`'s organisation is blank.

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
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    ```
    """

    code = "T109"
    name = "undisclosed-organisation"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Organisation' non-abbreviated, 'Cannot be N/D'; and the unit of each post"
    fix = "Give the organisation's name and the post's unit."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in [*senior_rows(organogram), *junior_rows(organogram)]:
            exempt = "reference" in table.columns and table.value(row, "reference") == NOT_IN_POST
            for key, what in (("organisation", "Organisation"), ("unit", "Unit")):
                value = table.value(row, key)
                if exempt and value.upper() == NOT_APPLICABLE:
                    continue
                if not disclosed(value):
                    yield self.at(
                        table, row, key, f"the {what} is {'blank' if not value else 'withheld (N/D)'}: it must be given"
                    )
