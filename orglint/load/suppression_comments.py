"""Inline suppression comments: ``# orglint: ignore[L112] -- reason`` on a post's line or the
line of the key at fault, and ``# orglint: ignore-file[D103] -- reason`` for a whole file."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from orglint.diagnostics import Span
from orglint.load.source import LINE_BREAK, decode_text
from orglint.load.yaml_source import YamlMap, YamlSeq

_MAYBE_COMMENT = re.compile(rb"#(?:\s|[\x80-\xff])*orglint:")
"""Matches wherever COMMENT could: its ``\\s`` also takes Unicode spaces, which are non-ASCII bytes."""
COMMENT = re.compile(r"#\s*orglint:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]]*)\](?:[ \t]*--[ \t]*(?P<reason>[^\n]*\S))?")

CODE = re.compile(r"[^,\s](?:[^,]*[^,\s])?")
"""One code of a comment's list: what lies between commas, spaces around it aside."""


@dataclass(eq=False)
class Suppression:
    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    """Rule codes or names, as written."""
    code_columns: tuple[int, ...]
    """Where each of ``codes`` starts on the comment's line (1-based): an unused one is reported
    (X003), and removed by its fix, right there."""
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
    for match in COMMENT.finditer(text):
        for brk in LINE_BREAK.finditer(text, counted_to, match.start()):  # the editor's line breaks, as findings count
            line += 1
            line_start = brk.end()
        counted_to = match.start()
        listed = [(code.group(), code.start()) for code in CODE.finditer(match["codes"])]
        codes_start = match.start("codes") - line_start + 1
        found.append(
            Suppression(
                display,
                line,
                match.start() - line_start + 1,
                tuple(code for code, _ in listed),
                tuple(codes_start + offset for _, offset in listed),
                match["reason"],
                match["kind"] == "ignore-file",
            )
        )
    return found


def comments_only(suppressions: list[Suppression], root: object) -> list[Suppression]:
    """The suppressions that are comments: text that reads like one inside a quoted or block
    scalar (a title ``"AD # orglint: ignore[S001]"``) is part of the value, and neither hides a
    finding nor is reported unused (so ``--fix`` never edits a value for X003)."""
    return [found for found in suppressions if not inside_value(root, (found.line, found.column))]


def inside_value(node: object, position: tuple[int, int]) -> bool:
    """Whether ``position`` (line, column) lies inside a value of the composed tree ``node``:
    down the one entry or item whose span holds it (items by bisection: a list of 100,000 posts),
    to a scalar."""
    while isinstance(node, YamlMap | YamlSeq):
        if isinstance(node, YamlSeq):
            items = node
            index = bisect_right(range(len(items)), position, key=lambda i: _start(items.item_span(i))) - 1
            if index < 0 or not _holds(items.item_span(index), position):
                return False
            node = items[index]
        else:
            key = next((key for key in node if _holds(node.value_span(key), position)), None)
            if key is None:
                return False
            node = node[key]
    return node is not None


def _start(span: Span) -> tuple[int, int]:
    return span.line, span.column


def _holds(span: Span, position: tuple[int, int]) -> bool:
    return (span.line, span.column) <= position < (span.end_line, span.end_column)
