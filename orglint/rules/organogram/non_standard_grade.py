from collections.abc import Iterator
from functools import cached_property

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.table import MappedTable, TableRow
from orglint.rules import RuleSettings
from orglint.rules.organogram._table_rule import OrganogramRule, shown


class NonStandardGradeSettings(RuleSettings):
    grades: list[str] = Field(min_length=1, description="The senior grades the publication accepts.")


class NonStandardGrade(OrganogramRule[NonStandardGradeSettings], code="T106", name="non-standard-grade", severity=Severity.ERROR):
    """A senior post's grade is not one of the standard senior grades.

    ## What it does
    Checks each senior row's `Grade (or equivalent)` (`Grade` in older files) against the
    ruleset's list of senior grades (`uk-organogram`: SCS1, SCS1A, SCS2, SCS3, SCS4 and the
    military OF-6 to OF-9), rows with reference `0` (paid but not in a post) included. The
    publication validator compares grades case-insensitively (as Excel's MATCH does); a grade
    written in another case than the list's is a warning.

    ## Why
    The senior table is for the Senior Civil Service and its equivalents; its grades are
    overseen centrally, and the publication accepts only the standard names so that bodies can
    be compared. A local grade name ("Director", "Band A") must be mapped to its equivalent.

    ## How to fix
    Write the equivalent standard grade. A post below SCS1 belongs in the junior staff table.

    ## Example
    Failing: `DIR-A` is graded "Director"; `DIR-B`'s `scs1` is a warning.

    ```csv senior fails=C3,C4
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,Director,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-B,N/D,scs1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
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

    validator_says = "'The Grade (or equivalent) cannot be blank', 'must be from the standard list'"
    schema_says = "'Grade (or equivalent)', 'Valid values: SCS4, SCS3, SCS2, SCS1A, SCS1, OF-9, OF-8, OF-7, OF-6'"
    fix = "Write the standard senior grade the post is equivalent to."

    @cached_property
    def _standard(self) -> dict[str, str]:
        """Each standard grade by its case-folded spelling."""
        return {grade.casefold(): grade for grade in self.settings.grades}

    def check_senior_post(self, table: MappedTable, row: TableRow, reference: str) -> Iterator[Diagnostic]:
        grade = table.value(row, "grade")
        standard = self._standard.get(grade.casefold())
        if standard is None:
            yield self.at(
                table,
                row,
                "grade",
                f"grade {shown(grade)} is not a standard senior grade ({', '.join(self.settings.grades)})",
            )
        elif grade != standard:
            yield self.schema_asks(
                table,
                row,
                "grade",
                f"grade {grade!r}: the organogram schema writes {standard!r}",
            )
