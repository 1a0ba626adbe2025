"""Between orglint's places (1-based lines and columns in code points, ``Span``) and the protocol's
(0-based lines, columns in the client's code units: UTF-16 unless it chose otherwise).

Both count lines as editors do (``orglint.load.source.LINE_BREAK``: ``\\r\\n``, ``\\r`` and ``\\n``;
the loader moves libyaml's places off its extra breaks, U+0085, U+2028 and U+2029, see
``orglint.load.yaml_lines``). A place still goes through its offset into the text, so that the
protocol's columns and a finding's, and an edit made for it, can never drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from orglint.diagnostics import Span
from orglint.text_edits import SourceText

_LSP_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""The protocol's line breaks (LSP 3.17: "\\n", "\\r\\n" and "\\r")."""


def lsp_lines(text: str) -> list[str]:
    """A text's lines as the protocol numbers them, without their breaks."""
    return _LSP_LINE_BREAK.split(text)


class DocumentText:
    """A file's text, with where its lines start as findings count them (``yaml``, a
    ``SourceText``) and as the protocol counts them (the editor): the same lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.yaml = SourceText(text)

    @cached_property
    def lines(self) -> list[str]:
        """The protocol's lines, without their breaks."""
        return lsp_lines(self.text)

    @cached_property
    def _lsp_starts(self) -> list[int]:
        return [0, *(brk.end() for brk in _LSP_LINE_BREAK.finditer(self.text))]

    def position(self, offset: int) -> types.Position:
        """The protocol position (code points) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._lsp_starts, offset) - 1
        return types.Position(line=line, character=offset - self._lsp_starts[line])

    def offset(self, line: int, character: int) -> int:
        """The offset of a protocol position (0-based, code points; past the end of its line: the
        line's end)."""
        starts = self._lsp_starts
        line = max(0, min(line, len(starts) - 1))
        return starts[line] + min(max(character, 0), len(self.lines[line]))

    def place(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of an offset, as findings count them."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.yaml.line_starts, offset) - 1
        return line + 1, offset - self.yaml.line_starts[line] + 1

    def yaml_line_count(self) -> int:
        return len(self.yaml.line_starts)

    def span_offsets(self, span: Span) -> tuple[int, int]:
        """The span's (start, end) offsets (a line past the text's end: the text's end)."""
        return self.line_offset(span.line, span.column), self.line_offset(span.end_line, span.end_column)

    def line_offset(self, line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > self.yaml_line_count():
            return len(self.text)
        return self.yaml.offset(line, max(column, 1))

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
