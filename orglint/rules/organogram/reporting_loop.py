from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.load.organogram import Organogram
from orglint.rules import CheckContext
from orglint.rules.organogram._table_rule import OrganogramRule, References, has_top


class ReportingLoop(OrganogramRule, code="T105", name="organogram-reporting-loop", severity=Severity.ERROR):
    """Senior posts report to each other in a loop, so they never reach "XX".

    ## What it does
    Follows each senior post's `Reports to Senior Post` upwards and reports every loop (a post
    reporting to itself included) once, at the first of its rows, naming the loop. Lines that
    end at a reference that is no post are T103's, and so are loops through an eliminated post
    (Name `Eliminated`): the publication validator sets eliminated posts aside, so the post
    reporting to one reports to no post. Where no post reports to `XX` at all (T104), the
    validator stops there, and so does this rule: a chief executive reporting to itself is
    one mistake.

    ## Why
    Every post must reach a top post (`XX`). A loop cannot be drawn as a tree, and the
    data.gov.uk tool rejects it.

    ## How to fix
    Break the loop: one of its posts reports to a post outside it (or to `XX`).

    ## Example
    Failing: `DIR-A` and `DIR-B` report to each other.

    ```csv senior fails=J3
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,DIR-B,1,100000,104999
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,DIR-A,1,N/D,N/D
    ```

    Passing: both directors report to the chief executive.

    ```csv senior
    Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)
    CEO,Jane Smith,SCS3,Chief Executive,Leads the agency,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999
    DIR-A,Sam Jones,SCS2,Director of Operations,Runs operations,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999
    DIR-C,Vacant,SCS1,Director of Finance,Runs finance,Example Agency,Finance,N/A,N/A,CEO,1,0,0
    DIR-B,N/D,SCS1,Director of Policy,Sets policy,Example Agency,Policy,0300 123 4567,policy@example.gov.uk,CEO,1,N/D,N/D
    ```
    """

    validator_says = "'Senior post reports to him/herself', 'Reporting structure from Senior post ... ended up in a loop'"
    schema_says = "every post reports, in the end, to a post whose 'Reports to Senior Post' is XX"
    fix = "Break the loop: let one of its posts report to a post outside it, or to XX."

    def check_organogram(self, context: CheckContext, organogram: Organogram) -> Iterator[Diagnostic]:
        if not has_top(organogram):
            return  # T104's: the validator cannot follow reporting lines to a top that is not there
        graph = context.graph
        eliminated = References(organogram).eliminated
        for loop in graph.cycles:
            if eliminated.intersection(loop):
                continue  # set aside by the validator: T103 reports the live post reporting to it
            first = graph.posts[loop[0]]
            described = " → ".join([*loop, loop[0]])
            message = (
                f"{loop[0]!r} reports to itself"
                if len(loop) == 1
                else f"reporting loop {described}: none of these posts reaches XX"
            )
            yield self.finding(context.value_span(first, "reports_to"), message, post=first.id)
