from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.amounts import number
from orglint.rules.organogram._table_rule import OrganogramRule, shown

ASKS = "the organogram schema asks for the number of full-time equivalents, the publication validator does not check it"


class JuniorInvalidFte(OrganogramRule, code="T114", name="junior-invalid-fte", severity=Severity.WARNING, table="junior"):
    """A junior staff row's number of posts in FTE is not a positive number.

    ## What it does
    Checks `Number of Posts in FTE` on each junior row: a number above 0 (`35.05` is fine: it
    counts part-time staff by their hours). The publication validator does not check junior
    rows' cells (its junior checks are "to do"), so these are warnings: only the organogram
    schema asks for it.

    ## Why
    The junior table counts staff, by FTE, in each grade and job under each senior post. A
    blank, a word or zero makes the team disappear from every total.

    ## How to fix
    Give the number of posts in FTE; delete the row if the team has no posts.

    ## Example
    Failing: one row counts "several" posts, another none.

    ```csv junior fails=H2,H3
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,30000,36000,Operations Manager,several
    Example Agency,Policy,DIR-B,SEO,36000,42000,Policy Adviser,0
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```

    Passing:

    ```csv junior
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,30000,36000,Operations Manager,4
    Example Agency,Policy,DIR-B,SEO,36000,42000,Policy Adviser,2.5
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    DIR-D,Ann Lee,SCS1,Director of Digital,Runs digital,Example Agency,Digital,0300 123 4567,digital@example.gov.uk,CEO,1,90000,94999
    ```
    """

    schema_says = "'Number of Posts in FTE', 'Number of Full Time Equivalents in this role'"
    fix = "Give the number of posts in FTE, above 0."

    def check_junior_row(self, table: MappedTable, row: TableRow) -> Iterator[Diagnostic]:
        value = table.value(row, "fte")
        fte = number(value)
        if fte is None or fte <= 0:
            yield self.at(table, row, "fte", f"the number of posts in FTE, {shown(value)}, is not a positive number: {ASKS}")
