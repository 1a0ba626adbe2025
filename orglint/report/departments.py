"""How the views name a department: the one label each report table, chart and tree shows."""

from __future__ import annotations

from collections import Counter

from orglint.engine import StructureRun


class DepartmentLabels(dict[str, str]):
    """Each department's label, by id; a department no record defines (a post's department written
    by a name, S005) is labelled as such when asked for (``labels[department]``)."""

    def __missing__(self, department: str) -> str:
        return f"{department} (not defined)"


def department_labels(run: StructureRun) -> DepartmentLabels:
    """Each department's name (its id where it has none), with its id beside a name two
    departments share, so that no two lines read alike."""
    names = {department.id: department.name or department.id for department in run.structure.departments}
    shared = {name for name, count in Counter(names.values()).items() if count > 1}
    return DepartmentLabels(
        {department_id: f"{name} ({department_id})" if name in shared else name for department_id, name in names.items()}
    )
