"""Edits to a file's text, as a rule's safe fix makes them (``Rule.fix_edits``), and the file's text
indexed by line so a finding's span (1-based lines and columns) becomes offsets into it.

A fix edits the text where the finding points, and nowhere else: every other byte of the file
(comments, key order, quoting, blank lines, line breaks) stays as written. ``orglint.fix`` applies
the edits and checks that the result still reads as YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from orglint.diagnostics import Span
from orglint.load.source import LINE_BREAK


@dataclass(frozen=True, order=True)
class TextEdit:
    """Replace ``text[start:end]`` (offsets into the file's text) by ``new``."""

    start: int
    end: int
    new: str


class SourceText:
    """A file's text, or the part of it from line ``first_line`` on, with where each line starts
    (lines as findings number them: the editor's breaks). Lines are numbered as in the file;
    offsets are into ``text``."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line starts (offsets into ``text``), the first line's first."""
        return [0, *(brk.end() for brk in LINE_BREAK.finditer(self.text))]

    def _index(self, line: int) -> int:
        index = line - self.first_line
        if not 0 <= index < len(self.line_starts):
            raise ValueError(f"line {line} is outside the text")
        return index

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (past the end of the line: its end)."""
        return min(self.line_start(line) + column - 1, self.line_end(line))

    def line_end(self, line: int) -> int:
        """Where the line's text ends (before its line break)."""
        index, starts = self._index(line), self.line_starts
        if index + 1 == len(starts):  # the last line: no break after it
            return len(self.text)
        following = starts[index + 1]
        return following - 2 if self.text[following - 2 : following] == "\r\n" else following - 1

    def line_start(self, line: int) -> int:
        return self.line_starts[self._index(line)]

    def next_line_start(self, line: int) -> int:
        """Where the following line starts (the end of the text on the last line)."""
        index, starts = self._index(line), self.line_starts
        return starts[index + 1] if index + 1 < len(starts) else len(self.text)

    def span_range(self, span: Span) -> tuple[int, int]:
        """The span's (start, end) offsets."""
        return self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)


_PLAIN_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/()-]*[A-Za-z0-9.)]|[A-Za-z0-9]")
"""Text that YAML reads back plain (no quotes) as these same characters: letters, digits and a
few inner punctuation marks, never a leading indicator or a `: `/` #` pair. orglint's own reader
takes every such scalar as a string; other YAML tools (yamllint, an editor's YAML server, a
council's own scripts) resolve some of them to other types: ``_resolved_type`` says which."""

_RESOLVED = (
    ("null", re.compile(r"~|null|Null|NULL")),
    ("bool", re.compile(r"(?i:y|n|yes|no|true|false|on|off)")),  # YAML 1.1's words, as PyYAML and others read them
    (
        "int",
        re.compile(r"[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|(0|[1-9][0-9_]*))"),
    ),
    (
        "float",
        re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"),
    ),
    ("timestamp", re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")),
)
"""The plain scalars that YAML 1.1 and 1.2's core schema (between them, what other YAML readers
use) resolve to something other than a string, by type."""


def _resolved_type(plain: str) -> str:
    """What a plain scalar reads as in other YAML tools: ``str``, or ``int``, ``float``,
    ``bool``, ``null``, ``timestamp``."""
    return next((kind for kind, pattern in _RESOLVED if pattern.fullmatch(plain)), "str")


def rewritten_scalar(written: str, new: str) -> str:
    """``new`` written in the quoting of the scalar ``written``.

    - Single- or double-quoted if ``written`` was: a quoted value stays quoted (``tier: '3'``
      becomes ``tier: '2'``), whatever the new text looks like.
    - Plain if ``written`` was plain and plain ``new`` reads back as the same characters and,
      in other YAML tools, as the same type as ``written`` did: a plain number stays a plain
      number (``tier: 3`` becomes ``tier: 2``), a plain word a plain word (``grdae``'s fix,
      ``s151`` to ``chief-finance-officer``).
    - Single-quoted otherwise: text that would not read back plain, and text that other tools
      would read as another type than the value it replaces (``123``, ``1.5``, ``2024-01-01``
      or ``yes`` in place of a plain string), so that no reader's data changes type."""
    if len(written) >= 2 and written[0] == written[-1] == "'":
        return "'" + new.replace("'", "''") + "'"
    if len(written) >= 2 and written[0] == written[-1] == '"':
        return '"' + new.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if _PLAIN_SAFE.fullmatch(new) and _resolved_type(new) in ("str", _resolved_type(written)):
        return new
    return "'" + new.replace("'", "''") + "'"
