from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.model.organogram import NOT_IN_POST
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import OrganogramRule, References, junior_rows


class JuniorInvalidSeniorPost(
    OrganogramRule, code="T113", name="junior-invalid-senior-post", severity=Severity.ERROR, table="junior"
):
    """A junior staff row reports to no senior post, or to an eliminated one.

    ## What it does
    Checks each junior row's `Reporting Senior Post` as the publication validator does: it
    must be, exactly, the reference of a senior row whose name is not `Eliminated`. A
    reference with an Eliminated row and a live row (a post replaced under its old reference)
    is live. A reference that differs only in case from a post's says which it may mean. The
    reference `0` (people paid but not in a post), which the validator accepts, is a warning:
    the organogram schema asks for a senior post's reference.

    ## Why
    Junior staff appear in the organogram as teams under a senior post. A row that names no
    senior post, or one that no longer exists, leaves its staff out of the structure.

    ## How to fix
    Give the reference of the senior post the team now reports to.

    ## Example
    Failing: one team reports to `DIR-X`, which is no post, one to the eliminated `DIR-C`, and
    one to `dir-a`.

    ```csv junior fails=C2,C3,C4
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-X,HEO,30000,36000,Operations Manager,4
    Example Agency,Finance,DIR-C,SEO,36000,42000,Accountant,2
    Example Agency,Operations,dir-a,EO,26000,30000,Caseworker,6
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    ```

    Passing: the teams report to live senior posts, the finance team to the new director.

    ```csv junior
    Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE
    Example Agency,Operations,DIR-A,HEO,30000,36000,Operations Manager,4
    Example Agency,Finance,DIR-D,SEO,36000,42000,Accountant,2
    Example Agency,Operations,DIR-A,EO,26000,30000,Caseworker,6
    ```

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Eliminated,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    DIR-D,Ann Lee,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,90000,94999
    ```
    """

    validator_says = "'Junior post reporting to unknown senior post', 'Junior post reporting to Eliminated senior post'"
    schema_says = "'Reporting Senior Post', 'The 'post unique reference' of the post in the Senior Staff that this one reports to (directly or indirectly). Cannot be blank.'"
    fix = "Give the reference of the senior post the team reports to."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        references = References(organogram)
        for table, row in junior_rows(organogram):
            senior = table.value(row, "reports_to")
            if not senior:
                yield self.at(table, row, "reports_to", "Reporting Senior Post is blank: give the senior post's reference")
            elif why := references.unknown(senior):
                yield self.at(table, row, "reports_to", why)
            elif senior == NOT_IN_POST:
                yield self.schema_asks(
                    table,
                    row,
                    "reports_to",
                    "the team reports to reference 0 (people paid but not in a post): the organogram schema asks for a "
                    "senior post's reference",
                )
