from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_APPLICABLE, NOT_IN_POST, OrganogramRule, disclosed, senior_rows


class MissingContact(OrganogramRule):
    """A senior post gives neither a contact phone nor an e-mail, or an e-mail that is not one.

    ## What it does
    Each senior row (but reference-0 rows) must disclose a `Contact Phone` or a
    `Contact E-mail` (a team's will do); an e-mail given must contain "@" and ".".

    ## Why
    The publication tells the public whom to contact about each senior post. Where the name
    is withheld, the guidance asks for the team's details instead, never for none.

    ## How to fix
    Give a phone number or a mailbox, the team's if the person's is not to be published.

    ## Example
    Failing: `DIR-A` withholds both; `DIR-B`'s e-mail has no "@".

    ```csv senior fails=H3,I4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,N/D,N/D,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,,policy.example.gov.uk,CEO,1,N/D,N/D
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

    code = "T110"
    name = "missing-contact"
    severity = Severity.ERROR
    basis = (
        BASIS.format(table="senior") + ": 'Contact Phone' and 'Contact E-mail', 'If name is not disclosed, provide team details'"
    )
    fix = "Give a phone number or an e-mail address (the team's will do)."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            if table.value(row, "reference") == NOT_IN_POST:
                continue
            phone, email = table.value(row, "phone"), table.value(row, "email")
            usable = [value for value in (phone, email) if disclosed(value) and value.upper() != NOT_APPLICABLE]
            if not usable:
                yield self.at(
                    table, row, "phone", "no contact is disclosed: give a phone number or an e-mail address (the team's will do)"
                )
            elif email in usable and ("@" not in email or "." not in email.split("@")[-1]):
                yield self.at(table, row, "email", f"{email!r} is not an e-mail address (it needs '@' and a domain)")
