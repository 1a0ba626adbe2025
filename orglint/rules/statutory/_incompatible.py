"""What L105, L106, L109, L111 and L114 share: designations one post may not (or should not) hold together.

A rule names the designation it reports at (``designation``) and the designations its own basis bars
it from being held with wherever that basis applies (``barred``), unless the council type's statute
lets one post hold the pair (policy ``council-types.<type>.lawful-together``: a Scottish council's
head of paid service may be its monitoring officer). Where the council type's ``barred-together``
names the section that bars a pair there, the findings cite it; a rule whose bar is one nation's
alone (``reads_barred_together``: L114, the Local Government (Wales) Measure 2011 s8(4)) takes its
pairs from there too, so the ruleset, not the code, says what is barred with what, and where."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from orglint.diagnostics import Diagnostic
from orglint.model.schema import Post
from orglint.rules import CheckContext, Rule


class IncompatibleDesignations(Rule):
    designation: ClassVar[str]
    """Reported at this one, on each post that holds it with a designation barred beside it."""
    barred: ClassVar[tuple[str, ...]] = ()
    """The designations the rule's own basis bars ``designation`` from being held with."""
    reads_barred_together: ClassVar[bool] = False
    """Whether the pairs with ``designation`` that the council type's ``barred-together`` names are
    this rule's to report as well (not only to cite)."""
    reason: ClassVar[str]
    designation_conflict = True

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        policy, council_type = context.policy, context.council_type
        others = dict.fromkeys(self.barred)
        if self.reads_barred_together:
            others.update(dict.fromkeys(policy.barred_with(council_type, self.designation)))
        barred = {
            other: policy.barred_by(council_type, self.designation, other) or ""
            for other in others
            if not policy.lawful_together(council_type, self.designation, other)
        }
        if not barred:
            return
        for post in context.holders(self.designation):
            clashing = [other for other in barred if other in post.designations]
            if clashing:
                yield self.finding(
                    context.designation_span(post, self.designation),
                    self.message(context, post, clashing),
                    post=post.id,
                    basis="; ".join(dict.fromkeys(barred[other] for other in clashing if barred[other])),
                    designations=(self.designation, *clashing),
                )

    def message(self, context: CheckContext, post: Post, clashing: list[str]) -> str:
        """One finding per post, naming every designation it holds that is barred beside ``designation``."""
        names = " and ".join(context.policy.designation_name(other) for other in clashing)
        return f"{post.id!r} is both {names} and {context.policy.designation_name(self.designation)}: {self.reason}"
