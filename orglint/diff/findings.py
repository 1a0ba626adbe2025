"""Findings matched across two versions without line numbers: by rule, post and message (with
line references and folder names left out), and by file where a version holds several structures.

``diff`` then pairs what is left over: a finding *changed* is the same problem seen differently
(see ``ChangedFinding``), not one resolved and another introduced."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from orglint.diagnostics import Diagnostic, Severity, location_free
from orglint.rules.registry import family_of

ROOT_FILE = "<root>"

FindingKey = tuple[str | None, str, str, str]
"""(file, rule, post, message)."""


@dataclass(frozen=True)
class Side:
    """Where one version's findings are. With ``root_file``, the version is one structure (``diff``):
    a finding is matched wherever in the structure it stands (rows and lines move; so do posts, from
    one included file to another, or from one dated organogram table to the next), and the root
    file's name in messages is ROOT_FILE, so a renamed structure still matches. Without it (``check
    --new-only``, over any number of structures, where two may have posts of one id), by file too,
    relative to ``folder``."""

    folder: str
    root_file: str | None = None

    def file_key(self, file: str) -> str | None:
        if self.root_file is not None:
            return None
        return os.path.relpath(file, self.folder).replace(os.sep, "/")

    def message_key(self, message: str) -> str:
        prefix = self.folder.rstrip("/") + "/" if self.folder not in ("", ".") else ""
        text = message.replace(self.root_file, ROOT_FILE) if self.root_file else message
        return location_free(text.replace(prefix, "") if prefix else text)


def finding_key(diagnostic: Diagnostic, side: Side, post_ids: Mapping[str, str] | None = None) -> FindingKey:
    """``post_ids`` names the post as the other version does (a renumbered post is the same post)."""
    post = diagnostic.post or ""
    if post_ids:
        post = post_ids.get(post, post)
    return (side.file_key(diagnostic.span.file), diagnostic.code, post, side.message_key(diagnostic.message))


@dataclass
class ChangedFinding:
    """The same subject's findings of one rule family, different in each version: on one post (as
    ``diff`` matches posts, so a renumbered post is the same post), or, for a finding on no post, one
    department; and one family (the code's letters: D102 and D103 are both spans and layers).
    Subject and family both sides have, with findings unmatched on each side: one change, with all
    of them (a post that went from D103 to D102 and D101 is one change)."""

    post: str | None
    """The post's id in the new version."""
    department: str | None
    """For findings on no post: the department's id."""
    family: str
    before: list[Diagnostic]
    """Old-side findings."""
    after: list[Diagnostic]
    """New-side findings."""

    @property
    def became_an_error(self) -> bool:
        """An error now where the old findings had none: a regression, as an introduced error is."""
        return _has_error(self.after) and not _has_error(self.before)


def _has_error(findings: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in findings)


@dataclass
class FindingChanges:
    introduced: list[Diagnostic]
    """In the new version, not the old (new-side findings)."""
    resolved: list[Diagnostic]
    """In the old version, not the new (old-side findings)."""
    persisting: list[Diagnostic]
    """In both (new-side findings)."""
    changed: list[ChangedFinding] = field(default_factory=list)
    """Left empty by ``compare_findings`` (``check --new-only`` counts a changed finding as new);
    filled by ``pair_changed``."""

    @property
    def introduces_errors(self) -> bool:
        return _has_error(self.introduced) or any(change.became_an_error for change in self.changed)

    def old_side(self) -> Iterator[Diagnostic]:
        """The old version's findings shown: resolved, and the before of each change."""
        yield from self.resolved
        for change in self.changed:
            yield from change.before


def compare_findings(
    old: list[Diagnostic], old_side: Side, new: list[Diagnostic], new_side: Side, new_post_ids: Mapping[str, str] | None = None
) -> FindingChanges:
    """Each finding matched at most once: a finding that occurs twice before and three times
    after is one introduced. ``new_post_ids``: old post id → new, for posts the versions share."""
    remaining = Counter(finding_key(d, old_side, new_post_ids) for d in old)
    introduced, persisting = [], []
    for diagnostic in new:
        key = finding_key(diagnostic, new_side)
        if remaining[key] > 0:
            remaining[key] -= 1
            persisting.append(diagnostic)
        else:
            introduced.append(diagnostic)
    resolved = []
    for diagnostic in old:
        key = finding_key(diagnostic, old_side, new_post_ids)
        if remaining[key] > 0:
            remaining[key] -= 1
            resolved.append(diagnostic)
    return FindingChanges(introduced, resolved, persisting)


Subject = tuple[str | None, str | None]
"""(post, department): the post (new-side id), else the department a finding is on."""


def _subject(diagnostic: Diagnostic, new_post_ids: Mapping[str, str]) -> Subject | None:
    if diagnostic.post:
        return (new_post_ids.get(diagnostic.post, diagnostic.post), None)
    if diagnostic.department:
        return (None, diagnostic.department)
    return None  # on the whole structure: nothing says two such findings are about one thing


def _by_subject_and_family(
    findings: list[Diagnostic], new_post_ids: Mapping[str, str]
) -> dict[tuple[Subject, str], list[Diagnostic]]:
    groups: dict[tuple[Subject, str], list[Diagnostic]] = {}
    for diagnostic in findings:
        subject = _subject(diagnostic, new_post_ids)
        if subject is not None:
            groups.setdefault((subject, family_of(diagnostic.code)), []).append(diagnostic)
    return groups


def pair_changed(changes: FindingChanges, new_post_ids: Mapping[str, str]) -> FindingChanges:
    """Resolved and introduced findings of one subject and family paired as one change.
    ``new_post_ids``: old post id → new post id, for the posts the versions share."""
    before = _by_subject_and_family(changes.resolved, new_post_ids)
    after = _by_subject_and_family(changes.introduced, {})
    changed = [
        ChangedFinding(post, department, family, before[(post, department), family], findings)
        for ((post, department), family), findings in after.items()
        if ((post, department), family) in before
    ]
    paired = {id(d) for change in changed for d in (*change.before, *change.after)}
    return FindingChanges(
        [d for d in changes.introduced if id(d) not in paired],
        [d for d in changes.resolved if id(d) not in paired],
        changes.persisting,
        changed,
    )
