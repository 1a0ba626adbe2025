from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.load.table import TableRow
from orglint.model.organogram import (
    ELIMINATED,
    JOB_SHARE_MAY_DIFFER,
    NOT_IN_POST,
    is_eliminated,
    job_share_cell,
    job_share_differences,
)
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import TOPS, OrganogramRule, live, posts


class DuplicatePostReference(OrganogramRule, code="T102", name="duplicate-post-reference", severity=Severity.ERROR):
    """Two senior rows share a Post Unique Reference and are not a job share.

    ## What it does
    Does what the publication validator does: sets aside the rows of eliminated posts (Name
    `Eliminated`), merges rows identical but for the name, pay, contact details, notes and FTE
    (a job share), then reports each remaining row whose reference an earlier row already used,
    unless the reference is `0` (people paid but not in a post). Where one of the two rows is
    an eliminated post not named `Eliminated` exactly (`'Eliminated'` in stray quotes,
    `eliminated`), which the validator keeps as a post, the finding is at that name.

    ## Why
    A reference names one post. Two different posts under one reference make every
    `Reports to Senior Post` that names it ambiguous, and the published tree wrong.

    ## How to fix
    Give one of the posts its own reference; for a genuine job share, make the two rows agree
    on everything but the name, pay, contacts, notes and FTE; for an eliminated post, write
    `Eliminated` exactly.

    ## Example
    Failing: `DIR-B` is used for two different jobs; `DIR-A`'s two rows are a job share, and
    `DIR-C`'s Eliminated row is set aside.

    ```csv senior fails=A6
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,0.5,100000,104999
    DIR-A,Ann Lee,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4568,lee@example.gov.uk,CEO,0.5,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-B,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    DIR-C,Eliminated,SCS1,Director of Estates,Ran estates,Example Agency,Estates,N/A,N/A,CEO,1,0,0
    DIR-C,Bo Chan,SCS2,Director of Property,Runs property,Example Agency,Estates,0300 123 4567,chan@example.gov.uk,CEO,1,90000,94999
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,0.5,100000,104999
    DIR-A,Ann Lee,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4568,lee@example.gov.uk,CEO,0.5,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```
    """

    validator_says = "'It is required for job share rows to have identical values in particular columns' (all but Name, pay, Contact Phone/E-mail, Notes and FTE; eliminated posts set aside)"
    schema_says = "'Post Unique Reference', 'Must be unique in the organization, unless it is '0' or the line is duplicate save for name, contact phone/email and notes, meaning it is a job share'"
    fix = "Give the post its own reference, or make the job-share rows agree."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        if organogram.senior is None:
            return
        compared = [key for key in organogram.senior.columns if key not in JOB_SHARE_MAY_DIFFER]
        first_rows: dict[str, TableRow] = {}
        merged: set[tuple[object, ...]] = set()
        for table, row, reference in posts(organogram):
            if not live(table, row):
                continue
            signature = tuple(job_share_cell(table, row, key) for key in compared)
            if signature in merged:
                continue  # a job share of a row already kept
            merged.add(signature)
            first = first_rows.setdefault(reference, row)
            if first is row or reference in (NOT_IN_POST, *TOPS):
                continue
            title = table.value(first, "title")
            misnamed = next((one for one in (row, first) if _nearly_eliminated(table.value(one, "name"))), None)
            if misnamed is not None:  # an Eliminated row its spelling keeps live: the name is the mistake
                name = table.value(misnamed, "name")
                other = table.value(row if misnamed is first else first, "title")
                yield self.at(
                    table,
                    misnamed,
                    "name",
                    f"the name {name!r} is not {ELIMINATED!r} exactly, as the publication validator reads it, so the "
                    f"row is a post, and reference {reference!r} names another{f' ({other!r})' if other else ''}",
                    post=reference,
                    fix=f"Write {ELIMINATED} exactly: a capital E, no quotes.",
                )
                continue
            differing = job_share_differences(table, first, row)
            headers = ", ".join(table.table.header[table.columns[key]].strip() for key in differing)
            yield self.at(
                table,
                row,
                "reference",
                f"reference {reference!r} already names another post{f' ({title!r})' if title else ''}: "
                f"the rows differ in {headers}, so they are not a job share",
            )


def _nearly_eliminated(name: str) -> bool:
    """A name meant as Eliminated but not written exactly so ("'Eliminated'", "eliminated"), which
    the validator reads as a name like any other."""
    return is_eliminated(name) and name != ELIMINATED
