"""The Python walk of libyaml's events into YamlMap/YamlSeq/str/None: every document, every
fault found and described (see ``yaml_source`` for the format and the C walk beside it). Places
are libyaml's (its lines, ``YAML_LINE_BREAK``); ``yaml_source.compose`` moves them onto the
editor's."""

from __future__ import annotations

from array import array
from sys import intern
from typing import Any

import yaml

from orglint.load.source import LoadProblem, SourceFile
from orglint.load.yaml_lines import YAML_LINE_BREAK
from orglint.load.yaml_source import ALIAS_EXPANSION_BASE, LINE_SHIFT, MAX_DEPTH, THOUSANDS_TAIL, YamlMap, YamlSeq

try:  # libyaml is bundled in PyYAML's wheels; the pure-Python parser gives the same events.
    from yaml._yaml import CParser as _Parser

    _OFFSETS_IN_BYTES = True
    """libyaml's reader counts a fault's offset in bytes of the UTF-8 text; PyYAML's in characters."""
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Parser

    _OFFSETS_IN_BYTES = False

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset({"!"} | {_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")})
_NULL_TAG = _CORE + "null"
_MERGE_KEY = "<<"


class _Frame:
    """A mapping or sequence being filled while its events arrive."""

    __slots__ = (
        "anchor",
        "duplicate",
        "expanded_at_start",
        "flow",
        "is_map",
        "key",
        "key_end",
        "key_start",
        "marks",
        "merges",
        "merging",
        "node",
        "pending",
        "start",
    )

    def __init__(self, node: YamlMap | YamlSeq, is_map: bool, start: int, anchor: str | None, expanded: int, flow: bool) -> None:
        self.node: Any = node  # a YamlMap when is_map, else a YamlSeq: one flag test in the hot loop, not isinstance
        self.is_map = is_map
        self.flow = flow  # written in {...}
        self.start = start
        self.key: str | None = None
        self.merging = False  # the pending key is a merge key (<<)
        self.duplicate = False  # the pending key was given before
        self.pending: LoadProblem | None = None  # the duplicate's problem, until its value says whether it is one
        self.key_start = 0
        self.key_end = 0
        self.marks = array("q")  # the node's positions, stored as bytes when it is finished
        self.merges: list[tuple[YamlMap, int, int]] | None = None
        self.anchor = anchor
        self.expanded_at_start = expanded


def _located(message: str, mark: Any, end_mark: Any = None) -> LoadProblem:
    end = end_mark or mark
    return LoadProblem(message, mark.line + 1, mark.column + 1, end.line + 1, end.column + 1)


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """libyaml reports the end of the input on the line after the last one: point at the end of
    the last line instead, a place the file has."""
    lines = YAML_LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, column


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a place of libyaml's ("" past the end of its line)."""
    lines = YAML_LINE_BREAK.split(text, maxsplit=line)
    return lines[line - 1][column - 1 : column] if line <= len(lines) else ""


_LIKELY_CAUSES = {
    "mapping values are not allowed in this context": (
        "a value with ': ' in it (quote it), or a key indented deeper than the keys beside it"
    ),
    "did not find expected '-' indicator": "a line indented less than the list's '- ' entries above it",
    "did not find expected key": "a line indented differently from the keys beside it",
    "did not find expected ',' or '}'": "quote a value with ',', ': ', '{' or '}' in it, and close the mapping with '}'",
    "did not find expected ',' or ']'": "quote an entry with ',', '[' or ']' in it, and close the list with ']'",
    "could not find expected ':'": "a line that is neither a key with its ':' nor a '- ' entry",
}
"""What libyaml's words usually mean in a structure file, added to them: they name no fix."""


def _parser_fault(error: yaml.YAMLError, text: str) -> LoadProblem:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        message = error.problem or "invalid YAML"
        if error.context:  # where that context starts is left out: messages carry no locations
            message = f"{message} ({error.context})"
        line, column = _within(text, mark.line + 1, mark.column + 1)
        if _character_at(text, line, column) == "\t":  # libyaml's words for it name no tab, or no fix
            message = "a tab: YAML indents with spaces, not tabs"
        elif error.problem == "found character that cannot start any token":
            message = f"{message}: quote a value that starts with {_character_at(text, line, column)!r}"
        elif error.problem in _LIKELY_CAUSES:
            message = f"{message}: {_LIKELY_CAUSES[error.problem]}"
        return LoadProblem(message, line, column, line, column + 1)
    if isinstance(error, yaml.reader.ReaderError):
        position = error.position
        if _OFFSETS_IN_BYTES:  # as characters: each U+2028 is three bytes, an é two
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        position = min(position, len(text))
        breaks = list(YAML_LINE_BREAK.finditer(text, 0, position))  # the breaks libyaml counts
        line, column = _within(text, len(breaks) + 1, position - (breaks[-1].end() if breaks else 0) + 1)
        return LoadProblem(f"character {error.character!r} is not allowed in YAML ({error.reason})", line, column)
    return LoadProblem(f"invalid YAML: {error}")


def _merge(frame: _Frame) -> None:
    """The frame's merge keys applied: explicit keys win, then earlier merge sources over later ones."""
    target = frame.node
    for source_map, _start, _end in frame.merges or ():
        for key, value in source_map.items():
            if key not in target:
                target[key] = value
                frame.marks.frombytes(source_map.entry_marks(key))


def compose_events(text: str, source: SourceFile) -> tuple[Any, list[LoadProblem]]:
    """The Python walk of libyaml's events: every document, every fault described."""
    problems: list[LoadProblem] = []
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    written = 0  # nodes in the text
    expanded = 0  # nodes including those reached through aliases
    parser = _Parser(text)
    get_event = parser.get_event
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, mapping_end = yaml.MappingStartEvent, yaml.MappingEndEvent
    sequence_start, sequence_end = yaml.SequenceStartEvent, yaml.SequenceEndEvent
    try:
        while True:
            event = get_event()
            kind = type(event)
            node: Any
            if kind is scalar_event:
                frame = stack[-1] if stack else None
                start_mark, end_mark = event.start_mark, event.end_mark
                tag = event.tag
                if tag is not None and tag not in _ALLOWED_TAGS:
                    problems.append(
                        _located(f"tag {tag!r} is not allowed: orglint never constructs objects", start_mark, end_mark)
                    )
                written += 1
                expanded += 1
                if frame is not None and frame.is_map and frame.key is None:
                    key = intern(event.value)
                    frame.merging = key == _MERGE_KEY and not event.style and tag is None
                    frame.duplicate = not frame.merging and key in frame.node
                    if frame.duplicate:  # the mapping is unfinished: its positions are still the frame's
                        duplicate = _located(f"duplicate key {key!r}: this mapping already has it", start_mark, end_mark)
                        if frame.flow and not event.style and THOUSANDS_TAIL.fullmatch(key):
                            frame.pending = duplicate  # ``{min: £45,000, max: £52,000}``: if no value follows
                        else:
                            problems.append(duplicate)
                    frame.key = key
                    frame.key_start = _packed(start_mark)
                    frame.key_end = _packed(end_mark)
                    continue
                # Values recur (grades, departments, managers' ids, dates): one string object each
                # instead of one per occurrence, which at a million posts is gigabytes.
                node = intern(event.value)
                if (not event.style and tag is None and node in _NULLS) or tag == _NULL_TAG:
                    node = None
                if event.anchor is not None:
                    anchors[event.anchor] = (node, 1)
                start, end = _packed(start_mark), _packed(end_mark)
            elif kind is mapping_start or kind is sequence_start:
                if stack and stack[-1].is_map and stack[-1].key is None:
                    raise _located("a key must be plain text, not a mapping or a list", event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise _located(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
                tag = event.tag
                if tag is not None and tag not in _ALLOWED_TAGS:
                    problems.append(_located(f"tag {tag!r} is not allowed: orglint never constructs objects", event.start_mark))
                written += 1
                expanded += 1
                is_map = kind is mapping_start
                node = YamlMap(source) if is_map else YamlSeq(source)
                stack.append(_Frame(node, is_map, _packed(event.start_mark), event.anchor, expanded, bool(event.flow_style)))
                continue
            elif kind is mapping_end or kind is sequence_end:
                frame = stack.pop()
                node = frame.node
                if frame.merges:
                    _merge(frame)
                node.marks = frame.marks.tobytes()
                if frame.anchor is not None:
                    anchors[frame.anchor] = (node, expanded - frame.expanded_at_start + 1)
                start, end = frame.start, _packed(event.end_mark)
            elif kind is alias_event:
                if stack and stack[-1].is_map and stack[-1].key is None:
                    raise _located("a key must be plain text, not an alias", event.start_mark)
                try:
                    node, size = anchors[event.anchor]
                except KeyError:
                    raise _located(
                        f"alias *{event.anchor} names no anchor defined before it", event.start_mark, event.end_mark
                    ) from None
                expanded += size
                if expanded - written > ALIAS_EXPANSION_BASE + 10 * written:
                    raise _located(
                        "aliases expand too far (an alias bomb?): refusing to expand them", event.start_mark, event.end_mark
                    )
                start, end = _packed(event.start_mark), _packed(event.end_mark)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(
                        _located("a structure file holds one YAML document; a second one starts here", event.start_mark)
                    )
                    break
                continue
            elif kind is yaml.StreamEndEvent:
                break
            else:  # stream start, document end
                continue
            # A finished value (scalar, alias, mapping or sequence) goes into its parent.
            if stack:
                _place(stack[-1], node, start, end, problems, event)
            else:
                root = node
    except yaml.YAMLError as error:
        raise _parser_fault(error, text) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root, problems


def _packed(mark: Any) -> int:
    return (mark.line << LINE_SHIFT) | mark.column


def _place(frame: _Frame, value: Any, start: int, end: int, problems: list[LoadProblem], event: Any) -> None:
    """A value spanning ``start``-``end`` into the mapping or sequence being filled."""
    if not frame.is_map:
        frame.node.append(value)
        frame.marks.extend((start, end))
    elif frame.merging or frame.duplicate:
        _set_special_value(frame, value, start, end, problems, event)
    else:
        frame.node[frame.key] = value
        frame.marks.extend((frame.key_start, frame.key_end, start, end))
        frame.key = None


def _set_special_value(frame: _Frame, value: Any, start: int, end: int, problems: list[LoadProblem], event: Any) -> None:
    """A merge key's value is remembered for the mapping's end; a duplicate key's is dropped
    (it was reported, and the first definition stands). A duplicate of three digits with no
    value in ``{...}`` is the tail of an amount a thousands comma split, as the first was: the
    model reads the amounts as written and reports the mapping once (``split_at_commas``)."""
    frame.key = None
    if frame.duplicate:
        if frame.pending is not None and value is not None:
            problems.append(frame.pending)
        frame.pending = None
        return
    sources = value if isinstance(value, YamlSeq) else [value]
    if not all(isinstance(item, YamlMap) for item in sources):
        problems.append(_located("a merge key (<<) takes a mapping or a list of mappings", event.start_mark))
        return
    if frame.merges is None:
        frame.merges = []
    frame.merges.extend((item, start, end) for item in sources)
