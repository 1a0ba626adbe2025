"""What the commissioner/provider rules share: the two sides of the split, which side each line
of the structure is on (worked out once, bottom up, in time linear in posts), and which
departments a rule checks by their kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import Field

from orglint.model.schema import DEFAULT_DEPARTMENT_KIND, DepartmentKind, Post
from orglint.rules import CheckContext, RuleSettings

COMMISSIONING = frozenset({"strategic-commissioning", "operational-commissioning"})
PROVIDING = frozenset({"provider"})


class DepartmentKinds(RuleSettings):
    department_kinds: list[DepartmentKind] | None = Field(
        default=None,
        description="The kinds of department (`service`, `support`) the rule checks; every department if not given.",
    )


def checks_department(context: CheckContext, settings: DepartmentKinds) -> Callable[[str], bool]:
    """Whether the rule checks a department (by id), by its kind; a department posts name but the
    structure does not list (S005's) has the format's default kind."""
    kinds = settings.department_kinds
    if kinds is None:
        return lambda department: True
    listed: dict[str, str] = {}
    for department in context.structure.departments:
        listed.setdefault(department.id, department.kind)
    return lambda department: listed.get(department, DEFAULT_DEPARTMENT_KIND) in kinds


def side(post: Post) -> str | None:
    """ "commissioning", "providing", or None (support, or no function)."""
    if post.function in COMMISSIONING:
        return "commissioning"
    if post.function in PROVIDING:
        return "providing"
    return None


@dataclass
class LineSides:
    """For every post: one post on each side within its line (itself and everyone below it)."""

    commissioning: dict[str, str]
    providing: dict[str, str]

    def mixed(self, post_id: str) -> tuple[str, str] | None:
        if post_id in self.commissioning and post_id in self.providing:
            return self.commissioning[post_id], self.providing[post_id]
        return None


def line_sides(context: CheckContext) -> LineSides:
    graph = context.graph
    commissioning: dict[str, str] = {}
    providing: dict[str, str] = {}
    # deepest first, so each post's reports are done before it (loops are S003's and not reached):
    # depths are listed layer by layer, top down
    for post_id in reversed(graph.depth):
        own = side(graph.posts[post_id])
        if own == "commissioning":
            commissioning[post_id] = post_id
        elif own == "providing":
            providing[post_id] = post_id
        manager = graph.posts[post_id].reports_to
        if manager is None:
            continue
        if post_id in commissioning:
            commissioning.setdefault(manager, commissioning[post_id])
        if post_id in providing:
            providing.setdefault(manager, providing[post_id])
    return LineSides(commissioning, providing)
