"""What the missing-designation rules (L101-L103, L108) share: a designation the council's type
requires (policy ``council-types``) that no post holds is reported at the ``organisation`` key.
A rule for several designations (L108) cites, on each finding, the statute the policy gives the
one missing: a missing DPH cites the NHS Act, not the Children Act."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from orglint.diagnostics import Diagnostic
from orglint.rules import CheckContext, Rule
from orglint.wording import a_or_an


class MissingDesignation(Rule):
    designations: ClassVar[tuple[str, ...]]
    """The designations this rule looks for, each reported on its own when missing."""

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        required = context.policy.required_designations(context.council_type)
        for designation in self.designations:
            if designation in required and not context.holders(designation):
                name = context.policy.designation_name(designation)
                entry = context.policy.designations.get(designation)
                yield self.finding(
                    context.structure.organisation_span(),
                    f"no post is designated {name} ({designation}), which {a_or_an(context.council_type)} council must have",
                    # a rule for several directors cites the one missing's own statute
                    basis=entry.statute if len(self.designations) > 1 and entry is not None and entry.statute else "",
                )
