"""YAML text to plain data that remembers where every key and value stands.

Why libyaml's event stream: composing nodes (PyYAML's ``compose``) or round-tripping
(ruamel.yaml) builds a Python object per node *and* per mark, which costs 8-20x the parse
itself on a 100k-post file. Walking the C parser's events straight into dicts, lists and
strings keeps one packed integer per position instead (see ``bench/``). The walk is done in C
(``_plain_compose.c``) for documents with nothing to report, and in Python (``yaml_events``)
for the rest and wherever the C module was not built.

Safety: nothing is ever constructed from a tag. Every scalar stays the text that was written
(``007``, ``no`` and ``1e3`` are strings); the model decides what a field's text means. Plain
``null``/``~``/empty scalars are the only ones resolved, to ``None``. A tag outside the YAML
core schema (``!!python/object``, ``!custom``) is reported, never acted on.
"""

from __future__ import annotations

import re
import struct
from operator import indexOf
from typing import Any

from orglint.diagnostics import Span
from orglint.load.source import LoadProblem, SourceFile, decode_text
from orglint.load.yaml_lines import YamlLines, has_yaml_only_breaks

try:  # The same walk in C, for documents with nothing to report (built when libyaml's headers were there).
    from orglint.load._plain_compose import compose_plain as _compose_plain
except ImportError:  # pragma: no cover - exercised by the tests with the module hidden
    _compose_plain = None

ACCELERATED = _compose_plain is not None
"""Whether the C walk was built; without it every document takes the Python walk (slower, same result)."""

MAX_DEPTH = 256
"""Nesting deeper than this is rejected: no structure needs it, and it guards later recursion."""

ALIAS_EXPANSION_BASE = 100_000
"""Aliases may expand to this many nodes, plus ten per node actually written ("billion laughs")."""

LINE_SHIFT = 32
_COLUMN_MASK = (1 << LINE_SHIFT) - 1

POSITION = struct.Struct("q")
"""A packed position as stored in ``marks``: (line << LINE_SHIFT) | column, 0-based, native int64,
as libyaml counts lines (``_span`` moves them onto the editor's, ``orglint.load.yaml_lines``)."""
_START_AND_END = struct.Struct("qq")
"""Two packed positions side by side in ``marks``: where a node starts and where it ends."""


THOUSANDS_TAIL = re.compile(r"\d{3}(?:\.\d*)?")
"""A key that may be what follows a thousands comma in ``{...}``: ``£52,000`` reads as ``£52`` and
a key ``000``, ``£52,000.50`` as ``£52`` and a key ``000.50``."""


_new_tuple = tuple.__new__


def _span(source: SourceFile, start: int, end: int) -> Span:
    """The span between two packed positions (0-based line and column in, 1-based out).

    Built as ``Span._make`` builds it, without its checks: this runs once per finding, and
    the named tuple's own ``__new__`` takes three times as long. A one-line span holds one line
    number, not two equal ones.
    """
    line, column = (start >> LINE_SHIFT) + 1, (start & _COLUMN_MASK) + 1
    end_line, end_column = (end >> LINE_SHIFT) + 1, (end & _COLUMN_MASK) + 1
    if source.yaml_lines is not None:  # the file has line breaks only YAML counts
        line, column = source.yaml_lines.place_1(line, column)
        end_line, end_column = source.yaml_lines.place_1(end_line, end_column)
    return _new_tuple(Span, (source.display, line, column, line if end_line == line else end_line, end_column, None, None))


_PLACES_FROM = 64
"""Keys from which a mapping keeps each key's place in a dict: a post's dozen keys are found by a
search in C, but one mapping with 100,000 unknown keys (a hostile file's X002 each) took the square
of that, two minutes."""


class YamlMap(dict[str, Any]):
    """A mapping whose keys are text, with the span of each key and value.

    ``marks`` holds four packed positions (``POSITION``) per entry, in insertion order: key
    start, key end, value start, value end. Bytes, not an ``array``: exactly sized, one object,
    and made in one step by the C walk (at a million posts, a quarter of a gigabyte less).
    """

    __slots__ = ("_places", "marks", "source")
    _places: dict[str, int] | None

    def __init__(self, source: SourceFile, marks: bytes = b"") -> None:
        super().__init__()
        self.source, self.marks = source, marks
        self._places = None

    def _entry(self, key: str) -> int:
        """The byte offset of the key's four positions. A mapping is not changed once its marks
        are read (the walks build it whole, and a renamed copy is a new mapping)."""
        if key not in self:
            raise KeyError(key)
        if len(self) < _PLACES_FROM:
            return indexOf(self, key) * 4 * POSITION.size  # the key's place in insertion order, found in C
        try:
            places = self._places
        except AttributeError:  # made by the C walk, which fills only marks and source
            places = None
        if places is None or len(places) != len(self):
            places = self._places = {name: index for index, name in enumerate(self)}
        return places[key] * 4 * POSITION.size

    def key_span(self, key: str) -> Span:
        return _span(self.source, *_START_AND_END.unpack_from(self.marks, self._entry(key)))

    def value_span(self, key: str) -> Span:
        return _span(self.source, *_START_AND_END.unpack_from(self.marks, self._entry(key) + 2 * POSITION.size))

    def entry_marks(self, key: str) -> bytes:
        """The key's four positions, as stored: to build a mapping of some of these entries."""
        entry = self._entry(key)
        return self.marks[entry : entry + 4 * POSITION.size]

    def span(self) -> Span:
        """From the first key to the end of the last value (the start of the file if empty)."""
        if not self.marks:
            return Span.start_of(self.source.display)
        (first,) = POSITION.unpack_from(self.marks, 0)
        (last,) = POSITION.unpack_from(self.marks, len(self.marks) - POSITION.size)
        return _span(self.source, first, last)


class YamlSeq(list[Any]):
    """A sequence with the span of each item (two packed positions per item, as in YamlMap)."""

    __slots__ = ("marks", "source")

    def __init__(self, source: SourceFile, marks: bytes = b"") -> None:
        super().__init__()
        self.source, self.marks = source, marks

    def item_span(self, index: int) -> Span:
        return _span(self.source, *_START_AND_END.unpack_from(self.marks, index * 2 * POSITION.size))


def compose(data: str | bytes, source: SourceFile) -> tuple[Any, list[LoadProblem]]:
    """Parse one YAML document, given as text or as a file's bytes, into YamlMap/YamlSeq/str/None.

    Returns the root (``None`` for an empty file) and the non-fatal faults found (duplicate
    keys, disallowed tags). A fault that stops parsing, bytes that are not UTF-8 among them,
    raises LoadProblem.

    The C walk reads the document when it can (nothing in it to report or to expand), straight
    from the bytes; otherwise, and without the C module, the text is decoded and the Python walk
    (``yaml_events``) reads it and describes what it finds. Both keep libyaml's lines; a file
    with line breaks only YAML counts gets ``source.yaml_lines``, through which its spans and
    its faults are placed on the editor's lines.
    """
    yaml_lines = None
    if has_yaml_only_breaks(data):  # rare: the text is decoded for it (not UTF-8: the Python walk's fault)
        yaml_lines = YamlLines(data if isinstance(data, str) else decode_text(data))
    source.yaml_lines = yaml_lines
    if _compose_plain is not None:
        plain = _compose_plain(data, source, YamlMap, YamlSeq, MAX_DEPTH)
        if plain is not None:
            return plain[0], []
    from orglint.load.yaml_events import compose_events  # PyYAML only for documents that need it

    try:
        root, problems = compose_events(data if isinstance(data, str) else decode_text(data), source)
    except LoadProblem as fault:
        raise _on_editor_lines(fault, yaml_lines) from None
    return root, [_on_editor_lines(problem, yaml_lines) for problem in problems]


def _on_editor_lines(problem: LoadProblem, yaml_lines: YamlLines | None) -> LoadProblem:
    """A fault the Python walk placed on libyaml's lines, placed on the editor's."""
    if yaml_lines is None:
        return problem
    line, column = yaml_lines.place_1(problem.line, problem.column)
    end = None
    if problem.end_line is not None and problem.end_column is not None:
        end = yaml_lines.place_1(problem.end_line, problem.end_column)
    return LoadProblem(problem.message, line, column, *(end or (None, None)))
