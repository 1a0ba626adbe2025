"""Between orglint's places (1-based lines and columns in code points, ``Span``) and the protocol's
(0-based lines, columns in the client's code units: UTF-16 unless it chose otherwise)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from orglint.diagnostics import Span

_LSP_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""The protocol's line breaks (LSP 3.17: "\\n", "\\r\\n" and "\\r")."""


def lsp_lines(text: str) -> list[str]:
    """A text's lines as the protocol numbers them, without their breaks."""
    return _LSP_LINE_BREAK.split(text)


def span_range(span: Span, lines: Sequence[str], codec: PositionCodec) -> types.Range:
    """The span's range in client units. An empty span (a finding about a whole file, at 1:1)
    covers the rest of its line, so that editors show it."""
    start = types.Position(line=max(span.line - 1, 0), character=max(span.column - 1, 0))
    end = types.Position(line=max(span.end_line - 1, 0), character=max(span.end_column - 1, 0))
    if (start.line, start.character) >= (end.line, end.character):
        line = lines[start.line] if start.line < len(lines) else ""
        end = types.Position(line=start.line, character=max(len(line), start.character + 1))
    return codec.range_to_client_units(lines, types.Range(start=start, end=end))


def offset_position(text: str, offset: int) -> types.Position:
    """The protocol position (code points) of an offset into ``text``."""
    line, line_start = 0, 0
    for brk in _LSP_LINE_BREAK.finditer(text, 0, offset):
        line, line_start = line + 1, brk.end()
    return types.Position(line=line, character=offset - line_start)


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the 1-based place (line, column) is in the span (its end included, where a cursor
    stands after the last character)."""
    if (line, column) < (span.line, span.column):
        return False
    if span.end_line == span.line and span.end_column <= span.column:  # empty: the whole line
        return line == span.line
    return (line, column) <= (span.end_line, span.end_column)
