"""``[tool.orglint.spreadsheet]``: how a manager's spreadsheet of posts maps to the structure
format. Kept apart from the loader, so reading the configuration does not load it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from orglint.diagnostics import Span
from orglint.kebab_case import KEBAB_CASE_KEYS
from orglint.model.schema import CouncilType, DepartmentKind


class SpreadsheetColumns(BaseModel):
    """Structure field → the header of the column that holds it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    id: str
    title: str
    reports_to: str | None = None
    tier: str | None = None
    grade: str | None = None
    department: str | None = None
    function: str | None = None
    designations: str | None = Field(default=None, description="A list: entries separated by ';' or ','.")
    qualifications: str | None = None
    responsibilities: str | None = None
    profile: str | None = None
    fte: str | None = None
    holder: str | None = None
    salary_min: str | None = None
    salary_max: str | None = None
    contract: str | None = Field(default=None, description="permanent, temporary, fixed-term, interim or agency.")
    contact_email: str | None = None
    contact_phone: str | None = None
    evaluation_scheme: str | None = None
    evaluation_date: str | None = None
    evaluation_grade: str | None = None
    evaluation_rationale: str | None = None


class SpreadsheetSettings(BaseModel):
    model_config = KEBAB_CASE_KEYS | ConfigDict(frozen=True, populate_by_name=True)
    organisation: str | None = Field(default=None, description="The organisation's name (default: the file's name).")
    council_type: CouncilType = "other"
    sheet: str | None = Field(default=None, description="The workbook sheet of posts (default: the first).")
    columns: SpreadsheetColumns
    department_kinds: dict[str, DepartmentKind] = Field(
        default={},
        description="The kind of a department, named as the department column writes it, that is not a service "
        'department: `"Corporate Resources" = "support"`.',
    )
    _department_kind_spans: dict[str, Span] = PrivateAttr(default_factory=dict)

    def place_department_kinds(self, spans: dict[str, Span]) -> None:
        """Where the configuration file writes each of ``department_kinds``' names (set as it is read)."""
        self._department_kind_spans = spans

    def department_kind_span(self, name: str) -> Span | None:
        """Where ``name`` of ``department_kinds`` is written, if these settings were read from a file."""
        return self._department_kind_spans.get(name)
