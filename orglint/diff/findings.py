"""Findings matched across two versions without line numbers: by rule, post and message (with
line references and folder names left out), and by file where a version holds several structures."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from orglint.diagnostics import Diagnostic, location_free

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


def finding_key(diagnostic: Diagnostic, side: Side) -> FindingKey:
    return (side.file_key(diagnostic.span.file), diagnostic.code, diagnostic.post or "", side.message_key(diagnostic.message))


@dataclass
class FindingChanges:
    introduced: list[Diagnostic]
    """In the new version, not the old (new-side findings)."""
    resolved: list[Diagnostic]
    """In the old version, not the new (old-side findings)."""
    persisting: list[Diagnostic]
    """In both (new-side findings)."""


def compare_findings(old: list[Diagnostic], old_side: Side, new: list[Diagnostic], new_side: Side) -> FindingChanges:
    """Each finding matched at most once: a finding that occurs twice before and three times
    after is one introduced."""
    remaining = Counter(finding_key(d, old_side) for d in old)
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
        key = finding_key(diagnostic, old_side)
        if remaining[key] > 0:
            remaining[key] -= 1
            resolved.append(diagnostic)
    return FindingChanges(introduced, resolved, persisting)
