from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.load.table import TableRow
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_IN_POST, OrganogramRule, senior_rows

JOB_SHARE_MAY_DIFFER = frozenset({"name", "pay_floor", "pay_ceiling", "phone", "email", "notes", "fte"})
"""The columns in which the rows of one job-shared post may differ."""


class DuplicatePostReference(OrganogramRule):
    """Two senior rows share a Post Unique Reference and are not a job share.

    ## What it does
    Reports each senior row whose reference an earlier row already used, unless the reference
    is `0` (people paid but not in a post) or the two rows are a job share: identical but for
    the name, pay, contact details, notes and FTE.

    ## Why
    A reference names one post. Two different posts under one reference make every
    `Reports to Senior Post` that names it ambiguous, and the published tree wrong.

    ## How to fix
    Give one of the posts its own reference; for a genuine job share, make the two rows agree
    on everything but the name, pay, contacts, notes and FTE.

    ## Example
    Failing: `DIR-B` is used for two different jobs; `DIR-A`'s two rows are a job share.

    ```csv senior fails=A6
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,0.5,100000,104999
    DIR-A,Ann Lee,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4568,lee@example.gov.uk,CEO,0.5,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-B,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,0.5,100000,104999
    DIR-A,Ann Lee,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4568,lee@example.gov.uk,CEO,0.5,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    ```
    """

    code = "T102"
    name = "duplicate-post-reference"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Post Unique Reference' unique, but for '0' and job shares"
    fix = "Give the post its own reference, or make the job-share rows agree."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        first_rows: dict[str, TableRow] = {}
        for table, row in senior_rows(organogram):
            reference = table.value(row, "reference")
            if not reference or reference == NOT_IN_POST:
                continue
            first = first_rows.setdefault(reference, row)
            if first is row:
                continue
            compared = [key for key in table.columns if key not in JOB_SHARE_MAY_DIFFER]
            differing = [key for key in compared if table.value(first, key) != table.value(row, key)]
            if differing:
                headers = ", ".join(table.table.header[table.columns[key]].strip() for key in differing)
                yield self.at(
                    table,
                    row,
                    "reference",
                    f"reference {reference!r} is already used at row {first.number} "
                    f"by a different post (not a job share: {headers} differ)",
                )
