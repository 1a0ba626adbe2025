"""Inline suppression comments: ``# orglint: ignore[L112] -- reason`` on a post's line or the
line of the key at fault, and ``# orglint: ignore-file[D103] -- reason`` for a whole file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"#\s*orglint:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]]*)\](?:\s*--\s*(?P<reason>.*\S))?")
MARKER = "orglint:"


@dataclass(eq=False)
class Suppression:
    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    """Rule codes or names, as written."""
    reason: str | None
    whole_file: bool
    used: set[str] = field(default_factory=set)
    """The codes among ``codes`` that suppressed a finding."""


def scan(text: str, display: str) -> list[Suppression]:
    """Every suppression comment in a file's text (a quick substring test first: most files have none)."""
    if MARKER not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if MARKER not in line:
            continue
        match = _COMMENT.search(line)
        if match:
            codes = tuple(code.strip() for code in match["codes"].split(",") if code.strip())
            found.append(Suppression(display, number, match.start() + 1, codes, match["reason"], match["kind"] == "ignore-file"))
    return found
