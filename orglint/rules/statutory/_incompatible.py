"""What L105, L106 and L111 share: two designations one post may not (or should not) hold together,
unless the council type's statute lets one post hold them (policy ``council-types.<type>.lawful-together``:
a Scottish council's head of paid service may be its monitoring officer). Where the council type's
``barred-together`` names the section that bars the pair there, the findings cite it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from orglint.diagnostics import Diagnostic
from orglint.rules import CheckContext, Rule


class IncompatibleDesignations(Rule):
    first: ClassVar[str]
    second: ClassVar[str]
    """Reported at this one, on each post that holds both."""
    reason: ClassVar[str]
    designation_conflict = True

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        if context.policy.lawful_together(context.council_type, self.first, self.second):
            return
        grounds = context.policy.barred_by(context.council_type, self.first, self.second) or ""
        both = {post.id for post in context.holders(self.second)}
        for post in context.holders(self.first):
            if post.id in both:
                yield self.finding(
                    context.designation_span(post, self.second),
                    f"{post.id!r} is both {context.policy.designation_name(self.first)} and "
                    f"{context.policy.designation_name(self.second)}: {self.reason}",
                    post=post.id,
                    basis=grounds,
                )
