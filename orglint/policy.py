"""Policy: the data several rules share, kept in rulesets (``policy:``), never in Python.

* ``designations``: the statutory and other designations a post may carry (docs/structure-format.md), which
  of them only one post may hold, and the statute behind each;
* ``designation-aliases``: the other names people write for a designation (``s151``, ``MO``),
  each to the designation it means (see ``Policy.designation_for``);
* ``council-types``: which designations each type of council must make, what requires each where
  the nation's statute differs from the designation's own (a Scottish council's chief finance officer
  is the s95 officer, not the s151 one), which designations it may make that no statute of its nation
  provides for, and which pairs of designations its statute lets one post hold (docs/rulesets.md);
* ``grades``: each grade's rank (higher is more senior), pay band and Hay points range;
* ``roles``: the levels of post (Strategic Director, Team Manager...), the grades each may hold and
  the corporately agreed responsibilities its job profile template must carry;
* ``tiers``: the role of each tier.

Rulesets that extend others merge their policy entry by entry: an entry (one grade, one role)
given again replaces the earlier one whole.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orglint.kebab_case import KEBAB_CASE_KEYS
from orglint.model.schema import ordered


def grounds_among(listed: str, what: str) -> Any:
    """A model's validator, for its class body: every designation its ``grounds`` gives a basis
    for is one of those in its field ``listed`` (``what`` names them in the error otherwise)."""

    def grounds_are_listed(model: Any) -> Any:
        unlisted = sorted(set(model.grounds) - set(getattr(model, listed)))
        if unlisted:
            raise ValueError(f"grounds given for {', '.join(unlisted)}, not among {what}")
        return model

    return model_validator(mode="after")(grounds_are_listed)


class _Policy(BaseModel):
    model_config = KEBAB_CASE_KEYS | ConfigDict(frozen=True)


class Range(_Policy):
    min: float = Field(ge=0)
    max: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        return ordered(self)

    def __contains__(self, value: float) -> bool:
        return self.min <= value <= self.max

    def __str__(self) -> str:
        return f"{self.min:,.0f}–{self.max:,.0f}"


class GradePolicy(_Policy):
    rank: int = Field(description="Seniority: a higher rank is more senior.")
    pay: Range | None = Field(default=None, description="The pay band, in pounds a year.")
    hay_points: Range | None = Field(default=None, description="The Hay total points range the grade covers.")
    name: str | None = None


class RolePolicy(_Policy):
    name: str
    grades: list[str] = Field(default=[], description="Grades a post of this role may hold (empty: any).")
    responsibilities: dict[str, str] = Field(
        default={}, description="The corporately agreed responsibilities its job profile must carry: id and wording."
    )


class TierPolicy(_Policy):
    role: str


class DesignationPolicy(_Policy):
    name: str
    sole: bool = Field(default=False, description="Only one post may hold it.")
    statute: str | None = None


class BarredPair(_Policy):
    designations: tuple[str, str]
    grounds: str = Field(min_length=1, description="The section barring one post from holding both, for this type of council.")


class CouncilTypePolicy(_Policy):
    requires: list[str] = Field(default=[], description="Designations a council of this type must make.")
    grounds: dict[str, str] = Field(
        default={},
        description="What requires a designation of this type of council, where it is not the designation's own "
        "`statute` (designation → the section, cited on that designation's findings).",
    )
    lawful_together: list[tuple[str, str]] = Field(
        default=[],
        description="Pairs of designations this type of council's statute lets one post hold, which a rule "
        "for another nation's bar would otherwise report.",
    )
    barred_together: list[BarredPair] = Field(
        default=[],
        description="Pairs of designations one post may not hold in this type of council under a section other than "
        "the rule's own basis: the findings cite it.",
    )

    no_statute: dict[str, str] = Field(
        default={},
        description="Designations a council of this type may make though its nation's statute does not provide for "
        "them, where the designation's own `statute` does not reach it (designation → why, shown in its place).",
    )

    _grounds_are_required = grounds_among("requires", "the designations it requires")

    @model_validator(mode="after")
    def _required_are_provided_for(self) -> CouncilTypePolicy:
        required_yet_unprovided = sorted(set(self.no_statute) & set(self.requires))
        if required_yet_unprovided:
            raise ValueError(f"no-statute names {', '.join(required_yet_unprovided)}, which it requires")
        return self


_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"[0-9]+")
_DIGITS_APART = re.compile(r"\d[\W_]+\d")
_ENTRY_ITEM_SEPARATOR = re.compile(r"\band\b|[&/,;:|()+]|\s[-\u2013\u2014]\s", re.IGNORECASE)
"""What separates the roles a job title lists: `Director of Resources and S151 Officer`."""
_ANOTHER_ROLE_S = (["deputy"], ["assistant"], ["former"])
"""An item of a title alone that makes the role beside it another's: `Monitoring Officer (Deputy)`."""
_FOR_NOW = re.compile(r"^\s*(?:acting|interim)\s+", re.IGNORECASE)
"""What an item may start with and still name the officer: an acting or interim holder is the officer."""


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _typo_of(written: list[str], name: list[str]) -> bool:
    """Word for word the same, but for a slip inside a word of five letters or more: `head of paid
    servce` is a typo of `head of paid service`; `deputy returning officer`, `chief legal officer`,
    `HoS` and `s152 officer` are typos of nothing (a word more, another word, an abbreviation, another
    number)."""
    return len(written) == len(name) and all(
        mine == theirs or _slip_of(mine, theirs) for mine, theirs in zip(written, name, strict=True)
    )


@functools.lru_cache(maxsize=65_536)
def _slip_of(mine: str, theirs: str) -> bool:
    """One word a slip for another: the same words recur across entries and names, so each pair is
    compared once."""
    return (
        min(len(mine), len(theirs)) >= 5
        and _NUMBER.findall(mine) == _NUMBER.findall(theirs)
        and difflib.SequenceMatcher(None, mine, theirs).ratio() >= 0.8
    )


def spoken_form(text: str) -> str:
    """How a designation's name is compared: letters and digits only, case aside, so that
    `S151 Officer`, `s151-officer` and `s.151 officer` are one name."""
    return "".join(character for character in text.casefold() if character.isalnum())


class Policy(_Policy):
    designations: dict[str, DesignationPolicy] = {}
    designation_aliases: dict[str, str] = Field(
        default={}, description="Other names people write for a designation (`s151`, `MO`): name → designation id."
    )
    council_types: dict[str, CouncilTypePolicy] = {}
    grades: dict[str, GradePolicy] = {}
    roles: dict[str, RolePolicy] = {}
    tiers: dict[int, TierPolicy] = {}

    def references(self) -> list[tuple[tuple[Any, ...], str, set[str], str]]:
        """Cross-references to check: (path of the value, the value, what it must be one of, what that is)."""
        checks: list[tuple[tuple[Any, ...], str, set[str], str]] = []
        for tier, entry in self.tiers.items():
            checks.append((("tiers", tier, "role"), entry.role, set(self.roles), "role"))
        for role_id, role in self.roles.items():
            for index, grade in enumerate(role.grades):
                checks.append((("roles", role_id, "grades", index), grade, set(self.grades), "grade"))
        for council_type, duties in self.council_types.items():
            for index, designation in enumerate(duties.requires):
                checks.append(
                    (("council-types", council_type, "requires", index), designation, set(self.designations), "designation")
                )
            for designation in duties.no_statute:
                path_to = ("council-types", council_type, "no-statute", designation)
                checks.append((path_to, designation, set(self.designations), "designation"))
            pairs = [("lawful-together", index, pair) for index, pair in enumerate(duties.lawful_together)]
            pairs += [("barred-together", index, barred.designations) for index, barred in enumerate(duties.barred_together)]
            for key, pair_index, pair in pairs:
                path: tuple[Any, ...] = ("council-types", council_type, key, pair_index)
                if key == "barred-together":
                    path += ("designations",)
                for index, designation in enumerate(pair):
                    checks.append(((*path, index), designation, set(self.designations), "designation"))
        for alias, designation in self.designation_aliases.items():
            checks.append((("designation-aliases", alias), designation, set(self.designations), "designation"))
        return checks

    def sole_designations(self) -> set[str]:
        return {key for key, designation in self.designations.items() if designation.sole}

    def required_designations(self, council_type: str) -> list[str]:
        entry = self.council_types.get(council_type)
        return list(entry.requires) if entry else []

    def required_by(self, council_type: str, designation: str) -> str | None:
        """What requires ``designation`` of a council of this type: the type's own grounds for it (a
        nation's statute), or why no statute of its nation does (``no-statute``: a Scottish deputy
        chief finance officer), else the designation's statute; None if the policy names none."""
        entry = self.council_types.get(council_type)
        if entry is not None and designation in entry.grounds:
            return entry.grounds[designation]
        if entry is not None and designation in entry.no_statute:
            return entry.no_statute[designation]
        designation_entry = self.designations.get(designation)
        return designation_entry.statute if designation_entry is not None else None

    def lawful_together(self, council_type: str, first: str, second: str) -> bool:
        """Whether this type of council's statute lets one post hold both designations."""
        entry = self.council_types.get(council_type)
        return entry is not None and any({first, second} == set(pair) for pair in entry.lawful_together)

    def barred_by(self, council_type: str, first: str, second: str) -> str | None:
        """The section this type of council cites for barring one post from holding both, if its
        policy names one (else the rule's own basis applies)."""
        entry = self.council_types.get(council_type)
        barred = [b.grounds for b in entry.barred_together if {first, second} == set(b.designations)] if entry else []
        return barred[0] if barred else None

    def barred_with(self, council_type: str, designation: str) -> list[str]:
        """The designations this type of council's ``barred-together`` pairs with ``designation``, in
        the policy's order."""
        entry = self.council_types.get(council_type)
        pairs = [barred.designations for barred in entry.barred_together if designation in barred.designations] if entry else []
        return [other for pair in pairs for other in pair if other != designation]

    def designation_for(self, written: str) -> str | None:
        """The designation a post's entry means: its id, its name, or one of its aliases, written
        in any case and spacing; None if it names none."""
        if written in self.designations:
            return written
        return self.designation_names.get(spoken_form(written))

    def designation_misspelt(self, written: str) -> str | None:
        """The designation an entry that names none is a typo of, where it is a near miss of one
        designation's names (its id, its name, an alias) and of no other's: `Head of Paid Services`
        for `head-of-paid-service`. Roles share words ("officer", "director", "deputy"), so
        anything less close is a typo of nothing: a guess could put one statutory role's duty on
        another's post."""
        words = _words(written)
        same_length = self._designation_name_words.get(len(words), [])
        meant = {designation for name, designation in same_length if _typo_of(words, name)}
        return meant.pop() if len(meant) == 1 else None

    @cached_property
    def _designation_name_words(self) -> dict[int, list[tuple[list[str], str]]]:
        """Each name a designation is known by, as words, with the designation, by its number of
        words (a typo has as many): split once."""
        by_length: dict[int, list[tuple[list[str], str]]] = {}
        for _, name, designation in self.designation_words():
            words = _words(name)
            by_length.setdefault(len(words), []).append((words, designation))
        return by_length

    def grade_named(self, written: str) -> str | None:
        """The grade a post's grade that is no grade's id names another way: the grade's name
        (`Director` for `DIR`), its id in other case or punctuation (`A.D.` for `AD`), or its id
        after the word "grade" (`Grade 15` for `15`). None unless exactly one grade is named: not
        where one grade is named `Grade 15` and another's id is 15, nor where punctuation parts
        digits (run together, `1-5` would read as grade 15)."""
        if _DIGITS_APART.search(written):
            return None
        spoken = spoken_form(written)
        whole = self._grade_names.get(spoken)
        after_the_word = self._grade_names.get(spoken.removeprefix("grade")) if spoken.startswith("grade") else None
        if whole is not None and after_the_word is not None and whole != after_the_word:
            return None  # one grade's name, another's id after "grade": which is meant cannot be told
        return whole or after_the_word

    @cached_property
    def _grade_names(self) -> dict[str, str]:
        """The spoken forms of each grade's id and name → the grade; a form two grades share names neither."""
        named: dict[str, set[str]] = {}
        for grade, entry in self.grades.items():
            for name in (grade, entry.name):
                if name:
                    named.setdefault(spoken_form(name), set()).add(grade)
        return {form: grades.pop() for form, grades in named.items() if len(grades) == 1}

    def designations_within(self, written: str) -> tuple[str, ...]:
        """The designations an entry that names none lists among other words, each standing as an
        item of its own between separators (`and`, `&`, `/`, `:`, a comma, parentheses): a job title
        written as a designation, `Head of Legal and Monitoring Officer`. Read exactly or as a near
        miss, so `Deputy to the Monitoring Officer` and `Monitoring Officer's PA` name none, nor
        does a title with a deputy, an assistant or a former holder alone as an item (`Monitoring
        Officer (Deputy)`); an acting or interim holder's does (`Interim Monitoring Officer`)."""
        found = self._designations_within.get(written)
        if found is None:  # the same title recurs on many posts: read once
            items = _ENTRY_ITEM_SEPARATOR.split(written)
            if any(_words(item) in _ANOTHER_ROLE_S for item in items):  # `Monitoring Officer (Deputy)`
                items = []
            named = (self._designation_in_item(item) for item in items)
            found = self._designations_within[written] = tuple(dict.fromkeys(d for d in named if d is not None))
        return found

    @cached_property
    def _designations_within(self) -> dict[str, tuple[str, ...]]:
        return {}

    def _designation_in_item(self, item: str) -> str | None:
        """The designation one item of a title names, exactly or as a near miss, an acting or
        interim holder's included (`Interim Monitoring Officer`: the officer, for now)."""
        for text in dict.fromkeys((item, _FOR_NOW.sub("", item, count=1))):
            named = self.designation_for(text) or self.designation_misspelt(text)
            if named is not None:
                return named
        return None

    @cached_property
    def designation_names(self) -> dict[str, str]:
        """Every name a designation is known by (its id, its name, its aliases), in spoken form,
        to the designation; the first to claim a name keeps it (``name_clashes`` reports the rest)."""
        names: dict[str, str] = {}
        for _, text, designation in self.designation_words():
            names.setdefault(spoken_form(text), designation)
        return names

    def name_clashes(self) -> list[tuple[tuple[str, ...], str, str]]:
        """Names that would mean two designations: (where the later is given, the name, the
        designation that already has it)."""
        claimed: dict[str, str] = {}
        clashes = []
        for where, text, designation in self.designation_words():
            first = claimed.setdefault(spoken_form(text), designation)
            if first != designation:
                clashes.append((where, text, first))
        return clashes

    def designation_words(self) -> Iterator[tuple[tuple[str, ...], str, str]]:
        """(where a name is given, the name, the designation it means): ids, names, then aliases."""
        for key, entry in self.designations.items():
            yield ("designations", key), key, key
            yield ("designations", key, "name"), entry.name, key
        for alias, key in self.designation_aliases.items():
            yield ("designation-aliases", alias), alias, key

    def designation_name(self, designation: str) -> str:
        entry = self.designations.get(designation)
        return entry.name if entry else designation

    def rank(self, grade: str | None) -> int | None:
        entry = self.grades.get(grade) if grade is not None else None
        return entry.rank if entry else None
