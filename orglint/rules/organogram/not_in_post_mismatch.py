from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.model.organogram import NOT_APPLICABLE, NOT_IN_POST, UNDISCLOSED
from orglint.rules.organogram._table_rule import OrganogramRule

NOT_IN_POST_TITLE = "Not in post"


class NotInPostMismatch(OrganogramRule, code="T108", name="not-in-post-mismatch", severity=Severity.ERROR):
    """ "Not in post" rows and the reference "0" do not go together.

    ## What it does
    A senior row whose reference is `0` records someone paid but not in a post: its
    `Job Title` must be `Not in post` and its `Job/Team Function` and `Unit` `N/A`.
    Conversely a row with a real reference may not say `Not in post` or `N/A` there. The texts
    are compared exactly, as the publication validator compares them: `Not In Post` is not
    `Not in post` (the schema's own text writes `Not in Post`, which the validator refuses), and
    `n/a` is not `N/A`. A title or function of `N/D` is left alone, as the validator leaves it;
    blank ones are T116's, a blank or N/D unit T109's.

    ## Why
    The publication counts people paid at senior grades who hold no post separately from the
    posts; the reference and the title must agree, or the row is counted in the wrong place.

    ## How to fix
    For someone not in a post, use reference `0`, title `Not in post`, function and unit
    `N/A`; otherwise give the post's reference, title, function and unit.

    ## Example
    Failing: the reference-0 row has a job title, `DIR-B` says its unit is N/A, and the second
    reference-0 row's `Not In Post` is not the validator's text.

    ```csv senior fails=D6,G4,D7
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,N/A,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    0,N/D,SCS1,Adviser,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    0,N/D,SCS1,Not In Post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    ```

    Passing: both reference-0 rows are `Not in post`, and `DIR-B` names its unit.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    0,N/D,SCS1,Not in post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    0,N/D,SCS1,Not in post,N/A,Example Agency,N/A,N/A,N/A,CEO,1,N/D,N/D
    ```
    """

    validator_says = "reference 0: 'the Job Title must be Not in post', 'the Job/Team Function must be N/A', 'the Unit must be N/A'; otherwise each 'can only be' so 'if the Post Unique Reference is 0'"
    schema_says = "'Where Post Unique Reference is 0 write 'Not in Post''"
    fix = "Use reference 0 with title 'Not in post' and N/A function and unit, or none of them."

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        not_in_post = reference == NOT_IN_POST
        for key, what, expected in (
            ("title", "Job Title", NOT_IN_POST_TITLE),
            ("function", "Job/Team Function", NOT_APPLICABLE),
            ("unit", "Unit", NOT_APPLICABLE),
        ):
            value = table.value(row, key)
            if value in ("", UNDISCLOSED):
                continue
            if not_in_post and value != expected:
                yield self.at(
                    table, row, key, f"the reference is 0 (not in a post), so the {what} must be {expected!r}, not {value!r}"
                )
            elif not not_in_post and value == expected:
                yield self.at(table, row, key, f"the {what} {expected!r} is only for reference-0 rows (not in a post)")
