"""Raw located data to models, with one X002 finding per field at fault.

Posts are validated in bulk (one pydantic call for the whole list); only when that fails are
the faulty posts looked at one by one. A post with a faulty optional field keeps its place in
the structure without that field, so one typo does not hide every other finding; a post whose
``id`` or ``title`` is at fault is left out, and its id (if readable) is remembered so posts
reporting to it are not also reported as reporting to nothing.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from orglint.diagnostics import Diagnostic, Span
from orglint.load.origin import locate
from orglint.load.source import SourceFile
from orglint.load.yaml_source import YamlMap, YamlSeq
from orglint.model.schema import Department, Located, Post, Profile, StructureFile, fields_of, validator

INVALID_STRUCTURE = "X002"

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


_UNKNOWN_KEY = ("unexpected_keyword_argument", "extra_forbidden")
"""A key the format does not have, as a pydantic dataclass (structure files) or model (rulesets) says it."""

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


def schema_findings(
    error: ValidationError, raw: Any, model: type, prefix: tuple[Any, ...] = (), post: str | None = None
) -> list[Diagnostic]:
    """One X002 per field at fault. ``raw`` is the located data ``error`` came from."""
    by_field: dict[tuple[Any, ...], list[str]] = {}
    spans: dict[tuple[Any, ...], Span] = {}
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        kind = detail["type"]
        taken = _consumed(raw, loc)
        if kind in _UNKNOWN_KEY:
            key = str(loc[len(taken) - 1]) if taken else str(loc[-1])
            allowed = _model_at(model, taken[:-1])
            message = f"unknown key {key!r}"
            if allowed is not None:
                close = difflib.get_close_matches(key, list(fields_of(allowed)), n=1)
                if close:
                    message += f" (did you mean {close[0]!r}?)"
                else:
                    message += f"; expected one of: {', '.join(fields_of(allowed))}"
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
            value = detail.get("input")
            text = plain_message(detail)
            if kind == "literal_error" and isinstance(value, str):
                choices = [str(choice) for choice in (detail.get("ctx") or {}).get("expected", "").replace("'", "").split(" or ")]
                options = [part.strip() for choice in choices for part in choice.split(",") if part.strip()]
                close = difflib.get_close_matches(value, options, n=1)
                if close:
                    text += f" (did you mean {close[0]!r}?)"
            message = f"{_field_name(prefix + taken) or 'value'}: {text}"
            if not isinstance(value, dict):
                message += f", got {_describe(value)}"
            span = locate(raw, taken)
        group = prefix + taken
        by_field.setdefault(group, [])
        if message not in by_field[group]:
            by_field[group].append(message)
        if span is not None:
            spans.setdefault(group, span)
    fallback = Span.start_of(raw.source.display) if isinstance(raw, (YamlMap, YamlSeq)) else None
    return [
        Diagnostic(INVALID_STRUCTURE, "; or ".join(messages), spans.get(group) or fallback, post=post)  # type: ignore[arg-type]
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


def _validate_list(name: str, raw_items: Any, content: FileContent, findings: list[Diagnostic]) -> list[Located]:
    model = _LISTS[name]
    if raw_items is None:
        return []
    if not isinstance(raw_items, YamlSeq):
        span = content.raw.value_span(name)
        findings.append(Diagnostic(INVALID_STRUCTURE, f"{name}: should be a list, got {_describe(raw_items)}", span))
        return []
    try:
        items: list[Located] = validator(list[model]).validate_python(raw_items)  # type: ignore[valid-type]
    except ValidationError:  # only now look at the items one by one
        kept = (_validate_item(model, name, index, raw_items, content, findings) for index in range(len(raw_items)))
        return [item for item in kept if item is not None]
    for item, raw_item in zip(items, raw_items, strict=True):
        item.placed(raw_item)
    return items


def _pruned(raw: Any, error: ValidationError) -> Any:
    """A copy of ``raw`` without the values at fault; ``None`` if the whole of ``raw`` is at fault.

    A missing required key condemns the mapping that lacks it, so the fault moves one level up.
    """
    doomed: set[tuple[Any, ...]] = set()
    for detail in error.errors():
        taken = _consumed(raw, tuple(detail["loc"]))
        if detail["type"] == "missing":
            taken = taken[:-1] if taken and isinstance(taken[-1], int) else taken
            doomed.add(taken)
        elif taken:
            doomed.add(taken)
        else:
            return None
    if () in doomed:
        return None
    return _copy_without(raw, (), doomed)


def _copy_without(node: Any, path: tuple[Any, ...], doomed: set[tuple[Any, ...]]) -> Any:
    if not any(len(d) > len(path) and d[: len(path)] == path for d in doomed):
        return node
    if isinstance(node, dict):
        return {k: _copy_without(v, (*path, k), doomed) for k, v in node.items() if (*path, k) not in doomed}
    if isinstance(node, list):
        return [_copy_without(v, (*path, i), doomed) for i, v in enumerate(node) if (*path, i) not in doomed]
    return node


def _validate_tolerantly(model: type[M], raw: Any) -> tuple[M | None, ValidationError | None]:
    """Validate; on faults, drop what is at fault and try again. Returns the model and the first error."""
    first: ValidationError | None = None
    for _attempt in range(4):
        try:
            validated: M = validator(model).validate_python(raw)
            return validated, first
        except ValidationError as error:
            first = first or error
            raw = _pruned(raw, error)
            if raw is None:
                break
    return None, first


def _validate_item(
    model: type[Located], name: str, index: int, raw_items: YamlSeq, content: FileContent, findings: list[Diagnostic]
) -> Located | None:
    raw_item = raw_items[index]
    item, error = _validate_tolerantly(model, raw_item)
    if error is not None:
        item_id = _post_id(raw_item)
        findings.extend(_item_findings(error, raw_items, index, model, name, item_id))
        if item is None and name == "posts" and item_id is not None:
            content.unusable_post_ids.add(item_id)
    return item.placed(raw_item) if item is not None else None


def _item_findings(
    error: ValidationError, raw_items: YamlSeq, index: int, model: type[Located], name: str, item_id: str | None
) -> list[Diagnostic]:
    label = f"{name}[{index}]" if item_id is None else f"{name[:-1]} {item_id!r}"
    findings = schema_findings(error, raw_items[index], model, post=item_id if name == "posts" else None)
    if not isinstance(raw_items[index], dict):
        for finding in findings:
            finding.span = raw_items.item_span(index)
            finding.message = f"{label}: should be a mapping, got {_describe(raw_items[index])}"
        return findings[:1]
    for finding in findings:
        finding.message = f"{label}: {finding.message}"
    return findings


def validate_file(source: SourceFile, raw: YamlMap) -> tuple[FileContent, list[Diagnostic]]:
    """Validate one structure file's top-level keys and lists."""
    findings: list[Diagnostic] = []
    content = FileContent(source, raw, None)
    header_raw = YamlMap(source)
    for key, value in raw.items():
        if key not in _LISTS:
            header_raw[key] = value
    header_raw.marks = b"".join(raw.entry_marks(key) for key in header_raw)
    header, error = _validate_tolerantly(StructureFile, header_raw)
    if error is not None:
        findings.extend(schema_findings(error, header_raw, StructureFile))
    content.header = header
    if content.header is not None and content.header.organisation is not None:
        content.header.organisation.placed(header_raw.get("organisation"))
    for name in _LISTS:
        if name in raw:
            setattr(content, name, _validate_list(name, raw[name], content, findings))
    return content, findings
