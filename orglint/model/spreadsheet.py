"""Spreadsheets as structures: each row a record (a post, a department, a profile, an evaluation
record), each field at its cell. Both kinds of spreadsheet are read here, the same way: a table
of posts mapped by ``[tool.orglint.spreadsheet]`` and a structure workbook
(``orglint.load.workbook``). Values that break the format are X002 findings at their cell, and
the record keeps its place without them (as in structure files)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from orglint.diagnostics import Diagnostic
from orglint.load.input_findings import invalid_structure
from orglint.load.origin import locate
from orglint.load.spreadsheet import Spreadsheet, unknown_department_kinds
from orglint.load.table import MappedTable, TableRow, read_date
from orglint.load.workbook_layout import DEPARTMENTS, EVALUATIONS, ORGANISATION, PROFILES
from orglint.model.amounts import number
from orglint.model.rows import RowOrigin, departments_of, located
from orglint.model.schema import Department, Located, Organisation, Post, Profile, validator
from orglint.model.structure import Structure
from orglint.model.validate import Path, allowed_values, prune_tolerantly, value_fault

_SEPARATORS = re.compile(r"\s*[;\n]\s*")
_SEPARATORS_AND_COMMAS = re.compile(r"\s*[;,\n]\s*")


def _fields(table: MappedTable, leave_out: str | None = None) -> dict[str, Any]:
    """A record's field → the column key that holds it, nested as the record nests (``salary.min``)."""
    fields: dict[str, Any] = {}
    for key in table.columns:
        if key == leave_out:
            continue
        *outer, name = key.split(".")
        nested = fields
        for step in outer:
            nested = nested.setdefault(step, {})
        nested[name] = key
    return fields


def _record(
    table: MappedTable,
    row: TableRow,
    fields: dict[str, Any],
    findings: list[Diagnostic],
    unread: set[Path],
    post: str | None = None,
) -> dict[str, Any]:
    """A row's record as the structure format writes it (text, lists of text, nested records).
    A date cell that is no date is an X002 at its cell, and its field is left out, unread."""
    data: dict[str, Any] = {}
    for name, key in fields.items():
        if isinstance(key, dict):
            nested = _record(table, row, key, findings, unread, post)
            if nested:
                data[name] = nested
            continue
        value = table.value(row, key)
        if not value:
            continue
        if key in table.dates:
            try:
                data[name] = read_date(value).isoformat()
            except ValueError as error:
                message = f"{key}: {error}, got {value!r}"
                findings.append(invalid_structure(message, table.span(row, key), post=post))
                unread.add(tuple(key.split(".")))
        elif key in table.amounts:
            amount = number(value)  # "£45,000", as Excel shows it; other text is the model's to refuse
            data[name] = value if amount is None else amount
        elif key in table.lists:
            items = [item for item in (_SEPARATORS_AND_COMMAS if table.commas else _SEPARATORS).split(value) if item]
            data[name] = items[0] if key in _ONE_OR_MORE and len(items) == 1 else items
        else:
            data[name] = value
    return data


_ONE_OR_MORE = frozenset({"holder", "ruleset"})
"""Fields written as one value, or as a list of two or more (a job share's holders)."""


def _choices_as_written_in_the_format(model: type, data: dict[str, Any], path: Path = ()) -> dict[str, Any]:
    """A cell's word the format allows in another case (``District``, ``Permanent``) as the format
    writes it: a spreadsheet's drop-down list takes any case, as Excel's validation does, and the
    choice is the same one."""
    chosen: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            chosen[key] = _choices_as_written_in_the_format(model, value, (*path, key))
            continue
        allowed = allowed_values(model, (*path, key)) if isinstance(value, str) else ()
        same = [word for word in allowed if word.casefold() == value.casefold()] if allowed else []
        chosen[key] = same[0] if len(same) == 1 else value
    return chosen


def _validate(model: type[Any], data: dict[str, Any], origin: Any, findings: list[Diagnostic]) -> tuple[Any, frozenset[Path]]:
    """The row as a record, and the fields it gives that could not be read. Each value at fault
    is an X002 at its cell and is left out alone: one bad date keeps the rest of the evaluation
    record (no "no evaluation record" on top of the X002)."""
    data = _choices_as_written_in_the_format(model, data)
    try:
        item = validator(model).validate_python(data)
        return item.record_origin(origin), frozenset()
    except ValidationError as error:
        post_id = data.get("id") if model is Post and isinstance(data.get("id"), str) else None
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            span = locate(origin, loc) or origin.span()
            message = f"{'.'.join(map(str, loc))}: {value_fault(model, loc, detail)}"
            findings.append(invalid_structure(message, span, post=post_id))
    readable, dropped = prune_tolerantly(model, data)
    return (readable.record_origin(origin) if readable is not None else None), frozenset(dropped)


def _records(table: MappedTable | None, model: type[Located], structure: Structure, findings: list[Diagnostic]) -> list[Any]:
    if table is None:
        return []
    fields = _fields(table)
    records = []
    for row in table.rows:
        unread: set[Path] = set()
        data = _record(table, row, fields, findings, unread)
        item, dropped = _validate(model, data, RowOrigin(table, row, fields), findings)
        if item is None:
            if model is Department:
                structure.unread_lists.add("departments")
            elif model is Profile:
                structure.unread_lists.add("profiles")
            continue
        if unread or dropped:
            structure.unread_fields[id(item)] = frozenset(unread) | dropped
        records.append(item)
    return records


def _evaluations(table: MappedTable | None, findings: list[Diagnostic]) -> dict[str, tuple[dict[str, Any], RowOrigin, set[Path]]]:
    """The Evaluations sheet's records by the post each evaluates: the record, where its fields
    stand, and the fields (from ``evaluation``) that could not be read."""
    found: dict[str, tuple[dict[str, Any], RowOrigin, set[Path]]] = {}
    if table is None:
        return found
    fields = _fields(table, leave_out="post")
    for row in table.rows:
        post = table.value(row, "post")
        if not post:
            continue
        if post in found:
            message = f"a second evaluation record for post {post!r}: a post has one (the first is read)"
            findings.append(invalid_structure(message, table.span(row, "post"), post=post))
            continue
        unread: set[Path] = set()
        data = _record(table, row, fields, findings, unread, post)
        found[post] = (data, RowOrigin(table, row, fields), {("evaluation", *path) for path in unread})
    return found


def _organisation(spreadsheet: Spreadsheet, structure: Structure, findings: list[Diagnostic]) -> Organisation | None:
    table = spreadsheet.sheets.get(ORGANISATION.name)
    if table is not None and table.rows:
        (organisation,) = _records(table, Organisation, structure, findings) or (None,)
        return organisation
    posts = spreadsheet.table
    if posts is None or not posts.rows:
        return None
    settings = spreadsheet.settings
    name = (settings.organisation if settings else None) or spreadsheet.source.path.stem
    council_type = settings.council_type if settings else "other"
    return located(Organisation, {"name": name, "type": council_type}, RowOrigin(posts, posts.rows[0], {}))


def assemble_spreadsheet(spreadsheet: Spreadsheet) -> tuple[Structure | None, list[Diagnostic]]:
    """The spreadsheet as a structure (None when it could not be read), and the faults met."""
    findings = list(spreadsheet.findings)
    table = spreadsheet.table
    if table is None:
        return None, findings
    structure = Structure(spreadsheet.source, None, [spreadsheet.source])
    structure.organisation = _organisation(spreadsheet, structure, findings)
    structure.departments = _records(spreadsheet.sheets.get(DEPARTMENTS.name), Department, structure, findings)
    structure.profiles = _records(spreadsheet.sheets.get(PROFILES.name), Profile, structure, findings)
    evaluations = _evaluations(spreadsheet.sheets.get(EVALUATIONS.name), findings)
    fields = _fields(table)
    for row in table.rows:
        unread: set[Path] = set()
        data = _record(table, row, fields, findings, unread, table.value(row, "id") or None)
        row_fields = fields
        evaluation = evaluations.pop(str(data.get("id")), None)
        if evaluation is not None:
            record, origin, evaluation_unread = evaluation
            data["evaluation"], row_fields = record, {**fields, "evaluation": origin}
            unread |= evaluation_unread
        post, dropped = _validate(Post, data, RowOrigin(table, row, row_fields), findings)
        if post is None:
            if data.get("id"):
                structure.unusable_post_ids.add(str(data["id"]))
            continue
        if unread or dropped:
            structure.unread_fields[id(post)] = frozenset(unread) | dropped
        structure.posts.append(post)
    for post_id, (_, origin, _) in evaluations.items():
        if post_id not in structure.unusable_post_ids:
            message = f"an evaluation record for post {post_id!r}, which the Posts sheet does not have"
            findings.append(invalid_structure(message, origin.table.span(origin.row, "post"), post=post_id))
    if DEPARTMENTS.name not in spreadsheet.sheets:
        kinds = spreadsheet.settings.department_kinds if spreadsheet.settings else None
        structure.departments = departments_of(structure.posts, kinds)
        if spreadsheet.settings is not None:
            named = (department.id for department in structure.departments)
            findings.extend(unknown_department_kinds(spreadsheet.settings, named, spreadsheet.source.display))
    return structure, findings
