"""A manager's spreadsheet of posts as a structure: each row a post, each field at its cell.
Values that break the format are X002 findings at their cell, and the post keeps its place
without them (as in structure files)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from orglint.diagnostics import Diagnostic
from orglint.load.input_findings import invalid_structure
from orglint.load.origin import locate
from orglint.load.spreadsheet import Spreadsheet
from orglint.load.table import MappedTable, TableRow
from orglint.model.rows import RowOrigin, departments_of, located
from orglint.model.schema import Organisation, Post, validator
from orglint.model.structure import Structure
from orglint.model.validate import Path, plain_message, prune_tolerantly

LIST_FIELDS = ("designations", "qualifications", "responsibilities")
_SEPARATORS = re.compile(r"\s*[;,\n]\s*")


def _fields(table: MappedTable) -> dict[str, Any]:
    """Post field → column key, for RowOrigin (salary and evaluation nest)."""
    fields: dict[str, Any] = {}
    for key in table.columns:
        if key.startswith("salary_"):
            fields.setdefault("salary", {})[key.removeprefix("salary_")] = key
        elif key.startswith("evaluation_"):
            fields.setdefault("evaluation", {})[key.removeprefix("evaluation_")] = key
        else:
            fields[key] = key
    return fields


def _row_data(table: MappedTable, row: TableRow, fields: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, key in fields.items():
        if isinstance(key, dict):
            nested = {sub: table.value(row, column) for sub, column in key.items() if table.value(row, column)}
            if nested:
                data[name] = nested
        elif table.value(row, key):
            value = table.value(row, key)
            data[name] = [item for item in _SEPARATORS.split(value) if item] if name in LIST_FIELDS else value
    return data


def _validate(data: dict[str, Any], origin: RowOrigin, findings: list[Diagnostic]) -> tuple[Post | None, frozenset[Path]]:
    """The row as a post, and the fields it gives that could not be read. Each value at fault is
    an X002 at its cell and is left out alone: one bad date keeps the rest of the evaluation
    record (no "no evaluation record" on top of the X002)."""
    try:
        post: Post = validator(Post).validate_python(data)
        return post.record_origin(origin), frozenset()
    except ValidationError as error:
        post_id = data.get("id") if isinstance(data.get("id"), str) else None
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            span = locate(origin, loc) or origin.span()
            message = f"{'.'.join(map(str, loc))}: {plain_message(detail)}"
            findings.append(invalid_structure(message, span, post=post_id))
    readable, dropped = prune_tolerantly(Post, data)
    return (readable.record_origin(origin) if readable is not None else None), frozenset(dropped)


def assemble_spreadsheet(spreadsheet: Spreadsheet) -> tuple[Structure | None, list[Diagnostic]]:
    """The spreadsheet as a structure (None when it could not be read), and the faults met."""
    findings = list(spreadsheet.findings)
    settings = spreadsheet.settings
    table = spreadsheet.table
    if table is None:
        return None, findings
    structure = Structure(spreadsheet.source, None, [spreadsheet.source])
    fields = _fields(table)
    first = table.rows[0] if table.rows else None
    if first is not None:
        name = settings.organisation or spreadsheet.source.path.stem
        structure.organisation = located(Organisation, {"name": name, "type": settings.council_type}, RowOrigin(table, first, {}))
    for row in table.rows:
        data = _row_data(table, row, fields)
        post, unread = _validate(data, RowOrigin(table, row, fields), findings)
        if post is None:
            if data.get("id"):
                structure.unusable_post_ids.add(str(data["id"]))
            continue
        if unread:
            structure.unread_fields[id(post)] = unread
        structure.posts.append(post)
    structure.departments = departments_of(structure.posts, settings.department_kinds)
    return structure, findings
