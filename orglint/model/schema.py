"""The structure file format (SPEC section 3), as pydantic models.

Values arrive as the text that was written (see ``orglint.load.yaml_source``); pydantic turns
the text of numeric and date fields into numbers and dates, and leaves ids and references as
text, so ``id: 007`` is the id "007" and ``reports_to: no`` names the post "no".
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

FORMAT_VERSION = 1

CouncilType = Literal["district", "county", "unitary", "metropolitan-district", "london-borough", "other"]
Function = Literal["strategic-commissioning", "operational-commissioning", "provider", "support"]

Text = Annotated[str, Field(min_length=1)]


def _none_is_empty(value: Any) -> Any:
    return () if value is None else value


TextList = Annotated[tuple[Text, ...], BeforeValidator(_none_is_empty)]
"""A list of text; left empty (``designations:`` with nothing after it) it is an empty list."""
PostId = Annotated[str, Field(min_length=1, description="A post id: text exactly as written.")]


def _supported_version(version: int) -> int:
    if version != FORMAT_VERSION:
        raise ValueError(f"format version {version} is not supported; this orglint reads format {FORMAT_VERSION}")
    return version


class Strict(BaseModel):
    """Unknown keys are faults (X002), and validated values do not change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Located(Strict):
    """A model read from a file; ``origin`` says where each of its keys and values stands.

    Set once, just after validation. (No default: a private attribute with a default costs a
    deep copy per instance, which at 100k posts is seconds.)
    """

    _origin: Any = PrivateAttr()

    @property
    def origin(self) -> Any:
        # straight from pydantic's private store: attribute access goes through its slower
        # __getattr__, and rules ask for origins once per finding
        return self.__pydantic_private__["_origin"]  # type: ignore[index]


class Organisation(Located):
    name: Text
    type: CouncilType = "other"
    ruleset: Text | list[Text] | None = Field(
        default=None, description="Built-in ruleset name or a path relative to this file; a list is allowed."
    )


class BusinessPartners(Strict):
    hr: PostId | None = None
    finance: PostId | None = None
    ict: PostId | None = None
    transformation: PostId | None = None
    property: PostId | None = None


class Department(Located):
    id: PostId
    name: Text | None = None
    business_partners: BusinessPartners | None = None


class Profile(Located):
    id: PostId
    title: Text | None = None
    level: Text | None = None
    responsibilities: TextList = ()
    updated: datetime.date | None = Field(default=None, description="When the profile last changed.")


class Salary(Strict):
    min: float = Field(ge=0)
    max: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Salary:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is above max ({self.max:g})")
        return self


class HayPoints(Strict):
    know_how: int | None = Field(default=None, ge=0)
    problem_solving: int | None = Field(default=None, ge=0)
    accountability: int | None = Field(default=None, ge=0)
    total: int | None = Field(default=None, ge=0)


class Evaluation(Strict):
    """A job-evaluation record. Gaps in it are findings (E102), not format faults."""

    scheme: Text | None = None
    date: datetime.date | None = None
    grade: Text | None = None
    rationale: Text | None = None
    points: HayPoints | None = None


class Post(Located):
    id: PostId
    title: Text
    reports_to: PostId | None = None
    tier: int | None = Field(default=None, ge=1)
    department: PostId | None = None
    function: Function | None = None
    grade: Text | None = None
    salary: Salary | None = None
    designations: TextList = ()
    qualifications: TextList = ()
    profile: PostId | None = None
    responsibilities: TextList = ()
    fte: float = Field(default=1.0, gt=0)
    holder: Text | None = None
    evaluation: Evaluation | None = None
    group: bool = Field(
        default=False,
        description="The entry stands for a group of posts counted by FTE (an organogram's junior staff row), not one "
        "post: spans of control count single posts only.",
    )


class StructureFile(Strict):
    """One file of a structure: a root (with ``organisation``) or a file a root includes."""

    orglint: Annotated[int, AfterValidator(_supported_version)] = Field(
        description="Format version; marks the file as an orglint structure."
    )
    organisation: Organisation | None = None
    include: list[Text] = Field(default=[], description="Globs of further structure files, relative to this file.")
    departments: list[Department] = Field(default_factory=list)
    profiles: list[Profile] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
