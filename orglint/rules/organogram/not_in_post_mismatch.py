from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram.table_rule import BASIS, NOT_APPLICABLE, NOT_IN_POST, OrganogramRule, senior_rows

NOT_IN_POST_TITLE = "not in post"


class NotInPostMismatch(OrganogramRule):
    """ "Not in post" rows and the reference "0" do not go together.

    ## What it does
    A senior row whose reference is `0` records someone paid but not in a post: its
    `Job Title` must be `Not in post` and its `Job/Team Function` and `Unit` `N/A`.
    Conversely a row with a real reference may not say `Not in post` or `N/A` there.

    ## Why
    The publication counts people paid at senior grades who hold no post separately from the
    posts; the reference and the title must agree, or the row is counted in the wrong place.

    ## How to fix
    For someone not in a post, use reference `0`, title `Not in post`, function and unit
    `N/A`; otherwise give the post's reference, title, function and unit.

    ## Example
    Failing: the reference-0 row has a job title, and `DIR-B` says its unit is N/A.

    ```csv senior fails=D6,G4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,N/A,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    0,N/D,SCS1,Adviser,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    ```

    Passing:

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,0300 123 4567,finance@example.gov.uk,CEO,1,0,0
    0,N/D,SCS1,Not in post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    ```
    """

    code = "T108"
    name = "not-in-post-mismatch"
    severity = Severity.ERROR
    basis = BASIS.format(table="senior") + ": 'Where Post Unique Reference is 0 write Not in Post'; function and unit N/A"
    fix = "Use reference 0 with title 'Not in post' and N/A function and unit, or none of them."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        for table, row in senior_rows(organogram):
            not_in_post = table.value(row, "reference") == NOT_IN_POST
            title = table.value(row, "title")
            if not_in_post and title.casefold() != NOT_IN_POST_TITLE:
                yield self.at(
                    table,
                    row,
                    "title",
                    f"the reference is 0 (not in a post), so the title should be 'Not in post', not {title!r}",
                )
            elif not not_in_post and title.casefold() == NOT_IN_POST_TITLE:
                yield self.at(table, row, "title", "'Not in post' is the title of reference-0 rows only: give the post's title")
            for key, what in (("function", "Job/Team Function"), ("unit", "Unit")):
                value = table.value(row, key)
                if not_in_post and value.upper() != NOT_APPLICABLE:
                    yield self.at(table, row, key, f"the reference is 0 (not in a post), so the {what} should be N/A")
                elif not not_in_post and value.upper() == NOT_APPLICABLE:
                    yield self.at(table, row, key, f"the {what} is N/A, which is only for reference-0 rows (not in a post)")
