"""The structure file format (docs/structure-format.md), as pydantic dataclasses.

Values arrive as the text that was written (see ``orglint.load.yaml_source``); pydantic turns
the text of numeric and date fields into numbers and dates, and leaves ids and references as
text, so ``id: 007`` is the id "007" and ``reports_to: no`` names the post "no".

These are frozen, slotted pydantic dataclasses rather than ``BaseModel``s (which the settings,
rulesets and policy use): a structure holds one ``Post`` (with its ``Salary`` and ``Evaluation``)
per post, and a model instance carries a ``__dict__``, a fields-set and a private store, six
times the memory and four times the validation time of a slotted instance (measured at 100k
posts: 240 MB and 2.5 s against 40 MB and 0.6 s). ``validator(cls)`` and ``fields_of(cls)``
stand in for ``BaseModel``'s class methods.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, Protocol, Self, TypeVar

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, TypeAdapter, model_validator
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonDict

from orglint.model.amounts import plain, range_written, refuse_formatted, refuse_split_at_commas

FORMAT_VERSION = 1

CouncilType = Literal[
    "district",
    "county",
    "unitary",
    "metropolitan-district",
    "london-borough",
    "welsh-county",
    "welsh-county-borough",
    "scottish-council",
    "other",
]
"""England's types of council, Wales's principal councils (county and county borough) and Scotland's
councils: the statute each nation applies decides which designations the ruleset requires."""
Contract = Literal["permanent", "temporary", "fixed-term", "interim", "agency"]
"""Whether a post's holder is permanent or temporary staff (the Local Government Transparency Code
2015 asks it of each post in the top three levels), and on what terms if temporary."""
Function = Literal["strategic-commissioning", "operational-commissioning", "provider", "support"]
DepartmentKind = Literal["service", "support"]
"""A service department delivers services to the public; a support department (finance, law, HR,
ICT, property) serves the other departments. Rules say in their settings which kinds they check."""
DEFAULT_DEPARTMENT_KIND: DepartmentKind = "service"

Text = Annotated[str, Field(min_length=1)]


def _none_is_empty(value: Any) -> Any:
    return () if value is None else value


TextList = Annotated[tuple[Text, ...], BeforeValidator(_none_is_empty)]
"""A list of text; left empty (``designations:`` with nothing after it) it is an empty list."""
PostId = Annotated[str, Field(min_length=1, description="A post id: text exactly as written.")]


def _shared_by_two_or_more(holder: Any) -> Any:
    if isinstance(holder, tuple) and len(holder) < 2:
        raise ValueError("a list of holders is a job share, of two or more (one holder is written as text)")
    return holder


JobShare = Annotated[tuple[Text | None, ...], AfterValidator(_shared_by_two_or_more), Field(json_schema_extra={"minItems": 2})]
"""Checked by ``_shared_by_two_or_more``, for a message in the author's words; the schema says it for editors."""
Holder = Text | JobShare | None
"""Who holds a post: a name (or ``vacant``), or the holders of a job share (null for one whose
name is not recorded)."""


def _supported_version(version: int) -> int:
    if version != FORMAT_VERSION:
        raise ValueError(f"format version {version} is not supported; this orglint reads format {FORMAT_VERSION}")
    return version


STRICT = ConfigDict(extra="forbid")
"""Unknown keys are faults (X002); with ``frozen=True`` on each class, validated values do not change."""


_VALIDATORS: dict[Any, TypeAdapter[Any]] = {}


def validator(cls: Any) -> TypeAdapter[Any]:
    """The validator (built once) of a format class, or of a type made of them such as ``list[Post]``."""
    found = _VALIDATORS.get(cls)
    if found is None:
        found = _VALIDATORS[cls] = TypeAdapter(cls)
    return found


def fields_of(cls: type) -> dict[str, FieldInfo]:
    """A format class's fields by name, in order (``BaseModel.model_fields``; a model's too)."""
    fields: dict[str, FieldInfo] = getattr(cls, "__pydantic_fields__", {})
    return fields


class Located:
    """A record read from a file; ``origin`` says where each of its keys and values stands.

    Set once, just after validation, with ``record_origin``.
    """

    __slots__ = ("_origin",)
    _origin: Any

    @property
    def origin(self) -> Any:
        return self._origin

    def record_origin(self, origin: Any) -> Self:
        object.__setattr__(self, "_origin", origin)  # frozen: the one write, outside validation
        return self


@dataclass(config=STRICT, frozen=True, slots=True)
class Organisation(Located):
    name: Text
    type: CouncilType = "other"
    ruleset: Text | list[Text] | None = Field(
        default=None, description="Built-in ruleset name or a path relative to this file; a list is allowed."
    )


@dataclass(config=STRICT, frozen=True, slots=True)
class BusinessPartners:
    hr: PostId | None = None
    finance: PostId | None = None
    ict: PostId | None = None
    transformation: PostId | None = None
    property: PostId | None = None

    def named(self) -> dict[str, str]:
        """Each area given a partner, with the partner's post id."""
        return {area: post for area in fields_of(BusinessPartners) if (post := getattr(self, area)) is not None}


@dataclass(config=STRICT, frozen=True, slots=True)
class Department(Located):
    id: PostId
    name: Text | None = None
    kind: DepartmentKind = Field(
        default=DEFAULT_DEPARTMENT_KIND,
        description="`service` (delivers services to the public) or `support` (serves the other departments: finance, "
        "law, HR, ICT, property). Rules such as the commissioner/provider split apply to service departments.",
    )
    business_partners: BusinessPartners | None = None


@dataclass(config=STRICT, frozen=True, slots=True)
class Profile(Located):
    id: PostId
    title: Text | None = None
    level: Text | None = None
    responsibilities: TextList = ()
    updated: datetime.date | None = Field(default=None, description="When the profile last changed.")


class _Bounded(Protocol):
    @property
    def min(self) -> float: ...

    @property
    def max(self) -> float: ...


BoundedT = TypeVar("BoundedT", bound=_Bounded)


def ordered(bounds: BoundedT) -> BoundedT:
    """``bounds`` if its ``min`` is at most its ``max``, for a model's validator; a validation
    error otherwise (a salary here, a pay band in a ruleset's policy)."""
    if bounds.min > bounds.max:
        raise ValueError(f"min ({bounds.min:g}) is above max ({bounds.max:g})")
    return bounds


Amount = Annotated[float, Field(ge=0), BeforeValidator(refuse_formatted)]
"""A sum of money a year, in pounds: a plain number (``45000``; ``£45,000`` is refused, saying so)."""


@dataclass(config=STRICT, frozen=True, slots=True)
class Salary:
    min: Amount
    max: Amount

    @model_validator(mode="before")
    @classmethod
    def _as_a_range(cls, data: Any) -> Any:
        refuse_split_at_commas(data, ("min", "max"), "amounts without £ or commas")
        bounds = range_written(data)
        if bounds is not None:  # "85000-95000", "£45,000 to £52,000", a spot salary
            low, high = bounds
            raise ValueError(
                f"write {{min: {plain(low)}, max: {plain(high)}}}: a salary is a mapping of its range's bottom and top"
            )
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Salary:
        return ordered(self)


@dataclass(config=STRICT, frozen=True, slots=True)
class Contact:
    """How the public reaches a post: the Transparency Code's "contact details"."""

    email: Text | None = None
    phone: Text | None = None

    def given(self) -> bool:
        return self.email is not None or self.phone is not None


@dataclass(config=STRICT, frozen=True, slots=True)
class HayPoints:
    know_how: int | None = Field(default=None, ge=0)
    problem_solving: int | None = Field(default=None, ge=0)
    accountability: int | None = Field(default=None, ge=0)
    total: int | None = Field(default=None, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _not_split_at_commas(cls, data: Any) -> Any:
        """``{..., total: 1,262}`` reads as ``total: 1`` and a key ``262``: one fault, saying what to write."""
        refuse_split_at_commas(data, ("know_how", "problem_solving", "accountability", "total"), "whole numbers without commas")
        return data


@dataclass(config=STRICT, frozen=True, slots=True)
class Evaluation:
    """A job-evaluation record. Gaps in it are findings (E102), not format faults."""

    scheme: Text | None = None
    date: datetime.date | None = None
    grade: Text | None = None
    rationale: Text | None = None
    points: HayPoints | None = None


@dataclass(config=STRICT, frozen=True, slots=True)
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
    holder: Holder = Field(
        default=None,
        description="Who holds the post: a name or `vacant`; for a job share, a list of the holders (null for one "
        "whose name is not recorded).",
    )
    evaluation: Evaluation | None = None
    contract: Contract | None = Field(
        default=None,
        description="`permanent`, or the terms of temporary staff: `temporary`, `fixed-term`, `interim` or `agency`.",
    )
    contact: Contact | None = Field(default=None, description="How the public reaches the post: `email` and `phone`.")
    group: bool = Field(
        default=False,
        description="The entry stands for a group of posts counted by FTE (an organogram's junior staff row), not one "
        "post: spans of control count single posts only.",
    )

    @property
    def holders(self) -> tuple[str | None, ...]:
        """Each person holding the post (None: not recorded): one, or each sharer of a job share."""
        return self.holder if isinstance(self.holder, tuple) else (self.holder,)

    @property
    def vacant(self) -> bool:
        """Nobody holds the post: its holder, or every sharer of a job share, is written ``vacant``."""
        return all(holder is not None and holder.strip().casefold() == "vacant" for holder in self.holders)


EXTENSION_PREFIX = "x-"
"""A structure file's top-level keys that start so are extension fields (the docker-compose and
OpenAPI convention): orglint reads none of them, so they can hold YAML anchors for posts to merge."""


def is_extension_field(key: object) -> bool:
    return isinstance(key, str) and key.startswith(EXTENSION_PREFIX)


_EXTENSION_FIELDS: JsonDict = {
    f"^{EXTENSION_PREFIX}": {"description": "An extension field: orglint reads none, so it can hold anchors for posts to merge."}
}


@dataclass(config=ConfigDict(extra="forbid", json_schema_extra={"patternProperties": _EXTENSION_FIELDS}), frozen=True, slots=True)
class StructureFile:
    """One file of a structure: a root (with `organisation`) or a file a root includes. Top-level
    keys that start `x-` are extension fields, which orglint does not read: a place for anchors."""

    # validate_file leaves the extension fields out before validating the rest

    orglint: Annotated[int, AfterValidator(_supported_version)] = Field(
        description="Format version; marks the file as an orglint structure."
    )
    organisation: Organisation | None = None
    include: list[Text] = Field(default=[], description="Globs of further structure files, relative to this file.")
    departments: list[Department] = Field(default_factory=list)
    profiles: list[Profile] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
