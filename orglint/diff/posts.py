"""Posts matched across two versions of a structure, and what changed about each.

Posts match by id. A post whose id is new is matched to an unmatched old post with the same
title in the same position (the same manager, once managers are matched, or else the same
tier), when exactly one fits: a post renumbered, not replaced. A group of posts (an organogram's
junior staff row) matches by id only: its id is its key (reporting senior post, grade, generic
job title, professional group), so another key is another group."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from orglint.graph import OrgGraph
from orglint.model.schema import Post


@dataclass(frozen=True)
class Change:
    post: str
    """The post's id in the new version."""
    before: Any
    after: Any
    """The values as the structure has them (text, a number, a list, or None)."""


@dataclass
class DesignationMove:
    designation: str
    before: list[str]
    after: list[str]
    """Post ids holding it (new-version ids, where the post still exists)."""


@dataclass
class PostChanges:
    added: list[Post] = field(default_factory=list)
    deleted: list[Post] = field(default_factory=list)
    renumbered: list[tuple[Post, Post]] = field(default_factory=list)
    """(old post, new post) matched by title and position."""
    moved: list[Change] = field(default_factory=list)
    """A new manager."""
    regraded: list[Change] = field(default_factory=list)
    retitled: list[Change] = field(default_factory=list)
    retiered: list[Change] = field(default_factory=list)
    refte: list[Change] = field(default_factory=list)
    department: list[Change] = field(default_factory=list)
    reshared: list[Change] = field(default_factory=list)
    """A new number of holders (a job share begun or ended): before and after are the counts."""
    redesignated: list[Change] = field(default_factory=list)
    repaid: list[Change] = field(default_factory=list)
    """A new salary range: before and after are ``{min, max}`` (None for none)."""
    refunctioned: list[Change] = field(default_factory=list)
    requalified: list[Change] = field(default_factory=list)
    reevaluated: list[Change] = field(default_factory=list)
    """A new job-evaluation record: before and after are its ``{scheme, date, grade}`` (None for none)."""
    designations: list[DesignationMove] = field(default_factory=list)
    """Designations whose holders changed (statutory roles moving between posts)."""

    def categories(self) -> list[tuple[str, str, list[Change]]]:
        """(JSON key, title, changes) of each kind of change to a post that stays."""
        return [
            ("moved", "Moved (a new manager)", self.moved),
            ("regraded", "Regraded", self.regraded),
            ("retitled", "Retitled", self.retitled),
            ("tier", "Tier changed", self.retiered),
            ("fte", "FTE changed", self.refte),
            ("department", "Department changed", self.department),
            ("holders", "Holders (job shares) changed", self.reshared),
            ("designations", "Designations changed", self.redesignated),
            ("pay", "Pay changed (salary range)", self.repaid),
            ("function", "Function changed", self.refunctioned),
            ("qualifications", "Qualifications changed", self.requalified),
            ("evaluation", "Evaluation record changed", self.reevaluated),
        ]

    @property
    def unchanged(self) -> bool:
        return not any(value for value in vars(self).values())


def match_posts(old: OrgGraph, new: OrgGraph) -> dict[str, str]:
    """Old id → new id for every post the two versions share."""
    matched = {post_id: post_id for post_id in old.posts if post_id in new.posts}
    unmatched_old = [post for post_id, post in old.posts.items() if post_id not in matched and not post.group]
    if not unmatched_old:
        return matched
    taken = set(matched.values())
    by_title: dict[str, list[Post]] = {}
    for post in unmatched_old:
        by_title.setdefault(post.title.casefold(), []).append(post)
    for post in new.posts.values():
        if post.id in taken or post.group:
            continue
        candidates = [c for c in by_title.get(post.title.casefold(), []) if c.id not in matched]
        if len(candidates) > 1:
            same_manager = [c for c in candidates if matched.get(c.reports_to or "") == post.reports_to]
            candidates = same_manager or [c for c in candidates if c.tier == post.tier]
        if len(candidates) == 1:
            matched[candidates[0].id] = post.id
    return matched


_COMPARED_AS_THEY_ARE = {"grade": "regraded", "title": "retitled", "tier": "retiered", "fte": "refte", "department": "department"}
"""The attributes of a post compared as the versions give them, each with the list of
``PostChanges`` that its changes go to."""


def _record(post: Post) -> dict[str, str | None] | None:
    """What identifies a post's evaluation record: its scheme, date and grade (the points and
    rationale are its detail)."""
    record = post.evaluation
    if record is None:
        return None
    return {"scheme": record.scheme, "date": record.date.isoformat() if record.date else None, "grade": record.grade}


def _range(post: Post) -> dict[str, float] | None:
    return None if post.salary is None else {"min": post.salary.min, "max": post.salary.max}


def _holders(graph: OrgGraph, known: Collection[str], renamed: dict[str, str]) -> dict[str, list[str]]:
    """Each designation's holders, by id (``renamed``: an id's new one); only ``known``
    designations, where the ruleset knows any."""
    holders: dict[str, list[str]] = {}
    for post in graph.posts.values():
        for designation in post.designations:
            if not known or designation in known:
                holders.setdefault(designation, []).append(renamed.get(post.id, post.id))
    return holders


def post_changes(
    old: OrgGraph, new: OrgGraph, matched: dict[str, str], vocabularies: tuple[Collection[str], Collection[str]] = ((), ())
) -> PostChanges:
    """``matched``: ``match_posts(old, new)``; ``vocabularies``: the designations each version's
    ruleset knows (empty: any entry is one). An entry outside them is an X002, not a designation
    held, so it moves nowhere (a job title written as a designation)."""
    changes = PostChanges()
    new_ids = set(matched.values())
    changes.added = [post for post in new.posts.values() if post.id not in new_ids]
    changes.deleted = [post for post in old.posts.values() if post.id not in matched]
    for old_id, new_id in matched.items():
        before, after = old.posts[old_id], new.posts[new_id]
        if old_id != new_id:
            changes.renumbered.append((before, after))
        manager_before = matched.get(before.reports_to, before.reports_to) if before.reports_to is not None else None
        if manager_before != after.reports_to:
            changes.moved.append(Change(new_id, before.reports_to, after.reports_to))
        for attribute, changed in _COMPARED_AS_THEY_ARE.items():
            value_before, value_after = getattr(before, attribute), getattr(after, attribute)
            if value_before != value_after:
                getattr(changes, changed).append(Change(new_id, value_before, value_after))
        if len(before.holders) != len(after.holders):
            changes.reshared.append(Change(new_id, len(before.holders), len(after.holders)))
        if sorted(before.designations) != sorted(after.designations):
            changes.redesignated.append(Change(new_id, sorted(before.designations), sorted(after.designations)))
        if before.salary != after.salary:
            changes.repaid.append(Change(new_id, _range(before), _range(after)))
        if before.function != after.function:
            changes.refunctioned.append(Change(new_id, before.function, after.function))
        if sorted(before.qualifications) != sorted(after.qualifications):
            changes.requalified.append(Change(new_id, sorted(before.qualifications), sorted(after.qualifications)))
        if _record(before) != _record(after):
            changes.reevaluated.append(Change(new_id, _record(before), _record(after)))
    known_before, known_after = vocabularies
    holders_before = _holders(old, known_before, matched)  # by the ids the posts have now
    holders_after = _holders(new, known_after, {})
    for designation in sorted(holders_before.keys() | holders_after.keys()):
        before_ids, after_ids = holders_before.get(designation, []), holders_after.get(designation, [])
        if sorted(before_ids) != sorted(after_ids):
            changes.designations.append(DesignationMove(designation, before_ids, after_ids))
    return changes
