"""Stage 4: the rule interface every rule implements, built-in or from a plugin.

A rule is a class in a short module of its own:

* ``code`` (``D103``), ``name`` (kebab-case, ``one-over-one``) and default ``severity`` as
  keywords of its class line (``class OneOverOne(Rule, code="D103", name="one-over-one",
  severity=Severity.WARNING)``), then ``basis`` (the statute or seed paragraph it enforces) and
  ``fix`` (one line) as class attributes;
* a docstring that *is* its documentation (``orglint rule CODE`` prints it): a summary line,
  then What it does / Why / How to fix / Example sections, with a failing example whose
  offending lines are marked ``# <- CODE`` and a passing one. The test suite lints both;
* optionally settings a ruleset may give it: a ``RuleSettings`` model named as the class's type
  parameter (``class SpanTooWide(Rule[SpanTooWideSettings])``), which ``self.settings`` then is;
* ``check(context)``, which yields findings;
* optionally a safe fix: ``fixable = True``, and findings that say what their span should read
  instead (``self.finding(span, message, replacement="grade")``). ``fix_edits`` turns such a
  finding into edits of the file's text (by default: the span rewritten, in its own quoting); a
  rule whose fix is more than that overrides it. ``orglint check --fix`` applies the edits,
  ``--diff`` shows them, and ``RuleTester(...).fixed(...)`` tests them.

Rules register through the ``orglint.rules`` entry-point group, the built-in ones included.

The built-in rules live in a folder per family; a code's letter names its family, and the
letter is not always the folder's initial:

====  ===================  =======================================
Code  Folder               Family
====  ===================  =======================================
X     ``input/``           reading the input files
S     ``structure/``       structure integrity
D     ``design/``          spans of control and layers
C     ``commissioning/``   commissioning and providing
G     ``grades/``          grades and pay
R     ``profiles/``        job (role) profiles
L     ``statutory/``       statutory officers (the law)
E     ``evaluation/``      job evaluation
B     ``partners/``        business partners
T     ``organogram/``      organogram publication (the tables)
P     ``publication/``     the Transparency Code's publication
====  ===================  =======================================

A family's folder holds its rules, one a module; a module whose name starts with an underscore
(``statutory/_required.py``, ``organogram/_table_rule.py``) is machinery the family's rules share,
not a rule.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar, cast

from pydantic import BaseModel, ConfigDict

from orglint.diagnostics import Diagnostic, Severity, Span
from orglint.graph import OrgGraph
from orglint.kebab_case import KEBAB_CASE_KEYS
from orglint.load.origin import locate
from orglint.model.schema import Located, Post, Profile
from orglint.model.structure import Structure
from orglint.policy import Policy
from orglint.text_edits import SourceText, TextEdit, rewritten_scalar

_NOT_A_PLAIN_TOKEN = frozenset("&*!|>")
"""How a value starts that is more than the scalar it reads as: an anchor (other values may be its
alias), an alias, a tag, a block scalar."""


class RuleSettings(BaseModel):
    """Settings a ruleset gives a rule; keys are kebab-case in YAML."""

    model_config = KEBAB_CASE_KEYS | ConfigDict(frozen=True)


SettingsT = TypeVar("SettingsT", bound=RuleSettings)


class CheckContext:
    """What a rule sees: the structure, its graph, the ruleset's policy, and helpers to point at
    the exact key or value."""

    def __init__(self, structure: Structure, graph: OrgGraph, policy: Policy | None = None) -> None:
        self.structure = structure
        self.graph = graph
        self.policy = policy if policy is not None else Policy()
        self._roles: dict[int, str | None] = {}
        """Each post's ``role_of``, by the post's identity (two posts may share an id): several
        rules ask it of every post."""
        self.misspelt_designations: dict[int, dict[int, str]] = {}
        """By a post's identity: the entries of its ``designations`` that name no designation but
        are read as the one they are a typo of (``Policy.designation_misspelt``), by index, as
        written. X002 reports each, with its did-you-mean."""
        self._resolve_designations()
        self.grades_as_written: dict[tuple[int, str], str] = {}
        """By a post's identity and the field (``grade``, or ``evaluation`` for its evaluated grade):
        the grade as written, where that is no grade's id but names one another way
        (``Policy.grade_named``: `Grade 15`, `A.D.`, `Director`) and is read as it. G104 reports
        each, with the grade meant."""
        self._resolve_grades()

    def _resolve_designations(self) -> None:
        """Posts may write a designation by any name the policy knows it by (``s151``, ``Monitoring
        Officer``): each such entry becomes the designation's id here, once, before any rule or
        report reads it. An entry that is a typo of one designation's names (``Head of Paid
        Services``) is read as that designation, as a misspelt key is read as the key meant: its
        X002 is the one finding, not also "no post is designated Head of Paid Service" (L101).
        An entry that names no designation, nor is a typo of one, stays as written, for X002."""
        known = self.policy.designations
        if not known:
            return
        for post in self.structure.posts:
            if all(entry in known for entry in post.designations):
                continue
            resolved = []
            for index, entry in enumerate(post.designations):
                designation = self.policy.designation_for(entry)
                if designation is None:
                    designation = self.policy.designation_misspelt(entry)
                    if designation is not None:
                        self.misspelt_designations.setdefault(id(post), {})[index] = entry
                resolved.append(designation or entry)
            object.__setattr__(post, "designations", tuple(resolved))  # a frozen post: its vocabulary is only known now

    def _resolve_grades(self) -> None:
        """A grade written another way than its id is read as the grade it names, once, before any
        rule or report reads it: its G104 is the one finding, not also a Head of Service taken for
        no level (G105) or an Assistant Director lead missing (C102)."""
        grades = self.policy.grades
        if not grades:
            return
        for post in self.structure.posts:
            # frozen records: the policy's grades are only known now
            for field, record in (("grade", post), ("evaluation", post.evaluation)):
                written: str | None = getattr(record, "grade", None)
                if written is None or written in grades:
                    continue
                meant = self.policy.grade_named(written)
                if meant is not None:
                    self.grades_as_written[id(post), field] = written
                    object.__setattr__(record, "grade", meant)

    def unknown_designations(self, post: Post) -> Iterator[tuple[int, str, bool]]:
        """Each entry of the post's ``designations`` that names no designation by any of its names:
        (its index, the entry as written, whether it is read as the designation it is a typo of)."""
        misspelt = self.misspelt_designations.get(id(post), {})
        for index, entry in enumerate(post.designations):
            if index in misspelt:
                yield index, misspelt[index], True
            elif entry not in self.policy.designations:
                yield index, entry, False

    def lacks(self, designation: str) -> bool:
        """Whether no post holds the designation and no entry names it within a job title: where
        one does, that entry's X002 says so, and the designation missing is not a finding of its own."""
        return not self.holders(designation) and not self.named_in_unknown_entry(designation)

    def named_in_unknown_entry(self, designation: str) -> bool:
        """Whether an entry that names no designation lists this one among other words (a job
        title in its place: ``Policy.designations_within``). Its X002 says so; that no post holds
        the designation follows from it, and is not a finding of its own."""
        return designation in self._named_in_unknown_entries

    @cached_property
    def _named_in_unknown_entries(self) -> frozenset[str]:
        return frozenset(
            designation
            for post in self.structure.posts
            for _, written, misspelt in self.unknown_designations(post)
            if not misspelt
            for designation in self.policy.designations_within(written)
        )

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        profiles: dict[str, Profile] = {}
        for profile in self.structure.profiles:
            profiles.setdefault(profile.id, profile)
        return profiles

    @cached_property
    def council_type(self) -> str:
        organisation = self.structure.organisation
        return organisation.type if organisation is not None else "other"

    def role_of(self, post: Post) -> str | None:
        """The post's level (a policy role): its job profile's ``level`` if it has one, else
        what its grade and tier make it (``expected_role``)."""
        if id(post) in self._roles:
            return self._roles[id(post)]
        profile = self.profiles.get(post.profile) if post.profile is not None else None
        role = profile.level if profile is not None and profile.level is not None else self.expected_role(post)
        self._roles[id(post)] = role
        return role

    def expected_role(self, post: Post) -> str | None:
        """The level a post's grade makes it (the one role whose grades include it), else the
        role the policy gives its tier; ``None`` if the policy says neither."""
        if post.grade is not None:
            roles = self._roles_by_grade.get(post.grade, ())
            if len(roles) == 1:
                return roles[0]
        tier = self.policy.tiers.get(post.tier) if post.tier is not None else None
        return tier.role if tier is not None else None

    @cached_property
    def _roles_by_grade(self) -> dict[str, tuple[str, ...]]:
        roles: dict[str, list[str]] = {}
        for role_id, role in self.policy.roles.items():
            for grade in role.grades:
                roles.setdefault(grade, []).append(role_id)
        return {grade: tuple(ids) for grade, ids in roles.items()}

    def role_name(self, role: str | None) -> str:
        """The level's name in the policy (its id if it has none there); "no level" for none."""
        if role is None:
            return "no level"
        entry = self.policy.roles.get(role)
        return entry.name if entry is not None else role

    def holders(self, designation: str) -> list[Post]:
        """The posts that hold a designation, in file order."""
        return self._holders.get(designation, [])

    @cached_property
    def _holders(self) -> dict[str, list[Post]]:
        holders: dict[str, list[Post]] = {}
        for post in self.graph.posts.values():
            for designation in dict.fromkeys(post.designations):  # `s151` and `CFO` on one post: one holder
                holders.setdefault(designation, []).append(post)
        # a post written under an id another has (S001) still holds what it is designated, but the
        # posts of one id hold each designation once (the same post written twice is one holder)
        duplicates = self.graph.duplicates
        held = {(first.id, designation) for _, first in duplicates for designation in first.designations}
        for again, _ in duplicates:
            for designation in dict.fromkeys(again.designations):
                if (again.id, designation) not in held:
                    held.add((again.id, designation))
                    holders.setdefault(designation, []).append(again)
        return holders

    def designation_span(self, post: Post, designation: str) -> Span:
        """The designation's entry in the post's ``designations`` list."""
        return self.value_span(post, "designations", post.designations.index(designation))

    def value_span(self, item: Located, *path: str | int) -> Span:
        """The value at ``path`` in ``item`` (the nearest enclosing key if it is absent)."""
        return locate(item.origin, path) or self.structure.organisation_span()

    def key_span(self, item: Located, *path: str | int) -> Span:
        """The key at ``path`` in ``item``: for findings about a key rather than its value."""
        return locate(item.origin, path, key=True) or self.structure.organisation_span()

    def post_span(self, post: Post) -> Span:
        """The post's ``id`` value: where findings about a post as a whole point."""
        return self.value_span(post, "id")

    def given_span(self, post: Post, key: str) -> Span:
        """The post's ``key`` value where the post gives one, else the post's ``id`` value."""
        return self.value_span(post, key) if key in post.origin else self.post_span(post)


class Rule(Generic[SettingsT]):
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    basis: ClassVar[str]
    fix: ClassVar[str]
    Settings: ClassVar[type[RuleSettings]] = RuleSettings
    """The settings' model: the class's type parameter (``Rule[SpanTooWideSettings]``), unless the
    class sets it itself (as plugins written before rules took a type parameter do)."""
    judges_other_rules: ClassVar[bool] = False
    """Its findings are about other rules' findings, so it is only meaningful beside them."""
    follows_from: ClassVar[frozenset[str]] = frozenset()
    """Codes of rules whose finding on a post already accounts for this rule's finding on the same
    post (or, for a finding about no post, at the same place): where one is raised, the engine
    drops this one (one mistake, one finding). A finding may name its own (``finding``)."""
    designation_conflict: ClassVar[bool] = False
    """Its findings on a post say a designation that post holds is in conflict (the audit report's
    statutory officers table shows them so)."""
    fixable: ClassVar[bool] = False
    """Some of its findings carry a safe fix (``replacement``), which ``fix_edits`` makes into edits:
    mechanical, certain, and changing nothing but what the finding points at."""

    def __init_subclass__(
        cls, *, code: str | None = None, name: str | None = None, severity: Severity | None = None, **kwargs: Any
    ) -> None:
        """A rule names itself in its class line, ``class OneOverOne(Rule, code="D103",
        name="one-over-one", severity=Severity.WARNING)``, so what it is reads before its
        documentation; a family's base class names none of them."""
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code
        if name is not None:
            cls.name = name
        if severity is not None:
            cls.severity = severity
        if "Settings" in cls.__dict__:
            return
        for base in cls.__dict__.get("__orig_bases__", ()):
            origin, arguments = typing.get_origin(base), typing.get_args(base)
            names_settings = arguments and isinstance(arguments[0], type) and issubclass(arguments[0], RuleSettings)
            if isinstance(origin, type) and issubclass(origin, Rule) and names_settings:
                cls.Settings = arguments[0]

    def __init__(self, settings: SettingsT | None = None) -> None:
        # ``Settings`` is the class that ``SettingsT`` names (``__init_subclass__``)
        self.settings: SettingsT = settings if settings is not None else cast(SettingsT, self.Settings())

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line: a sentence may wrap in the source."""
        return " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n", 1)[0].split())

    def check(self, context: CheckContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def required_designations(self, context: CheckContext) -> frozenset[str]:
        """Designations this rule asks the structure to make beyond those its council type requires
        (a statutory deputy): the audit report's statutory officers table lists them as required."""
        return frozenset()

    def fix_edits(self, finding: Diagnostic, source: SourceText) -> list[TextEdit]:
        """The edits of ``source`` (the text of the finding's file, as it is now) that mend
        ``finding``; none if it has no safe fix. By default: the span's text (a key or a scalar
        value) rewritten as the finding's ``replacement``, in the quoting it was written in."""
        if not self.fixable or finding.replacement is None:
            return []
        start, end = source.span_range(finding.span)
        written = source.text[start:end]
        if not written or "\n" in written or written[0] in _NOT_A_PLAIN_TOKEN:
            return []  # not one scalar as written (a block, an anchor or alias, a tag): not certain
        return [TextEdit(start, end, rewritten_scalar(written, finding.replacement))]

    def finding(
        self,
        span: Span,
        message: str,
        post: str | None = None,
        fix: str = "",
        department: str | None = None,
        at_most: Severity | None = None,
        basis: str = "",
        replacement: str | None = None,
        designations: tuple[str, ...] = (),
        follows_from: frozenset[str] | None = None,
    ) -> Diagnostic:
        """A finding of this rule. ``at_most`` caps its severity (see ``Diagnostic.at_most``);
        ``basis`` is what this finding cites where the rule's findings cite different grounds (a
        ruleset's own basis still comes first); ``replacement``, for a ``fixable`` rule, is what
        the span should read instead: its safe fix; ``designations``, those of the post it is about;
        ``follows_from``, the codes this finding follows from where they are not the rule's."""
        return Diagnostic(
            self.code,
            message,
            span,
            post=post,
            department=department,
            fix=fix,
            at_most=at_most,
            basis=basis,
            replacement=replacement,
            designations=designations,
            follows_from=follows_from,
        )


class InputRule(Rule):
    """A rule about reading input. Most of its findings are made while files are read and
    validated, before there is a structure to check; ``check`` adds only those that need the
    ruleset (its vocabulary). Input findings are always reported, whatever is selected, because
    nothing after them can be trusted."""

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        return iter(())
