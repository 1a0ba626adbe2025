"""Inline suppression comments: ``# orglint: ignore[L112] -- reason`` on a post's line or the
line of the key at fault, and ``# orglint: ignore-file[D103] -- reason`` for a whole file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orglint.load.source import LINE_BREAK, decode_text

_MAYBE_COMMENT = re.compile(rb"#(?:\s|[\x80-\xff])*orglint:")
"""Matches wherever _COMMENT could: its ``\\s`` also takes Unicode spaces, which are non-ASCII bytes."""
_COMMENT = re.compile(r"#\s*orglint:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]]*)\](?:[ \t]*--[ \t]*(?P<reason>[^\n]*\S))?")


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


def scan(data: str | bytes, display: str) -> list[Suppression]:
    """Every suppression comment in a file's text (or its bytes, already known to be UTF-8): one
    regular-expression pass in C, since every structure file contains ``orglint:`` (its
    ``orglint: 1`` key) and most have no comment."""
    if isinstance(data, str):
        text = data
    elif _MAYBE_COMMENT.search(data) is None:  # the usual case, without decoding the whole file
        return []
    else:
        text = decode_text(data)
    found = []
    line, counted_to = 1, 0
    line_start = 0
    for match in _COMMENT.finditer(text):
        for brk in LINE_BREAK.finditer(text, counted_to, match.start()):  # YAML's line breaks, as findings count
            line += 1
            line_start = brk.end()
        counted_to = match.start()
        codes = tuple(code.strip() for code in match["codes"].split(",") if code.strip())
        found.append(
            Suppression(display, line, match.start() - line_start + 1, codes, match["reason"], match["kind"] == "ignore-file")
        )
    return found
