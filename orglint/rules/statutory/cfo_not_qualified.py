from collections.abc import Iterator
from functools import cached_property

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class CfoNotQualifiedSettings(RuleSettings):
    accepted_qualifications: dict[str, str] = Field(
        min_length=1, description="Accountancy bodies whose members may be a chief finance officer: code and name."
    )
    also_written: dict[str, str] = Field(
        default={},
        description="Other ways a qualification is written, each to the code it means: a member's post-nominal "
        "letters (CPFA for CIPFA, FCA for ICAEW). One for a code not accepted counts for nothing.",
    )
    not_required_for: dict[str, str] = Field(
        default={},
        description="Council types whose nation's law asks no qualification of the chief finance officer, each with "
        "what the law asks instead (council type → text).",
    )


class CfoNotQualified(Rule[CfoNotQualifiedSettings], code="L107", name="cfo-not-qualified", severity=Severity.ERROR):
    """The chief finance officer's post lacks an accepted accountancy qualification.

    ## What it does
    Reports each post designated `chief-finance-officer` whose `qualifications` name none of
    the ruleset's `accepted-qualifications` (in `uk-local-government`: CIPFA, ICAEW, ICAS, ICAI
    and ACCA), at its `qualifications` (or its designation, if it lists none). A qualification is
    named by its code, its body's name or a way the ruleset's `also-written` gives (a member's
    letters: CPFA for CIPFA), in any case and with or without dots. Council types
    the ruleset lists in `not-required-for` are not checked (in `uk-local-government`: Scottish
    councils, whose s95 officer no statute asks a qualification of).

    ## Why
    The officer responsible for a council's financial affairs under s151 must be a member of
    one of the accountancy bodies the Local Government Finance Act 1988 s113 names; Part VIII
    of that Act reaches England and Wales (county borough councils included), not Scotland. The
    qualification is the statute's demand: Carlisle's person specification asked "the appropriate
    and relevant qualifications and/or experience" of its Assistant Directors for Resources and
    Governance (CE 21/09), which experience alone would meet.

    ## How to fix
    Record the post's qualification (`qualifications: [CIPFA]`), or designate a qualified post.

    ## Example
    Failing: the s151 post asks for no accountancy qualification.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - id: AD1
        title: AD Resources
        reports_to: CE
        tier: 2
        designations: [chief-finance-officer]
        qualifications: [MBA]   # <- L107
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
    posts:
      - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
      - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [MBA, CIPFA]}
      - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
      - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
    ```
    """

    basis = "Local Government Finance Act 1988 s113 (England and Wales): the officer responsible under Local Government Act 1972 s151 is a member of an accountancy body it specifies"
    fix = "Record the post's accountancy qualification, or designate a qualified post."

    @cached_property
    def _meant(self) -> dict[str, str]:
        """Each way an accepted qualification may be written (its code, its body's name, a
        member's letters), folded (``_folded``), to its code."""
        settings = self.settings
        meant = {_folded(name): code for code, name in settings.accepted_qualifications.items()}
        meant |= {
            _folded(written): code for written, code in settings.also_written.items() if code in settings.accepted_qualifications
        }
        return meant | {_folded(code): code for code in settings.accepted_qualifications}

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        if context.council_type in self.settings.not_required_for:
            return  # that nation's law asks no qualification (the ruleset says what it asks instead)
        accepted = self.settings.accepted_qualifications
        meant = self._meant
        for post in context.holders("chief-finance-officer"):
            if any(_folded(qualification) in meant for qualification in post.qualifications):
                continue
            span = (
                context.value_span(post, "qualifications")
                if post.qualifications
                else context.designation_span(post, "chief-finance-officer")
            )
            held = ", ".join(post.qualifications) or "none"
            yield self.finding(
                span,
                f"chief finance officer {post.id!r} holds no accepted accountancy qualification "
                f"(has: {held}; accepted: {', '.join(accepted)})",
                post=post.id,
                designations=("chief-finance-officer",),
            )


def _folded(qualification: str) -> str:
    """A qualification as compared: case, dots and spaces aside (``cipfa``, ``C.P.F.A.``)."""
    return "".join(qualification.casefold().replace(".", "").split())
