"""The statutory officers table: each designation the council type requires (and any other held),
the post that holds it, and whether it is held, vacant, missing or in conflict."""

from __future__ import annotations

from dataclasses import dataclass

from orglint.diagnostics import Diagnostic
from orglint.engine import StructureRun
from orglint.load.input_findings import INVALID_STRUCTURE
from orglint.model.schema import Holder, Post
from orglint.rules import Rule
from orglint.rules.registry import family_of

HELD, VACANT, MISSING, IN_CONFLICT = "held", "vacant", "missing", "in conflict"


@dataclass
class OfficerRow:
    designation: str
    name: str
    statute: str | None
    required: bool
    post: Post | None
    status: str
    findings: list[str]
    """Codes of the statutory findings about this designation on the post (the conflicts among them)."""

    @property
    def holder(self) -> Holder:
        return self.post.holder if self.post is not None else None


def is_vacant_holder(name: str | None) -> bool:
    return name is not None and name.strip().casefold() == "vacant"


def is_vacant(post: Post) -> bool:
    """Nobody holds the post: its holder, or every sharer of a job share, is ``vacant``."""
    return post.vacant


def statutory_officers(run: StructureRun, diagnostics: list[Diagnostic], rules: dict[str, type[Rule]]) -> list[OfficerRow]:
    """Required designations first, in the policy's order, then the others held or that a rule asks
    for (a statutory deputy, L112: required by that rule, held or missing). A holder is in
    conflict when a designation-conflict rule (L104, L105, L106, L109, L111, L114) reports that
    designation on its post: a post's other designations are not. A row's findings are the
    statutory findings about that designation on that post (a finding naming no designation, about
    the post as a whole, is shown on each of its rows); a missing designation's row has the
    findings that say it is missing (an X002 where an entry names it within a job title)."""
    context = run.context
    policy = context.policy
    required = policy.required_designations(context.council_type)
    held = {designation for post in run.graph.posts.values() for designation in post.designations}
    about: dict[tuple[str | None, str | None], list[str]] = {}
    """(post, or None for no post; designation, or None for the post as a whole) → codes of the
    statutory findings."""
    conflicts: set[tuple[str, str]] = set()
    for diagnostic in diagnostics:
        if diagnostic.code not in rules or family_of(diagnostic.code) != "L":
            continue
        if diagnostic.post is None and not diagnostic.designations:
            continue
        for designation in diagnostic.designations or (None,):
            about.setdefault((diagnostic.post, designation), []).append(diagnostic.code)
            if diagnostic.post is not None and designation is not None and rules[diagnostic.code].designation_conflict:
                conflicts.add((diagnostic.post, designation))

    # a designation a rule asks for beyond the council type's (a statutory deputy, L112) has its row,
    # required, held or not
    asked = frozenset().union(*(rule.required_designations(context) for rule in run.rules)) - set(required)
    held_not_required = [d for d in policy.designations if (d in held or d in asked) and d not in required]
    if not policy.designations:  # no vocabulary: what posts write is all there is; else an unknown entry is an X002
        held_not_required += sorted(held)
    rows = []
    for designation in [*required, *held_not_required]:
        entry = policy.designations.get(designation)
        name = entry.name if entry is not None else designation
        statute = policy.required_by(context.council_type, designation)  # a nation's own section where it has one
        posts = context.holders(designation)
        needed = designation in required or designation in asked
        if not posts:
            missing = sorted(set(about.get((None, designation), [])))
            if context.named_in_unknown_entry(designation):  # written within a job title: its X002 says so
                missing = sorted({*missing, INVALID_STRUCTURE})
            rows.append(OfficerRow(designation, name, statute, needed, None, MISSING, missing))
        for post in posts:
            codes = sorted({*about.get((post.id, designation), []), *about.get((post.id, None), [])})
            status = IN_CONFLICT if (post.id, designation) in conflicts else VACANT if is_vacant(post) else HELD
            rows.append(OfficerRow(designation, name, statute, needed, post, status, codes))
    return rows
