"""``orglint import``: an organogram or a spreadsheet of posts written out as a structure file
(format 1), with ruamel.yaml, each post under a comment naming the row it came from."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from orglint import __version__
from orglint.config import Config
from orglint.diagnostics import Diagnostic
from orglint.load.discover import discover
from orglint.model.amounts import number
from orglint.model.organogram import assemble_organogram
from orglint.model.rows import RowOrigin
from orglint.model.schema import FORMAT_VERSION, Department, Organisation, Post, Profile, fields_of, validator
from orglint.model.spreadsheet import assemble_spreadsheet
from orglint.model.structure import Structure
from orglint.safe_text import safe_text

_READING_ORDER = ("id", "title", "reports_to", "tier", "department", "function", "grade", "salary", "fte", "holder",
                  "contract", "contact", "designations", "qualifications", "profile", "responsibilities", "evaluation",
                  "group")  # fmt: skip
FIELD_ORDER = (*_READING_ORDER, *(name for name in fields_of(Post) if name not in _READING_ORDER))
"""A post's fields in the order a reader looks for them; every field of the format, so one added
to ``Post`` later is written (at the end) rather than lost."""


class ImportFailed(Exception):
    """The source could not be read as posts at all: its findings say why."""

    def __init__(self, findings: list[Diagnostic]) -> None:
        super().__init__("cannot import")
        self.findings = findings


def read_source(path: Path, junior: Path | None, config: Config) -> tuple[Structure, list[Diagnostic]]:
    """The structure a table holds, and the faults met reading it (cells left out): read the way
    `check` reads it, so an organogram, a spreadsheet and the limits mean the same here."""
    discovery = discover(
        [path], junior=junior, spreadsheet_for=lambda _: config.settings.spreadsheet, limits_for=lambda _: config.limits
    )
    structure: Structure | None = None
    findings = list(discovery.findings)  # what discovery met (a link out of the project) stays with the rest
    if discovery.organograms:
        (organogram,) = discovery.organograms
        structure = assemble_organogram(organogram)
        findings.extend(organogram.findings)
    elif discovery.spreadsheets:
        (spreadsheet,) = discovery.spreadsheets
        structure, read = assemble_spreadsheet(spreadsheet)
        findings.extend(read)
    if structure is None:
        raise ImportFailed(findings)
    return structure, findings


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _with_unread_as_written(structure: Structure, record: Any, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (the record as read) with each field that could not be read put back as its cells
    hold it: written so, the structure file gets the same X002 the table did, rather than losing
    the value (a council type `District Council` left out is `other`)."""
    unread = structure.unread_fields.get(id(record))
    origin = record.origin
    if not unread or not isinstance(origin, RowOrigin):
        return data
    for path in sorted(unread, key=len):
        names = [str(part) for part in path if isinstance(part, str)]  # a list item's field is written whole
        holder, cells = data, origin
        for name in names[:-1]:
            nested: RowOrigin | None = cells[name] if name in cells else None  # noqa: SIM401 (a RowOrigin, no dict)
            if nested is None:
                break
            cells, holder = nested, holder.setdefault(name, {})
        else:
            value = _cells(cells, names[-1])
            if value not in (None, "", {}):
                holder[names[-1]] = value
                if holder is not data:  # a nested record's fields in the table's order, as read
                    ordered = {key: holder[key] for key in cells.fields if key in holder}
                    rest = {key: item for key, item in holder.items() if key not in ordered}
                    holder.clear()
                    holder.update({**ordered, **rest})
    return data


def _cells(origin: RowOrigin, name: str) -> Any:
    """A field as its cells hold it: the text, a number where an amount cell reads as one, a
    mapping for a nested record (a salary's min and max, an evaluation on its own sheet)."""
    if name not in origin:
        return None
    nested = origin[name]
    if nested is not None:
        return {key: value for key in nested.fields if (value := _cells(nested, key)) not in (None, "", {})}
    column = origin.fields[name]
    text = origin.table.value(origin.row, column)
    amount = number(text) if column in origin.table.amounts else None
    return text if amount is None else _number(amount)


def _record(model: type, record: Any, structure: Structure, *, flow: bool = False) -> CommentedMap:
    """An organisation, department or profile as the structure format writes it, in its fields' order."""
    data = _with_unread_as_written(
        structure, record, validator(model).dump_python(record, exclude_defaults=True, exclude_none=True)
    )
    entry = CommentedMap()
    for name in fields_of(model):
        if name in data and data[name] not in ((), []):
            value = data[name]
            if isinstance(value, dict):
                value = CommentedMap(value)
                value.fa.set_flow_style()
            elif isinstance(value, list | tuple):
                value = CommentedSeq(value)
            entry[name] = value
    if model is Department and record.name == record.id:
        del entry["name"]
    if flow:
        entry.fa.set_flow_style()
    return entry


def _post(post: Post, structure: Structure) -> CommentedMap:
    data = _with_unread_as_written(structure, post, validator(Post).dump_python(post, exclude_defaults=True, exclude_none=True))
    entry = CommentedMap()
    for name in FIELD_ORDER:
        if name == "reports_to" and post.reports_to is None:
            entry[name] = None  # the top post says so
        elif name in data:
            value = data[name]
            if name == "salary" and isinstance(value, dict):
                value = CommentedMap(
                    (key, _number(amount) if isinstance(amount, float | int) else amount) for key, amount in value.items()
                )
                value.fa.set_flow_style()
            elif name == "contact":
                value = CommentedMap(value)
                value.fa.set_flow_style()
            elif name == "fte" and isinstance(value, float | int):
                value = _number(value)
            elif isinstance(value, list | tuple):
                value = CommentedSeq(value)
                value.fa.set_flow_style()
            elif name == "evaluation" and "points" in value:
                value = {**value, "points": CommentedMap(value["points"])}
                value["points"].fa.set_flow_style()
            entry[name] = value
    return entry


def _row_of(post: Post) -> str:
    origin = post.origin
    if isinstance(origin, RowOrigin):
        table = origin.table.table
        where = f"{table.source.display}, sheet {table.sheet!r}" if table.sheet else table.source.display
        return f"{where}, row {origin.row.number}"
    return ""


def _null(representer: Any, _: None) -> Any:
    """``null`` written out (ruamel leaves it blank), so the top post plainly reports to no one."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def render(structure: Structure, sources: list[str], today: datetime.date) -> str:
    document = CommentedMap()
    document["orglint"] = FORMAT_VERSION
    organisation = CommentedMap()
    if structure.organisation is not None:
        organisation.update(_record(Organisation, structure.organisation, structure))
    if "ruleset" not in organisation and structure.implied_rulesets:
        # the ruleset its kind of input is checked with (uk-organogram): the file lints as it did
        implied = structure.implied_rulesets
        organisation["ruleset"] = implied[0] if len(implied) == 1 else CommentedSeq(implied)
    document["organisation"] = organisation
    for name, model, records in (("departments", Department, structure.departments), ("profiles", Profile, structure.profiles)):
        if records:
            document[name] = CommentedSeq(_record(model, record, structure, flow=name == "departments") for record in records)
    posts = CommentedSeq()
    for index, post in enumerate(structure.posts):
        posts.append(_post(post, structure))
        row = _row_of(post)
        if row:
            posts.yaml_set_comment_before_after_key(index, before=row, indent=2)
    document["posts"] = posts
    document.yaml_set_start_comment(
        f"Imported by orglint {__version__} on {today.isoformat()} from {', '.join(sources)}.\n"
        "Each post's comment names the row it came from."
    )
    yaml = YAML()
    yaml.representer.add_representer(type(None), _null)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def sources_of(structure: Structure) -> list[str]:
    return list(dict.fromkeys(source.display for source in structure.files))


def describe(finding: Diagnostic) -> str:
    """A finding met while importing, on one line, with its cell."""
    span = finding.span
    cell = span.describe_cell()
    where = f"{span.file}:{span.line}:{span.column}: {finding.code} "
    return where + safe_text(f"{cell + ': ' if cell else ''}{finding.message}")  # a cell's text is the table's
