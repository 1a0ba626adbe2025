"""A UK organogram as a structure: each senior post a post, each junior staff row a group of
posts (counted by FTE) under its senior post, every field located at its cell, so the core
rules, the report and the tree work on organograms as on structure files."""

from __future__ import annotations

from typing import Any

from orglint.load.organogram import Organogram
from orglint.load.table import MappedTable, TableRow
from orglint.model.rows import RowOrigin, departments_of, located, number
from orglint.model.schema import Organisation, Post
from orglint.model.structure import Structure

ORGANOGRAM_RULESET = "uk-organogram"
TOP = "XX"
"""'Reports to Senior Post' of a top post."""
NOT_IN_POST = "0"
"""The reference of rows for people paid but not in post: not posts."""

WITHHELD_NAMES = frozenset({"N/D", "N/A"})
"""Names that are not names: the holder is not recorded."""

_SENIOR_FIELDS = {
    "id": "reference",
    "title": "title",
    "reports_to": "reports_to",
    "grade": "grade",
    "department": "unit",
    "function": "function",
    "fte": "fte",
    "holder": "name",
    "salary": {"min": "pay_floor", "max": "pay_ceiling"},
}
_JUNIOR_FIELDS = {
    "id": "title",
    "title": "title",
    "reports_to": "reports_to",
    "grade": "grade",
    "department": "unit",
    "fte": "fte",
    "salary": {"min": "pay_min", "max": "pay_max"},
}


def junior_post_id(row: TableRow) -> str:
    """A junior staff row's post id: the row is its only identity."""
    return f"junior:{row.number}"


def _salary(low: str, high: str) -> dict[str, float] | None:
    floor, ceiling = number(low), number(high)
    if floor is None or ceiling is None or floor < 0 or floor > ceiling:
        return None
    return {"min": floor, "max": ceiling}


def _post_data(table: MappedTable, row: TableRow, identity: str, reports_to: str | None, low: str, high: str) -> dict[str, Any]:
    value = table.value
    data: dict[str, Any] = {"id": identity, "title": value(row, "title") or identity, "reports_to": reports_to}
    for field, key in (("grade", "grade"), ("department", "unit")):
        if value(row, key):
            data[field] = value(row, key)
    fte = number(value(row, "fte"))
    if fte is not None and fte > 0:
        data["fte"] = fte
    salary = _salary(low, high)
    if salary is not None:
        data["salary"] = salary
    return data


def assemble_organogram(organogram: Organogram) -> Structure | None:
    """The organogram as a structure; None when its senior table could not be read (its
    findings say why)."""
    senior = organogram.senior
    if senior is None:
        return None
    structure = Structure(
        organogram.source, None, organogram.sources, organogram=organogram, implied_rulesets=[ORGANOGRAM_RULESET]
    )
    seen: dict[str, Post] = {}
    for row in senior.rows:
        reference = senior.value(row, "reference")
        if not reference or reference == NOT_IN_POST or reference in seen:  # not posts, or a job share already read
            continue
        manager = senior.value(row, "reports_to")
        data = _post_data(
            senior,
            row,
            reference,
            None if manager in ("", TOP) else manager,
            senior.value(row, "pay_floor"),
            senior.value(row, "pay_ceiling"),
        )
        name = senior.value(row, "name")
        if name and name.upper() not in WITHHELD_NAMES:
            data["holder"] = "vacant" if name.casefold() == "vacant" else name
        post = located(Post, data, RowOrigin(senior, row, _SENIOR_FIELDS))
        if post is not None:
            seen[reference] = post
            structure.posts.append(post)
        if structure.organisation is None and senior.value(row, "organisation"):
            origin = RowOrigin(senior, row, {"name": "organisation"})
            structure.organisation = located(Organisation, {"name": senior.value(row, "organisation")}, origin)
    if organogram.junior is not None:
        structure.posts.extend(_junior_posts(organogram.junior))
    structure.departments = departments_of(structure.posts)
    return structure


def _junior_posts(junior: MappedTable) -> list[Post]:
    """Each junior staff row as a group of posts under its senior post."""
    posts = []
    for row in junior.rows:
        manager = junior.value(row, "reports_to")
        if not manager:
            continue  # under no senior post: not part of the structure (T113 reports the row)
        data = _post_data(junior, row, junior_post_id(row), manager, junior.value(row, "pay_min"), junior.value(row, "pay_max"))
        data["group"] = True
        post = located(Post, data, RowOrigin(junior, row, _JUNIOR_FIELDS))
        if post is not None:
            posts.append(post)
    return posts
