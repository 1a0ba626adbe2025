"""What the missing-designation rules (L101-L103, L108) share: a designation the council's type
requires (policy ``council-types``) that no post holds is reported at the ``organisation`` key.
A rule for several designations (L108) cites, on each finding, the statute the policy gives the
one missing: a missing DPH cites the NHS Act, not the Children Act. Where a council type's own
``grounds`` name another nation's section for a designation, every rule cites that: a Scottish
council's missing chief finance officer is the s95 officer, not the s151 one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from orglint.diagnostics import Diagnostic
from orglint.rules import CheckContext, Rule
from orglint.wording import a_council_of_type


class MissingDesignation(Rule):
    designations: ClassVar[tuple[str, ...]]
    """The designations this rule looks for, each reported on its own when missing."""

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        required = context.policy.required_designations(context.council_type)
        for designation in self.designations:
            if designation in required and context.lacks(designation):
                name = context.policy.designation_name(designation)
                yield self.finding(
                    context.structure.organisation_span(),
                    f"no post is designated {name} ({designation}), which {a_council_of_type(context.council_type)} must have",
                    basis=self._grounds(context, designation),
                    designations=(designation,),
                )

    def _grounds(self, context: CheckContext, designation: str) -> str:
        """The basis a missing designation's finding cites: its council type's own grounds (a
        nation's section), else, for a rule of several designations, the one missing's own statute;
        else the rule's basis (the empty string)."""
        council_type = context.policy.council_types.get(context.council_type)
        if council_type is not None and designation in council_type.grounds:
            return council_type.grounds[designation]
        if len(self.designations) > 1:
            return context.policy.required_by(context.council_type, designation) or ""
        return ""
