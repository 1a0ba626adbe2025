"""Between orglint's places (1-based lines and columns in code points, ``Span``) and the protocol's
(0-based lines, columns in the client's code units: UTF-16 unless it chose otherwise).

Both count lines as editors do (``orglint.load.source.LINE_BREAK``: ``\\r\\n``, ``\\r`` and ``\\n``;
the loader moves libyaml's places off its extra breaks, U+0085, U+2028 and U+2029, see
``orglint.load.yaml_lines``). A place still goes through its offset into the text, so that the
protocol's columns and a finding's, and an edit made for it, can never drift apart.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from orglint.diagnostics import Span
from orglint.load.source import LINE_BREAK
from orglint.text_edits import SourceText


def lsp_lines(text: str) -> list[str]:
    """A text's lines as the protocol numbers them, without their breaks."""
    return LINE_BREAK.split(text)


class DocumentText:
    """A file's text, with where its lines start (``source``, a ``SourceText``): findings and
    the protocol count the same lines, from 1 and from 0."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.source = SourceText(text)

    @cached_property
    def lines(self) -> list[str]:
        """The protocol's lines, without their breaks."""
        return lsp_lines(self.text)

    def position(self, offset: int) -> types.Position:
        """The protocol position (code points) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        starts = self.source.line_starts
        line = bisect_right(starts, offset) - 1
        return types.Position(line=line, character=offset - starts[line])

    def offset(self, line: int, character: int) -> int:
        """The offset of a protocol position (0-based, code points; past the end of its line: the
        line's end)."""
        starts = self.source.line_starts
        line = max(0, min(line, len(starts) - 1))
        return starts[line] + min(max(character, 0), len(self.lines[line]))

    def place(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of an offset, as findings count them."""
        position = self.position(offset)
        return position.line + 1, position.character + 1

    def line_count(self) -> int:
        return len(self.source.line_starts)

    def span_offsets(self, span: Span) -> tuple[int, int]:
        """The span's (start, end) offsets (a line past the text's end: the text's end)."""
        return self.line_offset(span.line, span.column), self.line_offset(span.end_line, span.end_column)

    def line_offset(self, line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > self.line_count():
            return len(self.text)
        return self.source.offset(line, max(column, 1))

    def span_range(self, span: Span) -> types.Range:
        """The span's range in protocol positions (code points). An empty span (a finding about a
        whole file, at 1:1) covers the rest of its line, so that editors show it."""
        start, end = self.span_offsets(span)
        begin = self.position(start)
        if end <= start:
            line = self.lines[begin.line] if begin.line < len(self.lines) else ""
            return types.Range(start=begin, end=types.Position(line=begin.line, character=max(len(line), begin.character + 1)))
        return types.Range(start=begin, end=self.position(end))


def span_range(span: Span, document: DocumentText, codec: PositionCodec) -> types.Range:
    """The span's range in client units."""
    return codec.range_to_client_units(document.lines, document.span_range(span))


def offset_position(text: str, offset: int) -> types.Position:
    """The protocol position (code points) of an offset into ``text``."""
    return DocumentText(text).position(offset)


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the 1-based place (line, column) is in the span (its end included, where a cursor
    stands after the last character)."""
    if (line, column) < (span.line, span.column):
        return False
    if span.end_line == span.line and span.end_column <= span.column:  # empty: the whole line
        return line == span.line
    return (line, column) <= (span.end_line, span.end_column)
