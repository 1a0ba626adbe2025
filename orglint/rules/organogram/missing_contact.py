from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import (
    NOT_APPLICABLE,
    NOT_IN_POST,
    STRAY_QUOTES,
    UNDISCLOSED,
    VACANT_OR_ELIMINATED,
    meant_name,
)
from orglint.rules.organogram._table_rule import OrganogramRule

ONLY_FOR_EMPTY_POSTS = "which is only for vacant or eliminated posts and reference-0 rows"


class MissingContact(OrganogramRule, code="T110", name="missing-contact", severity=Severity.ERROR):
    """A senior post's contact phone or e-mail is missing, or not what the post calls for.

    ## What it does
    Checks each senior row's `Contact Phone` and `Contact E-mail` as the publication validator
    does:
    - a vacant or eliminated post (Name `Vacant` or `Eliminated`, in capitals or lower case) and
      a reference-0 row (paid but not in a post) have no contact: the phone must be `N/A`, the
      e-mail `N/A` (or `N/D`, or an address);
    - any other post gives both: neither may be blank or `N/A`; either may be `N/D`
      (withheld), but not both (one finding, on the phone);
    - an e-mail given must contain "@" and ".".

    The texts are compared exactly (`n/a` is not `N/A`). The organogram schema asks for `N/A`
    as a reference-0 row's e-mail, which the validator does not: a warning.

    ## Why
    The publication tells the public whom to contact about each senior post. Where the name
    is withheld, the guidance asks for the team's details instead, never for none; an empty
    post has no one to contact.

    ## How to fix
    Give a phone number and a mailbox, the team's if the person's is not to be published;
    write `N/A` in both for a vacant or eliminated post.

    ## Example
    Failing: `DIR-A` withholds both; `DIR-B`'s phone is blank and its e-mail has no "@";
    the vacant `DIR-C` gives a phone; `DIR-D` says N/A.

    ```csv senior fails=H3,H4,I4,H5,H6
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,N/D,N/D,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,,policy.example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,N/A,CEO,1,0,0
    DIR-D,Ann Lee,SCS1,Director of Estates,Runs estates,Example Agency,Estates,N/A,lee@example.gov.uk,CEO,1,85000,89999
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,N/D,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,N/D,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```
    """

    validator_says = "'The Contact Phone must be supplied', 'must be N/A' where the reference is 0 or the Name Vacant or Eliminated, and 'can only be N/A' there; 'You must provide at least one form of contact'; the e-mail 'must be a valid email address (containing @ and . characters)'"
    schema_says = "'Contact Phone', 'Contact E-mail', 'If Post Unique Reference is 0, put 'N/A''"
    fix = "Give a phone number and an e-mail address (the team's will do); N/A for an empty post."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        phone, email, name = table.value(row, "phone"), table.value(row, "email"), table.value(row, "name")
        not_in_post = reference == NOT_IN_POST
        empty = not_in_post or name in VACANT_OR_ELIMINATED
        why = "the reference is 0 (paid but not in a post)" if not_in_post else f"the post is {name}"
        withheld = phone == email == UNDISCLOSED
        if not phone:
            yield self.at(table, row, "phone", f"the Contact Phone is blank: {'write N/A' if empty else 'give a number, or N/D'}")
        elif withheld:
            yield self.at(table, row, "phone", "both contacts are withheld (N/D): give at least one")
        elif empty and phone != NOT_APPLICABLE:
            yield self.at(table, row, "phone", f"{why}, so the Contact Phone must be N/A, not {phone!r}", fix=_unquote(phone))
        elif not empty and phone == NOT_APPLICABLE:
            yield self.at(
                table,
                row,
                "phone",
                f"the Contact Phone is N/A, {ONLY_FOR_EMPTY_POSTS}{_quoted(name, 'a number')}",
                fix=_unquote(name),
            )
        if withheld or (empty and email == NOT_APPLICABLE):
            return
        if not email:
            yield self.at(
                table, row, "email", f"the Contact E-mail is blank: {'write N/A' if empty else 'give an address, or N/D'}"
            )
        elif email == NOT_APPLICABLE:
            yield self.at(
                table,
                row,
                "email",
                f"the Contact E-mail is N/A, {ONLY_FOR_EMPTY_POSTS}{_quoted(name, 'an address')}",
                fix=_unquote(name),
            )
        elif email != UNDISCLOSED and not ("@" in email and "." in email):
            yield self.at(table, row, "email", f"{email!r} is not an e-mail address (it needs '@' and '.')")
        elif not_in_post:
            yield self.schema_asks(
                table,
                row,
                "email",
                f"the Contact E-mail of a reference-0 row is {email!r}: the organogram schema says 'If Post Unique "
                "Reference is 0, put 'N/A''",
            )


def _quoted(name: str, contact: str) -> str:
    """What to do, or, for a post named "'Vacant'" or the like, why it is not taken to be empty."""
    bare = meant_name(name)
    if name != bare:
        return f" (the name {name!r} is not {bare!r}: the quotes are part of it)"
    return f": give {contact}, or N/D"


def _unquote(text: str) -> str:
    """The fix where a cell's only fault is stray quotes ("'N/A'", "'Vacant'"): to drop them; else
    the rule's own."""
    bare = text.strip(STRAY_QUOTES)
    return f"Write {bare} without the quotes." if bare != text and bare in (NOT_APPLICABLE, *VACANT_OR_ELIMINATED) else ""
