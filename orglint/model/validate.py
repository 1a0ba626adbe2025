"""Raw located data to models, with one X002 finding per field at fault.

Posts are validated in bulk (one pydantic call for the whole list); only when that fails are
the faulty posts looked at one by one. One mistake gives one finding:

* a misspelt key whose did-you-mean names a field the record lacks (``reprots_to``) is read
  as that field, so no rule also reports the field as missing or the post as misplaced;
* a faulty value is left out alone (one bad date keeps the rest of the evaluation record), and
  remembered as *unread* (``Structure.unread``): rules do not take it for absent;
* a post whose ``id`` or ``title`` is at fault is left out, and its id (if readable) is
  remembered so posts reporting to it are not also reported as reporting to nothing.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, TypeVar

from pydantic import ValidationError

from orglint.diagnostics import Diagnostic, Span
from orglint.load.input_findings import invalid_structure
from orglint.load.origin import locate
from orglint.load.source import SourceFile
from orglint.load.yaml_source import YamlMap, YamlSeq
from orglint.model.schema import (
    Department,
    Located,
    Post,
    Profile,
    StructureFile,
    fields_of,
    is_extension_field,
    validator,
)
from orglint.suggest import Suggester, closest, did_you_mean
from orglint.wording import MAX_SHARERS, listed

M = TypeVar("M")

_LISTS: dict[str, type[Located]] = {"departments": Department, "profiles": Profile, "posts": Post}


@dataclass
class FileContent:
    """What one validated structure file contributes to its structure."""

    source: SourceFile
    raw: YamlMap
    header: StructureFile | None
    departments: list[Department] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    unusable_post_ids: set[str] = field(default_factory=set)
    unread: dict[int, frozenset[tuple[Any, ...]]] = field(default_factory=dict)
    """By a record's identity: the fields it gives that could not be read (see ``Structure.unread``)."""
    unread_lists: set[str] = field(default_factory=set)
    """The lists (``posts``, ...) the file gives that could not be read whole: not lists at all,
    or with a record left out whose id is unknown (a department or profile: whatever its id)."""


_UNKNOWN_KEY = ("unexpected_keyword_argument", "extra_forbidden")
"""A key the format does not have, as a pydantic dataclass (structure files) or model (rulesets) says it."""

SUGGESTED_UNKNOWN_KEYS = 1_000
"""Unknown keys in one validation that get a did-you-mean (and are read as the field meant): a
record of a thousand is no slip, and a hostile one of 100,000 took half a minute of searches."""

_PLAIN_MESSAGES = {
    "string_type": "should be text",
    "int_parsing": "should be a whole number",
    "int_type": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_parsing": "should be a number",
    "float_type": "should be a number",
    "date_parsing": "should be a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "should be a date (YYYY-MM-DD)",
    "date_type": "should be a date (YYYY-MM-DD)",
    "list_type": "should be a list",
    "dict_type": "should be a mapping",
    "model_type": "should be a mapping",
    "model_attributes_type": "should be a mapping",
    "dataclass_type": "should be a mapping",
    "dataclass_exact_type": "should be a mapping",
}


def plain_message(detail: Any) -> str:
    """A pydantic error message in the words of a structure file's author."""
    text = _PLAIN_MESSAGES.get(detail["type"]) or detail["msg"]
    if text.startswith("Value error, "):
        text = text[len("Value error, ") :]
    return text[0].lower() + text[1:]


def value_fault(model: type, path: tuple[Any, ...], detail: Any) -> str:
    """What is wrong with the value at ``path`` of a ``model`` record, in its author's words:
    pydantic's message made plain, the choice it may be a slip for, and the value given."""
    value = detail.get("input")
    text = plain_message(detail)
    if detail["type"] == "literal_error" and isinstance(value, str):
        allowed = allowed_values(model, path)
        words = re.findall(r"[^\W_]+", value.casefold())
        if not _NEGATIONS.intersection(words):  # `not permanent`, `Non-permanent`: no guess
            text += did_you_mean(_choice_within(words, allowed) or closest(value, allowed))
    if not isinstance(value, dict):
        text += f", got {_describe(value)}"
    return text


def _choice_within(words: list[str], allowed: Iterable[str]) -> str | None:
    """The choice the value writes among other words: of the choices sharing most words with it,
    the one it writes whole, if exactly one does: `District Council` is `district`, `Fixed-term
    contract` `fixed-term`; `County Borough Council` is none, since `welsh-county-borough` shares
    more of it than `county`."""
    scored = [(len(set(choice.split("-")) & set(words)), choice) for choice in allowed]
    best = max((score for score, _ in scored), default=0)
    whole = [choice for score, choice in scored if score == best and best and _written_in(choice.split("-"), words)]
    return whole[0] if len(whole) == 1 else None


def _written_in(run: list[str], words: list[str]) -> bool:
    return any(words[start : start + len(run)] == run for start in range(len(words) - len(run) + 1))


_NEGATIONS = frozenset({"not", "no", "non"})
"""Words that say a value is not a choice it names (`not permanent`, `Non-permanent`)."""


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _model_at(model: type, steps: tuple[Any, ...]) -> type | None:
    """The format class (pydantic dataclass or model) that the (string) steps of a path lead
    to, for did-you-mean suggestions."""
    for step in steps:
        if not isinstance(step, str) or step not in fields_of(model):
            continue
        annotation = fields_of(model)[step].annotation
        found = _first_model(annotation)
        if found is None:
            return None
        model = found
    return model


def _first_model(annotation: Any) -> type | None:
    if isinstance(annotation, type) and fields_of(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list) or origin is typing.Annotated:
        for argument in typing.get_args(annotation):
            found = _first_model(argument)
            if found is not None:
                return found
    return None


@cache
def allowed_values(model: type, path: tuple[Any, ...]) -> tuple[str, ...]:
    """The values the format allows at ``path`` (keys and indexes into the data), where its
    annotation there is a ``Literal``: read from the format's classes, not from pydantic's message
    (once a path: a spreadsheet asks it of every cell)."""
    annotations: list[Any] = [model]
    for step in path:
        annotations = [inner for annotation in annotations for inner in _annotations_at(annotation, step)]
    return tuple(str(value) for annotation in annotations for value in _literal_values(annotation))


def _annotations_at(annotation: Any, step: Any) -> list[Any]:
    """What the value at ``step`` inside a value of type ``annotation`` may be."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _annotations_at(arguments[0], step)
    if origin in (typing.Union, types.UnionType):
        return [inner for member in arguments for inner in _annotations_at(member, step)]
    if origin is dict:
        return [arguments[1]]
    if origin in (list, tuple) and isinstance(step, int):
        return [arguments[0]]
    fields = fields_of(annotation) if isinstance(annotation, type) else {}
    return [found.annotation for name, found in fields.items() if step in (name, found.alias)]


def _literal_values(annotation: Any) -> tuple[Any, ...]:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return arguments
    if origin is typing.Annotated:
        return _literal_values(arguments[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(value for member in arguments for value in _literal_values(member))
    return ()


def _field_name(path: tuple[Any, ...]) -> str:
    return ".".join(str(step) for step in path if isinstance(step, str))


def _consumed(raw: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of ``loc`` that exists in the raw data (pydantic adds union-member names)."""
    current = raw
    taken: list[Any] = []
    for step in loc:
        present = (isinstance(current, dict) and isinstance(step, str) and step in current) or (
            isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current)
        )
        if not present:
            break
        current = current[step]
        taken.append(step)
    return tuple(taken)


def _meant_field(model: type, taken: tuple[Any, ...]) -> str | None:
    """The field an unknown key (the last step of ``taken``) was probably meant to be."""
    allowed = _model_at(model, taken[:-1])
    if allowed is None or not taken:
        return None
    found = _meant_fields(allowed, str(taken[-1]))
    return found[0] if found else None


@cache
def _fields_suggester(allowed: type) -> Suggester:
    """A record type's fields, indexed once for every unknown key of every file."""
    return Suggester(fields_of(allowed), far_searches=math.inf)


@lru_cache(maxsize=4096)
def _meant_fields(allowed: type, key: str) -> tuple[str, ...]:
    """The fields an unknown key may be a slip for, likeliest first: asked for its message, its
    rename and its claim on a field, worked out once (a hostile mapping of 100,000 unknown keys
    made 300,000 searches, and indexed the fields for each)."""
    return tuple(_fields_suggester(allowed).candidates(key))


def schema_findings(
    error: ValidationError, raw: Any, model: type, prefix: tuple[Any, ...] = (), post: str | None = None
) -> list[Diagnostic]:
    """One X002 per field at fault. ``raw`` is the located data ``error`` came from."""
    return _findings(error.errors(include_url=False), raw, model, prefix, post)


def _findings(
    details: list[Any], raw: Any, model: type, prefix: tuple[Any, ...] = (), post: str | None = None
) -> list[Diagnostic]:
    """One X002 per field at fault, from a validation's error details; ``raw`` is the located data
    they came from."""
    by_field: dict[tuple[Any, ...], list[str]] = {}
    spans: dict[tuple[Any, ...], Span] = {}
    renames: dict[tuple[Any, ...], str] = {}
    unknown = 0
    for detail in details:
        loc = tuple(detail["loc"])
        kind = detail["type"]
        taken = _consumed(raw, loc)
        if kind in _UNKNOWN_KEY:
            key = str(loc[len(taken) - 1]) if taken else str(loc[-1])
            allowed = _model_at(model, taken[:-1])
            message = f"unknown key {key!r}"
            unknown += 1
            if allowed is not None:
                close = _meant_fields(allowed, key) if taken and unknown <= SUGGESTED_UNKNOWN_KEYS else ()
                meant = close[0] if close else None
                container = _at(raw, taken[:-1]) if taken else None
                if meant is not None and isinstance(container, dict) and meant in container:
                    message += f" (a misspelling of {meant!r}? it is given as well: keep one)"  # never a second `grade`
                else:
                    message += did_you_mean(meant, otherwise=f"; expected one of: {', '.join(fields_of(allowed))}")
                rename = close[0] if len(close) == 1 else None
                if rename is not None and container is not None and rename not in container:  # never a second `grade`
                    renames[prefix + taken] = rename
            where = _field_name(prefix + taken[:-1])
            message = f"{where}: {message}" if where else message
            span = locate(raw, taken, key=True)
        elif kind == "missing":
            missing = _field_name(loc[len(taken) :]) or _field_name(loc)
            where = _field_name(prefix + taken)
            message = f"required key {missing!r} is missing" + (f" in {where}" if where else "")
            container = _at(raw, taken)
            span = (
                container.key_span(next(iter(container))) if isinstance(container, YamlMap) and container else locate(raw, taken)
            )
        else:
            message = f"{_field_name(prefix + taken) or 'value'}: {value_fault(model, taken, detail)}"
            span = locate(raw, taken)
        group = prefix + taken
        by_field.setdefault(group, [])
        if message not in by_field[group]:
            by_field[group].append(message)
        if span is not None:
            spans.setdefault(group, span)
    fallback = Span.start_of(raw.source.display) if isinstance(raw, (YamlMap, YamlSeq)) else None
    return [
        invalid_structure(
            "; or ".join(messages),
            spans.get(group) or fallback,  # type: ignore[arg-type]
            post=post,
            replacement=renames.get(group) if len(messages) == 1 else None,  # the key's fix, if all that is wrong
        )
        for group, messages in by_field.items()
    ]


def _at(raw: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        raw = raw[step]
    return raw


def _post_id(raw_item: Any) -> str | None:
    if isinstance(raw_item, dict):
        value = raw_item.get("id")
        if isinstance(value, str) and value:
            return value
    return None


def _validate_list(name: str, key: str, content: FileContent, findings: list[Diagnostic], faults: _RecordFaults) -> list[Located]:
    """The list ``name`` of the file, written under ``key`` (the name itself, or a misspelling of it)."""
    model = _LISTS[name]
    raw_items = content.raw[key]
    if raw_items is None:
        return []
    if not isinstance(raw_items, YamlSeq):
        span = content.raw.value_span(key)
        findings.append(invalid_structure(f"{name}: should be a list, got {_describe(raw_items)}", span))
        content.unread_lists.add(name)
        return []
    try:
        items: list[Located] = validator(list[model]).validate_python(raw_items)  # type: ignore[valid-type]
    except ValidationError:  # only now look at the items one by one
        kept = (_validate_item(model, name, index, raw_items, content, faults) for index in range(len(raw_items)))
        return [item for item in kept if item is not None]
    for item, raw_item in zip(items, raw_items, strict=True):
        item.record_origin(raw_item)
    return items


Path = tuple[Any, ...]
"""Where a value stands in a record: its keys (and list indices), ``("evaluation", "date")``."""

_MAX_ROUNDS = 4
"""Each round reads one more level of misspelt keys (or drops one more level of faults)."""


@dataclass
class _Validated:
    """A record validated tolerantly: what could be read of it, and what was wrong."""

    item: Any
    """The record without the values at fault; None if nothing usable is left (no ``id``, say)."""
    rounds: list[tuple[list[Any], Any]]
    """The faults, each batch with the data it was found in (for its spans)."""
    origin: Any
    """The data as written, with each misspelt key under the name it was meant to have: where the
    record's keys and values stand, for the rules."""
    unread: frozenset[Path]
    """Fields the record gives but that could not be read (each has its X002): rules must not take
    them for absent."""


def _renames(details: list[Any], raw: Any, model: type) -> tuple[dict[Path, str], set[Path]]:
    """Unknown keys to read as the field they were probably meant to be (the field their X002's
    did-you-mean names), by the key's path; and the fields two misspelt keys compete for, which
    are read as neither (unread). A key is renamed only where its mapping lacks that field."""
    claims: dict[Path, set[Path]] = {}
    unknown = [detail for detail in details if detail["type"] in _UNKNOWN_KEY]
    for detail in unknown[:SUGGESTED_UNKNOWN_KEYS]:
        taken = _consumed(raw, tuple(detail["loc"]))
        if not taken or not isinstance(taken[-1], str):
            continue
        meant = _meant_field(model, taken)
        container = _at(raw, taken[:-1])
        if meant is not None and isinstance(container, dict) and meant not in container:
            claims.setdefault((*taken[:-1], meant), set()).add(taken)
    renames = {next(iter(keys)): meant[-1] for meant, keys in claims.items() if len(keys) == 1}
    return renames, {meant for meant, keys in claims.items() if len(keys) > 1}


def _with_keys_renamed(node: Any, renames: dict[Path, str], path: Path = ()) -> Any:
    """A copy of ``node`` with the keys at ``renames``' paths renamed, each entry keeping its place
    in the file (so findings on the field point at what was written)."""
    if not any(len(key) > len(path) and key[: len(path)] == path for key in renames):
        return node
    if isinstance(node, dict):
        copy: Any = YamlMap(node.source) if isinstance(node, YamlMap) else {}
        for key, value in node.items():
            copy[renames.get((*path, key), key)] = _with_keys_renamed(value, renames, (*path, key))
        if isinstance(node, YamlMap):
            copy.marks = node.marks  # same entries in the same order: the same positions
        return copy
    if isinstance(node, list):
        items = [_with_keys_renamed(value, renames, (*path, index)) for index, value in enumerate(node)]
        if isinstance(node, YamlSeq):
            seq = YamlSeq(node.source, node.marks)
            seq.extend(items)
            return seq
        return items
    return node


def _doomed(raw: Any, error: ValidationError) -> set[Path] | None:
    """The paths of the values at fault; ``None`` if the whole of ``raw`` is at fault.

    A missing required key condemns the mapping that lacks it, so the fault moves one level up.
    """
    doomed: set[Path] = set()
    for detail in error.errors():
        taken = _consumed(raw, tuple(detail["loc"]))
        if detail["type"] == "missing":
            taken = taken[:-1] if taken and isinstance(taken[-1], int) else taken
            doomed.add(taken)
        elif taken:
            doomed.add(taken)
        else:
            return None
    return None if () in doomed else doomed


def _copy_without(node: Any, path: Path, doomed: set[Path]) -> Any:
    if not any(len(d) > len(path) and d[: len(path)] == path for d in doomed):
        return node
    if isinstance(node, dict):
        return {k: _copy_without(v, (*path, k), doomed) for k, v in node.items() if (*path, k) not in doomed}
    if isinstance(node, list):
        return [_copy_without(v, (*path, i), doomed) for i, v in enumerate(node) if (*path, i) not in doomed]
    return node


def prune_tolerantly(model: type[M], data: Any) -> tuple[M | None, set[Path]]:
    """Validate; on faults, drop what is at fault and try again. Returns the model (None if
    nothing usable is left) and the paths dropped: a faulty value costs only itself, never the
    record around it (one bad date leaves the rest of the evaluation record)."""
    dropped: set[Path] = set()
    for _attempt in range(_MAX_ROUNDS):
        try:
            validated: M = validator(model).validate_python(data)
            return validated, dropped
        except ValidationError as error:
            doomed = _doomed(data, error)
            if doomed is None:
                break
            dropped |= doomed
            data = _copy_without(data, (), doomed)
    return None, dropped


def _validate_tolerantly(model: type, raw: Any) -> _Validated:
    """Validate a record as its author meant it: a misspelt key is reported (X002, with its
    did-you-mean) and its value read under the key it was meant to be, so no rule also reports
    the field as missing (one mistake, one finding); a faulty value is reported and dropped,
    and remembered as unread. Each round's faults are only those in what the round read first
    (the values under keys just renamed), so nothing is reported twice."""
    rounds: list[tuple[list[Any], Any]] = []
    unread: set[Path] = set()
    tree, fresh = raw, None
    for _round in range(_MAX_ROUNDS):
        try:
            return _Validated(validator(model).validate_python(tree), rounds, tree, frozenset(unread))
        except ValidationError as error:
            details = error.errors(include_url=False)
        if fresh is not None:
            details = [d for d in details if any(_consumed(tree, tuple(d["loc"]))[: len(p)] == p for p in fresh)]
        renames, contested = _renames(details, tree, model)
        unread |= contested
        provided = {(*key[:-1], meant) for key, meant in renames.items()}
        # a required key that a misspelt one provides is not also missing
        rounds.append(([d for d in details if d["type"] != "missing" or tuple(d["loc"]) not in provided], tree))
        if not renames:
            break
        tree, fresh = _with_keys_renamed(tree, renames), provided
    item, dropped = prune_tolerantly(model, tree)
    return _Validated(item, rounds, tree, frozenset(unread | dropped))


def _validate_item(
    model: type[Located], name: str, index: int, raw_items: YamlSeq, content: FileContent, faults: _RecordFaults
) -> Located | None:
    validated = _validate_tolerantly(model, raw_items[index])
    item: Located | None = validated.item
    if validated.rounds:
        item_id = _post_id(validated.origin)
        label = f"{name}[{index}]" if item_id is None else f"{name[:-1]} {item_id!r}"
        faults.add(label, _item_findings(validated, raw_items, index, model, name, item_id))
        if item is None and name == "posts" and item_id is not None:
            content.unusable_post_ids.add(item_id)
        elif item is None:  # what the record was is unknown: references to its kind are not judged
            content.unread_lists.add(name)
    if item is None:
        return None
    if validated.unread:
        content.unread[id(item)] = validated.unread
    return item.record_origin(validated.origin)


def _item_findings(
    validated: _Validated, raw_items: YamlSeq, index: int, model: type[Located], name: str, item_id: str | None
) -> list[Diagnostic]:
    """The record's faults, their messages not yet saying which record (``_RecordFaults`` does)."""
    post = item_id if name == "posts" else None
    findings = [finding for details, tree in validated.rounds for finding in _findings(details, tree, model, post=post)]
    if not isinstance(raw_items[index], dict):
        for finding in findings:
            finding.span = raw_items.item_span(index)
            finding.message = f"should be a mapping, got {_describe(raw_items[index])}"
        return findings[:1]
    return findings


class _RecordFaults:
    """The faults of a file's records, each said once. A value written once and shared by several
    records (a mapping anchored with ``&name`` and merged into others with ``<<: *name``, or an
    alias ``*name``) is validated in each, and each finds the same fault at the same place: one
    mistake, given once, at the first record's finding (where its fix is), naming every record
    that shares it."""

    def __init__(self) -> None:
        self._found: dict[tuple[Span, str], tuple[Diagnostic, list[str]]] = {}

    def add(self, label: str, findings: list[Diagnostic]) -> None:
        for finding in findings:
            self._found.setdefault((finding.span, finding.message), (finding, []))[1].append(label)

    def findings(self) -> list[Diagnostic]:
        for finding, labels in self._found.values():
            finding.message = f"{_records(labels)}: {finding.message}"
        return [finding for finding, _ in self._found.values()]


def _records(labels: list[str]) -> str:
    """``post 'D1'``; ``posts 'D1', 'D2' and 'D3'``; or, of several kinds, each label as it is.
    Records that also share an id are named once."""
    labels = list(dict.fromkeys(labels))
    if len(labels) == 1:
        return labels[0]
    kinds = {label.split(" ", 1)[0] for label in labels}
    if len(kinds) == 1 and all(" " in label for label in labels):  # "post 'D1'", not "posts[3]"
        return f"{kinds.pop()}s {listed([label.split(' ', 1)[1] for label in labels], most=MAX_SHARERS)}"
    return listed(labels, most=MAX_SHARERS)


def _misspelt_lists(raw: YamlMap) -> dict[str, str]:
    """Top-level keys misspelt for a list (``post:`` for ``posts:``), each with the list it was
    probably meant to be."""
    misspelt = {}
    for key in raw:
        if key not in fields_of(StructureFile) and not is_extension_field(key):
            meant = _meant_field(StructureFile, (key,))
            if meant in _LISTS:
                misspelt[key] = meant
    return misspelt


def validate_file(source: SourceFile, raw: YamlMap) -> tuple[FileContent, list[Diagnostic]]:
    """Validate one structure file's top-level keys and lists."""
    findings: list[Diagnostic] = []
    content = FileContent(source, raw, None)
    lists = {name: name for name in _LISTS if name in raw}
    misspelt = _misspelt_lists(raw)
    meant_lists = list(misspelt.values())
    # a misspelt list's items are read as that list's, where the file lacks it and nothing else claims it
    lists.update((meant, key) for key, meant in misspelt.items() if meant not in lists and meant_lists.count(meant) == 1)
    content.unread_lists.update(meant for meant in meant_lists if meant not in lists)  # claimed twice: read as neither
    header_raw = YamlMap(source)
    for key, value in raw.items():
        if is_extension_field(key):
            continue  # read by none: its anchors reach the posts through their aliases
        if key not in _LISTS:
            # a misspelt list's items are validated as that list (below) or not at all, never as the header's
            header_raw[key] = YamlSeq(source) if key in misspelt else value
    header_raw.marks = b"".join(raw.entry_marks(key) for key in header_raw)
    header = _validate_tolerantly(StructureFile, header_raw)
    findings.extend(finding for details, tree in header.rounds for finding in _findings(details, tree, StructureFile))
    content.header = header.item
    if content.header is not None and content.header.organisation is not None:
        content.header.organisation.record_origin(header.origin.get("organisation"))
    faults = _RecordFaults()  # one file: YAML anchors and aliases reach no further
    for name in _LISTS:
        if name in lists:
            setattr(content, name, _validate_list(name, lists[name], content, findings, faults))
    findings.extend(faults.findings())
    return content, findings
