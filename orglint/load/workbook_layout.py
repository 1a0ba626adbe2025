"""The structure workbook: the sheets and columns of a workbook that holds a whole structure
(organisation, departments, profiles, posts, evaluation records), as ``orglint template``
writes it and the workbook loader reads it. One statement of the layout for both, so that a
template filled in and read back gives the structure it was made from.

Each column names the field of the structure format it holds as a dotted path (``salary.min``,
``business_partners.hr``, ``points.know_how``). Sheet and column names are matched loosely
(``normalise_header``: case, spacing, "(£)"), by the name the template writes or any alias.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Vocabulary = Literal["contracts", "council-types", "department-kinds", "designations", "functions", "grades", "levels", "yes-no"]
"""The ruleset's words a column's cells are chosen from (the template's drop-down lists)."""


@dataclass(frozen=True)
class Column:
    field: str
    """The structure format's field, as a dotted path within the sheet's record."""
    header: str
    """The header the template writes."""
    note: str
    """What to write, as the template's note on the header cell says."""
    aliases: tuple[str, ...] = ()
    """Other headers people write for it."""
    choices: Vocabulary | None = None
    is_list: bool = False
    """Several values in one cell, separated by ``;`` or new lines."""
    is_date: bool = False
    """ISO ``2024-05-20``, UK ``20/05/2024`` or ``20/05/24``, or an Excel date."""
    is_amount: bool = False
    """A sum of money, written as Excel shows it or not: ``45000``, ``£45,000``."""
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    fields_in_rows: bool = False
    """A sheet of one record written as (field, value) rows, not a table of records."""


ORGANISATION = Sheet(
    "Organisation",
    ("Organization", "Council"),
    (
        Column("name", "Name", "The organisation's full name.", required=True),
        Column("type", "Council type", "The kind of council: it decides the statutory roles required.", choices="council-types"),
        Column("ruleset", "Ruleset", "The ruleset(s) to check against, by name: e.g. leicestershire-odp.", is_list=True),
    ),
    fields_in_rows=True,
)
DEPARTMENTS = Sheet(
    "Departments",
    ("Directorates", "Services"),
    (
        Column("id", "Department ID", "A short id posts name in their Department column.", ("Department", "ID"), required=True),
        Column("name", "Name", "The department's name.", ("Department name",)),
        Column("kind", "Kind", "service (the default) or support.", choices="department-kinds"),
        *(
            Column(f"business_partners.{area}", f"{label} business partner", f"The post id of its {label} business partner.")
            for area, label in (
                ("hr", "HR"),
                ("finance", "Finance"),
                ("ict", "ICT"),
                ("transformation", "Transformation"),
                ("property", "Property"),
            )
        ),
    ),
)
PROFILES = Sheet(
    "Profiles",
    ("Job profiles", "Job families"),
    (
        Column("id", "Profile ID", "A short id posts name in their Profile column.", ("Profile", "ID"), required=True),
        Column("title", "Title", "The profile's title.", ("Profile title",)),
        Column("level", "Level", "The level of post it describes.", choices="levels"),
        Column("responsibilities", "Responsibilities", "The responsibilities it carries, one per line.", is_list=True),
        Column("updated", "Updated", "When the profile last changed (dd/mm/yyyy).", ("Last updated",), is_date=True),
    ),
)
POSTS = Sheet(
    "Posts",
    ("Establishment", "Structure", "Post list"),
    (
        Column("id", "Post ID", "A unique id for the post (a post number).", ("Post number", "Post", "ID"), required=True),
        Column("title", "Job title", "The post's title.", ("Title",), required=True),
        Column("reports_to", "Reports to", "The post id of its line manager; blank for the top post.", ("Line manager",)),
        Column("tier", "Tier", "1 for the top post, 2 below it, and so on."),
        Column("department", "Department", "The department id, from the Departments sheet.", ("Directorate",)),
        Column("function", "Function", "Commissioning or providing, where the ruleset asks.", choices="functions"),
        Column("grade", "Grade", "The post's grade.", choices="grades"),
        Column("salary.min", "Salary from", "The bottom of the post's pay range (£ a year).", ("Salary min",), is_amount=True),
        Column("salary.max", "Salary to", "The top of the post's pay range (£ a year).", ("Salary max",), is_amount=True),
        Column(
            "designations",
            "Statutory roles",
            "The statutory designations it holds, one per line.",
            ("Designations",),
            choices="designations",
            is_list=True,
        ),
        Column("qualifications", "Qualifications", "Professional qualifications, one per line (e.g. CIPFA).", is_list=True),
        Column("profile", "Profile", "The profile id, from the Profiles sheet.", ("Job profile",)),
        Column("responsibilities", "Responsibilities", "Responsibilities beyond its profile's, one per line.", is_list=True),
        Column("fte", "FTE", "Full-time equivalent: 1 for full time, 0.5 for half."),
        Column("holder", "Holder", "Who holds it; vacant; two or more names (one per line) for a job share.", is_list=True),
        Column(
            "contract",
            "Contract",
            "permanent, or the terms of temporary staff: temporary, fixed-term, interim or agency.",
            ("Contract type", "Permanent or temporary"),
            choices="contracts",
        ),
        Column("contact.email", "Contact email", "The email address the public reaches the post by.", ("Email",)),
        Column("contact.phone", "Contact phone", "The phone number the public reaches the post by.", ("Phone",)),
        Column("group", "Group of posts", "yes for a row that stands for several posts (counted by FTE).", choices="yes-no"),
    ),
)
EVALUATIONS = Sheet(
    "Evaluations",
    ("Job evaluations", "Evaluation"),
    (
        Column("post", "Post ID", "The post evaluated, from the Posts sheet.", ("Post",), required=True),
        Column("scheme", "Scheme", "The job evaluation scheme (e.g. HAY)."),
        Column("date", "Date", "When it was evaluated (dd/mm/yyyy).", ("Evaluated on",), is_date=True),
        Column("grade", "Grade", "The grade the evaluation gave.", ("Evaluated grade",), choices="grades"),
        Column("rationale", "Rationale", "Why it was graded so.", ("Reason",)),
        Column("points.know_how", "Know-how points", "Hay points for know-how.", ("Know-how",)),
        Column("points.problem_solving", "Problem solving points", "Hay points for problem solving.", ("Problem solving",)),
        Column("points.accountability", "Accountability points", "Hay points for accountability.", ("Accountability",)),
        Column("points.total", "Total points", "The Hay points in total.", ("Total",)),
    ),
)

WORKBOOK: tuple[Sheet, ...] = (ORGANISATION, DEPARTMENTS, PROFILES, POSTS, EVALUATIONS)
"""The sheets in the order the template writes them. A structure workbook is one with a Posts
sheet and at least one other of these (a single sheet of posts is read through the
``[tool.orglint.spreadsheet]`` mapping instead)."""
