"""A UK organogram as a structure: each senior post a post, each junior staff row a group of
posts (counted by FTE) under its senior post, every field located at its cell, so the core
rules, the report and the tree work on organograms as on structure files."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from orglint.load.organogram import Organogram
from orglint.load.table import MappedTable, TableRow
from orglint.model.amounts import number
from orglint.model.rows import RowOrigin, departments_of, located
from orglint.model.schema import Organisation, Post
from orglint.model.structure import Structure

ORGANOGRAM_RULESET = "uk-organogram"
TOP = "XX"
"""'Reports to Senior Post' of a top post."""
NOT_IN_POST = "0"
"""The reference of rows for people paid but not in post: not posts."""
ELIMINATED = "Eliminated"
"""The Name of a row for a post that no longer exists: set aside. The T rules, as the publication
validator, know exactly this text; the model counts no post of its other spellings or in stray
quotes either (``is_eliminated``)."""
UNDISCLOSED, NOT_APPLICABLE = "N/D", "N/A"
"""A value withheld, and a value that does not apply (a contact of a vacant post)."""
VACANT_OR_ELIMINATED = frozenset({"Vacant", "VACANT", "vacant", "Eliminated", "ELIMINATED", "eliminated"})
"""The names with which the validator asks for N/A contacts (these spellings only)."""

WITHHELD_NAMES = frozenset({UNDISCLOSED, NOT_APPLICABLE})
"""Names that are not names: the holder is not recorded."""
STRAY_QUOTES = "'\" "
"""What some exports leave around a name ("'Eliminated'", "Vacant'")."""

JOB_SHARE_MAY_DIFFER = frozenset({"name", "pay_floor", "pay_ceiling", "phone", "email", "notes", "fte"})
"""The columns in which the rows of one job-shared post may differ (the validator's)."""


def meant_name(name: str) -> str:
    """A Name as it is meant, for counting posts and holders: Vacant or Eliminated (in a
    spelling the validator knows) in stray quotes is that word; any other name as written. The
    T rules read names exactly, as the validator does (T110 reports the quotes)."""
    bare = name.strip(STRAY_QUOTES)
    return bare if bare in VACANT_OR_ELIMINATED else name


def is_eliminated(name: str) -> bool:
    """Whether a Name, as meant, says the post no longer exists."""
    return meant_name(name).casefold() == ELIMINATED.casefold()


@dataclass(frozen=True)
class Amount:
    """A cell of a column the validator reads as a whole number, N/A or N/D."""

    text: str
    value: float | None
    """The number, if the cell is one."""
    reading: str
    """"number", "N/A" or "N/D" as written; "blank" (read as N/A); "N/A?" or "N/D?" for a
    looser spelling the validator reads as N/A or N/D ("n/a", "N.A."); "invalid" for text
    the validator rejects."""

    @property
    def invalid(self) -> bool:
        return self.reading == "invalid"

    @property
    def read_as(self) -> str:
        """What the validator makes of it: "number", "N/A", "N/D" or "invalid"."""
        return {"blank": NOT_APPLICABLE, "N/A?": NOT_APPLICABLE, "N/D?": UNDISCLOSED}.get(self.reading, self.reading)


def amount(text: str) -> Amount:
    """How the validator reads a cell of an integer column: a blank as N/A; a number as itself;
    other text by its letters alone ("n/a", "N.A." are N/A), and anything else is rejected."""
    value = number(text)
    if value is not None:
        return Amount(text, value, "number")
    if not text:
        return Amount(text, None, "blank")
    if text in (NOT_APPLICABLE, UNDISCLOSED):
        return Amount(text, None, text)
    return Amount(text, None, _LOOSE.get(_letters(text), "invalid"))


_LOOSE = {"NA": "N/A?", "ND": "N/D?"}
"""N/A and N/D by their letters alone, as the validator reads a looser spelling ("n/a", "N.A.")."""


def _letters(text: str) -> str:
    return re.sub("[^A-Z]", "", text.upper())


def job_share_cell(table: MappedTable, row: TableRow, key: str) -> object:
    """A cell as the validator compares the rows of a job share: the whole-number Salary Cost of
    Reports as it reads it, any other cell as written."""
    if key == "cost_of_reports":
        cell = amount(table.value(row, key))
        return round(cell.value) if cell.value is not None else cell.read_as
    return table.value(row, key)


def job_share_differences(table: MappedTable, first: TableRow, row: TableRow) -> list[str]:
    """The columns (keys) in which ``row`` differs from ``first`` where a job share's rows must
    agree: none when ``row`` may be another holder of ``first``'s post."""
    compared = [key for key in table.columns if key not in JOB_SHARE_MAY_DIFFER]
    return [key for key in compared if job_share_cell(table, first, key) != job_share_cell(table, row, key)]


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
    "contact": {"email": "email", "phone": "phone"},
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

_JUNIOR_KEY = ("reports_to", "grade", "title", "group")
"""What identifies a junior staff row from one publication to the next: its reporting senior
post, grade, generic job title and professional group (never its row number)."""
KEY_SEPARATOR, _BLANK_PART = " › ", "—"


def junior_post_id(junior: MappedTable, row: TableRow) -> str:
    """A junior staff row's post id: its key, readable (``1CPG06 › Grade 7 › Policy Adviser ›
    Policy``), with ``#2``, ``#3``... after it on the rows that repeat a key in the file."""
    if junior.row_ids is None:  # the whole table at once: a repeat's number depends on the rows before it
        junior.row_ids = _assign_junior_ids(junior)
    return junior.row_ids[row.number]


def _assign_junior_ids(junior: MappedTable) -> dict[int, str]:
    ids: dict[int, str] = {}
    taken: set[str] = set()
    repeats: Counter[str] = Counter()
    for row in junior.rows:
        parts = [junior.value(row, key) or _BLANK_PART for key in _JUNIOR_KEY]
        if parts[-1] == _BLANK_PART:
            parts.pop()  # the professional group is an optional column: most ids end at the title
        key = KEY_SEPARATOR.join(parts)
        identity = key
        while identity in taken:  # a repeated key; or, at worst, a key that reads like a repeat
            repeats[key] += 1
            identity = f"{key} #{repeats[key] + 1}"
        taken.add(identity)
        ids[row.number] = identity
    return ids


def _salary(low: str, high: str) -> dict[str, float] | None:
    floor, ceiling = number(low), number(high)
    if floor is None or ceiling is None or floor < 0 or floor > ceiling:
        return None
    return {"min": floor, "max": ceiling}


def _fte(table: MappedTable, row: TableRow) -> float | None:
    fte = number(table.value(row, "fte"))
    return fte if fte is not None and fte > 0 else None


def _post_data(table: MappedTable, row: TableRow, identity: str, reports_to: str | None, low: str, high: str) -> dict[str, Any]:
    value = table.value
    data: dict[str, Any] = {"id": identity, "title": value(row, "title") or identity, "reports_to": reports_to}
    for field, key in (("grade", "grade"), ("department", "unit")):
        if value(row, key):
            data[field] = value(row, key)
    fte = _fte(table, row)
    if fte is not None:
        data["fte"] = fte
    salary = _salary(low, high)
    if salary is not None:
        data["salary"] = salary
    return data


def _contact(senior: MappedTable, row: TableRow) -> dict[str, str]:
    """The post's contact details as the row gives them: none withheld (N/D), not applying (N/A)
    or blank. A job share's are its first holder's row's."""
    contact = {}
    for field, key in (("email", "email"), ("phone", "phone")):
        text = senior.value(row, key)
        if text and text not in (NOT_APPLICABLE, UNDISCLOSED) and _letters(text) not in _LOOSE:
            contact[field] = text
    return contact


def _holder(name: str) -> str | None:
    if not name or name.upper() in WITHHELD_NAMES:
        return None
    meant = meant_name(name)
    if meant.casefold() == ELIMINATED.casefold():
        return None  # a row Eliminated in stray quotes kept as the post its reports name: no holder
    return "vacant" if meant.casefold() == "vacant" else meant


def _senior_post_rows(senior: MappedTable, reported_to: set[str]) -> dict[str, list[TableRow]]:
    """Each senior post's live rows by reference, in the order of the table: one row, or one per
    holder of a job share (rows with one reference and different names that agree where a job
    share's rows must). Reference-``0`` rows (paid, not in post) and Eliminated rows (quoted or
    not) are not posts; but a row Eliminated only in stray quotes (``'Eliminated'``), which the
    publication validator reads as a live post, is the post where rows report to its reference
    (``reported_to``) and no live row has it: its reports are placed under it, as the validator
    places them, not outside the structure without a word. A later row of a reference that is no
    other holder of its first row's post, a repeat under the same name or a row that differs
    (T102 reports it: not a job share), is not counted: the first row stands."""
    live = {senior.value(row, "reference") for row in senior.rows if not is_eliminated(senior.value(row, "name"))}
    posts: dict[str, list[TableRow]] = {}
    holders: dict[str, set[str]] = {}  # each reference's holders' names, kept as rows are (a hostile
    # table of thousands of rows under one reference costs no more than thousands of references)
    for row in senior.rows:
        reference, name = senior.value(row, "reference"), senior.value(row, "name")
        if not reference or reference == NOT_IN_POST:
            continue
        if is_eliminated(name) and (name == ELIMINATED or reference in live or reference not in reported_to):
            continue
        rows = posts.setdefault(reference, [])
        named = holders.setdefault(reference, set())
        if not rows or (meant_name(name) not in named and not job_share_differences(senior, rows[0], row)):
            rows.append(row)
            named.add(meant_name(name))
    return posts


def _job_share(senior: MappedTable, rows: list[TableRow], data: dict[str, Any]) -> None:
    """Make ``data`` (the first sharer's post) the whole job share's: every holder, and the FTE
    added up. The salary range becomes the sharers' FTE-weighted mean (to the penny), so that the
    pay bill (range × FTE) adds up each sharer's pay × FTE, as if each row were a post; unless a
    sharer's pay is unknown, when the post has none (a part would understate the bill)."""
    data["holder"] = tuple(_holder(senior.value(row, "name")) for row in rows)
    ftes = [_fte(senior, row) or 1.0 for row in rows]  # a post's FTE is 1 where none is given
    data["fte"] = sum(ftes)
    data.pop("salary", None)
    paid = [
        (salary, fte)
        for row, fte in zip(rows, ftes, strict=True)
        if (salary := _salary(senior.value(row, "pay_floor"), senior.value(row, "pay_ceiling")))
    ]
    if len(paid) == len(rows):
        data["salary"] = {
            bound: round(sum(salary[bound] * fte for salary, fte in paid) / data["fte"], 2) for bound in ("min", "max")
        }


def assemble_organogram(organogram: Organogram) -> Structure | None:
    """The organogram as a structure; None when its senior table could not be read (its
    findings say why)."""
    senior = organogram.senior
    if senior is None:
        return None
    structure = Structure(
        organogram.source, None, organogram.sources, organogram=organogram, implied_rulesets=[ORGANOGRAM_RULESET]
    )
    reported_to = {senior.value(row, "reports_to") for row in senior.rows}
    if organogram.junior is not None:
        reported_to |= {organogram.junior.value(row, "reports_to") for row in organogram.junior.rows}
    for reference, rows in _senior_post_rows(senior, reported_to).items():
        row = rows[0]
        manager = senior.value(row, "reports_to")
        data = _post_data(
            senior,
            row,
            reference,
            None if manager in ("", TOP) else manager,
            senior.value(row, "pay_floor"),
            senior.value(row, "pay_ceiling"),
        )
        if len(rows) > 1:
            _job_share(senior, rows, data)
        elif (holder := _holder(senior.value(row, "name"))) is not None:
            data["holder"] = holder
        contact = _contact(senior, row)
        if contact:
            data["contact"] = contact
        post = located(Post, data, RowOrigin(senior, row, _SENIOR_FIELDS))
        if post is not None:
            structure.posts.append(post)
    named = _first_row_naming(senior, "organisation")
    if named is not None:
        origin = RowOrigin(senior, named, {"name": "organisation"})
        structure.organisation = located(Organisation, {"name": senior.value(named, "organisation")}, origin)
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
        identity = junior_post_id(junior, row)
        data = _post_data(junior, row, identity, manager, junior.value(row, "pay_min"), junior.value(row, "pay_max"))
        data["group"] = True
        post = located(Post, data, RowOrigin(junior, row, _JUNIOR_FIELDS))
        if post is not None:
            posts.append(post)
    return posts


def parent_department(organogram: Organogram) -> str | None:
    """The department the organogram's body belongs to, as the first row that names one says."""
    for table in (organogram.senior, organogram.junior):
        named = _first_row_naming(table, "parent") if table is not None else None
        if table is not None and named is not None:
            return table.value(named, "parent")
    return None


def _first_row_naming(table: MappedTable, key: str) -> TableRow | None:
    return next((row for row in table.rows if table.value(row, key)), None)
