"""What L105, L106 and L111 share: two designations one post may not (or should not) hold together."""

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
        both = {post.id for post in context.holders(self.second)}
        for post in context.holders(self.first):
            if post.id in both:
                yield self.finding(
                    context.designation_span(post, self.second),
                    f"{post.id!r} is both {context.policy.designation_name(self.first)} and "
                    f"{context.policy.designation_name(self.second)}: {self.reason}",
                    post=post.id,
                )
