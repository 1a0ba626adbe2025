"""Rulesets: which rules apply, at what severity, with what settings (docs/rulesets.md).

A ruleset is a YAML file (``orglint-ruleset: 1``) that may ``extends:`` others. Built-in rulesets
are named (``core``); any other reference is a path relative to the file that names it.
Resolution is depth-first, bases before the ruleset that extends them, later entries overriding
earlier ones key by key. Every fault is a RulesetError naming the file, line and column: a bad
ruleset is a configuration error (exit 2), never a finding.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from orglint.diagnostics import Severity, Span
from orglint.errors import OrglintError
from orglint.kebab_case import kebab_case
from orglint.load.documents import load_yaml
from orglint.load.origin import locate
from orglint.load.source import SourceFile, real_path
from orglint.load.yaml_source import YamlMap, YamlSeq
from orglint.model.validate import plain_message, schema_findings
from orglint.policy import Policy, spoken_form
from orglint.rules import Rule, RuleSettings
from orglint.rules.registry import family_of, registered_rules, rule_by_code_or_name
from orglint.suggest import closest, did_you_mean
from orglint.wording import a_or_an

FORMAT_VERSION = 1
BUILTIN_FOLDER = "rulesets"
"""The built-in rulesets' folder inside the installed package, ``orglint/rulesets/``: a data folder
(YAML only, no Python), filled from the repository's top-level ``rules/`` (setup.py). From a
checkout (an editable install), that ``rules/`` folder is read where it is."""

SeverityName = Literal["error", "warning", "info", "off"]


def _supported_version(version: int) -> int:
    if version != FORMAT_VERSION:
        raise ValueError(f"ruleset format {version} is not supported; this orglint reads format {FORMAT_VERSION}")
    return version


class RuleEntry(BaseModel):
    """A rule's entry: a severity (or ``off``), the basis its findings cite, and the rule's own settings."""

    model_config = ConfigDict(extra="allow")
    severity: SeverityName | None = None
    basis: str | None = Field(
        default=None,
        min_length=1,
        description="What requires the rule in this council (its own policy reference): its findings cite this "
        "instead of the rule's own basis.",
    )


class RulesetFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    orglint_ruleset: Annotated[int, AfterValidator(_supported_version)] = Field(
        alias="orglint-ruleset", description="Ruleset format version; marks the file as a ruleset."
    )
    name: str = Field(min_length=1)
    description: str | None = None
    extends: list[str] = Field(default=[], description="Rulesets this one builds on: built-in names or relative paths.")
    rules: dict[str, SeverityName | RuleEntry] = {}
    policy: dict[str, dict[str, Any]] = Field(default={}, description="Data rules share; see orglint.policy.")


class RulesetError(OrglintError):
    """A ruleset that cannot be used, located at the key or value at fault."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span

    def __str__(self) -> str:
        if self.span is None:
            return self.message
        return f"{self.span.file}:{self.span.line}:{self.span.column}: {self.message}"


class MissingSettings(RulesetError):
    """A rule was chosen that needs settings no ruleset in force gives it."""


@dataclass
class RuleConfig:
    severity: Severity | None
    """``None``: the rule is off."""
    settings: dict[str, Any] = field(default_factory=dict)
    setting_spans: dict[str, tuple[Span, Span]] = field(default_factory=dict)
    """Where each setting was last given: (key, value)."""
    entry_span: Span | None = None
    basis: str | None = None
    """The ruleset's own basis for the rule, if it gives one."""


@dataclass
class Ruleset:
    names: list[str] = field(default_factory=list)
    """Every ruleset resolved, bases first."""
    files: list[Path] = field(default_factory=list)
    """Their files, in the same order."""
    rules: dict[str, RuleConfig] = field(default_factory=dict)
    policy: Policy = field(default_factory=Policy)

    def enabled(self) -> set[str]:
        return {code for code, config in self.rules.items() if config.severity is not None}

    def severity(self, rule: type[Rule]) -> Severity:
        config = self.rules.get(rule.code)
        return config.severity if config is not None and config.severity is not None else rule.severity

    def own_basis(self, code: str) -> str | None:
        """The basis this ruleset gives a rule (a council's own policy reference), if any."""
        config = self.rules.get(code)
        return config.basis if config is not None else None

    def basis(self, rule: type[Rule]) -> str:
        """What the rule's findings cite under this ruleset: its own basis, else the rule's."""
        return self.own_basis(rule.code) or rule.basis

    def instantiate(self, rule: type[Rule]) -> Rule:
        """The rule with this ruleset's settings, validated against the rule's Settings model."""
        config = self.rules.get(rule.code) or RuleConfig(rule.severity)
        try:
            settings: RuleSettings = rule.Settings.model_validate(config.settings)
        except ValidationError as error:
            # a misspelt key explains the "missing" error that comes with it: report it first
            detail = min(error.errors(include_url=False), key=lambda d: d["type"] != "extra_forbidden")
            loc = detail["loc"]
            key = str(loc[0]) if loc else ""
            key_span, value_span = config.setting_spans.get(key, (config.entry_span, config.entry_span))
            span = key_span if detail["type"] == "extra_forbidden" else value_span
            if detail["type"] == "missing":
                sources = ", ".join(self.names) or "the ruleset"
                raise MissingSettings(
                    f"rule {rule.code} ({rule.name}) needs the setting {key!r}, which {sources} does not give", span
                ) from None
            if detail["type"] == "extra_forbidden":
                fields = [f.alias or n for n, f in rule.Settings.model_fields.items()]
                takes = f"; it takes: {', '.join(fields)}" if fields else "; it takes none"
                hint = did_you_mean(closest(key, fields), otherwise=takes)
                raise RulesetError(f"rule {rule.code} has no setting {key!r}{hint}", span) from None
            raise RulesetError(
                f"rule {rule.code} setting {key!r}: {plain_message(detail)}, got {detail['input']!r}", span
            ) from None
        return rule(settings)


def _builtin_folder() -> Traversable:
    installed = importlib.resources.files("orglint") / BUILTIN_FOLDER
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def builtin_rulesets() -> list[str]:
    return sorted(entry.name[: -len(".yaml")] for entry in _builtin_folder().iterdir() if entry.name.endswith(".yaml"))


def is_path_reference(reference: str) -> bool:
    """A ruleset reference that is a path (relative to the file naming it), not a built-in name."""
    return "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml"))


def _find(reference: str, base_dir: Path, span: Span | None, confined_to: Path | None = None) -> Path:
    """The file a reference names; a path written inside a repository must stay inside it
    (``confined_to``, its project root), and one that leaves is refused unopened."""
    if is_path_reference(reference):
        path = real_path(base_dir / reference)
        if confined_to is not None and not path.is_relative_to(confined_to):
            raise RulesetError(
                f"ruleset path {reference!r} leads outside the project root ({confined_to}): it is not read; "
                "a ruleset outside the repository can be named on the command line (--ruleset)",
                span,
            )
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "is not a regular file" if path.exists() else "not found"
            raise RulesetError(f"ruleset file {reference!r} {what} (looked for {path})", span)
        return path
    builtins = builtin_rulesets()
    if reference not in builtins:
        hint = did_you_mean(closest(reference, builtins))
        raise RulesetError(f"unknown ruleset {reference!r}{hint}; built-in rulesets: {', '.join(builtins)}", span)
    resource = _builtin_folder() / f"{reference}.yaml"
    return Path(str(resource))


def load_ruleset(
    references: list[str],
    base_dir: Path,
    span: Span | None = None,
    *,
    repository: Path | None = None,
    declared_in: Path | None = None,
    found_above: Path | None = None,
) -> Ruleset:
    """Resolve the rulesets named (in order, later overriding earlier) into one.

    ``repository`` is the project root of the structure being linted, and ``declared_in`` the
    file the references are written in (None: the command line). A path written in a file inside
    the repository (these references, or an ``extends:`` in a ruleset there) must stay inside it;
    so must one written in a file inside ``found_above``, the project root of a configuration
    file found above the repository (a checkout without ``.git``, whose top folder holds the
    configuration while the root file's folder is the project root); paths from the command
    line, and from other files outside the repository, may point anywhere."""
    resolver = _Resolver(repository, found_above)
    confined_to = resolver.confinement(declared_in)
    for reference in references:
        resolver.resolve(_find(reference, base_dir, span, confined_to), ())
    resolver.ruleset.policy = resolver.merged_policy()
    return resolver.ruleset


class _Resolver:
    def __init__(self, repository: Path | None, found_above: Path | None = None) -> None:
        self.repository = repository
        self.found_above = found_above
        self.ruleset = Ruleset()
        self.done: set[Path] = set()
        self.policy: dict[str, dict[str, Any]] = {}
        self.policy_origins: dict[tuple[str, str], YamlMap] = {}
        """(section, entry) → the mapping that last gave that entry, to locate its faults."""

    def confinement(self, declared_in: Path | None) -> Path | None:
        """The folder paths written in ``declared_in`` must stay in: the repository, if the file is
        in it, else the project root of the configuration found above it, if the file is in that."""
        if declared_in is None:
            return None
        written_in = real_path(declared_in)
        return next((root for root in (self.repository, self.found_above) if root and written_in.is_relative_to(root)), None)

    def resolve(self, path: Path, chain: tuple[Path, ...]) -> None:
        if path in chain:
            loop = " → ".join(SourceFile(p).display for p in (*chain[chain.index(path) :], path))
            raise RulesetError(f"rulesets extend each other in a loop: {loop}", Span.start_of(SourceFile(path).display))
        if path in self.done:
            return
        document = load_yaml(path)
        display = document.source.display
        if document.findings:
            first = document.findings[0]
            raise RulesetError(f"ruleset is not valid YAML: {first.message}", first.span)
        raw = document.root
        if not isinstance(raw, YamlMap) or "orglint-ruleset" not in raw:
            raise RulesetError("not an orglint ruleset: the file has no top-level `orglint-ruleset:` key", Span.start_of(display))
        try:
            parsed = RulesetFile.model_validate(raw)
        except ValidationError as error:
            first = schema_findings(error, raw, RulesetFile)[0]
            raise RulesetError(f"invalid ruleset: {first.message}", first.span) from None
        extends = raw.get("extends")
        for index, base in enumerate(parsed.extends):
            base_span = extends.item_span(index) if isinstance(extends, YamlSeq) else raw.key_span("extends")
            self.resolve(_find(base, path.parent, base_span, self.confinement(path)), (*chain, path))
        self.done.add(path)
        self.ruleset.names.append(parsed.name)
        self.ruleset.files.append(path)
        rules_raw = raw.get("rules")
        if isinstance(rules_raw, YamlMap):  # validated above: a mapping whenever it has entries
            for key, entry in parsed.rules.items():
                self._apply(key, entry, rules_raw)
        policy_raw = raw.get("policy")
        if isinstance(policy_raw, YamlMap):
            self._merge_policy(policy_raw)

    def _merge_policy(self, policy_raw: YamlMap) -> None:
        for section, entries in policy_raw.items():
            if section not in Policy.model_fields and section.replace("-", "_") not in Policy.model_fields:
                fields = [kebab_case(name) for name in Policy.model_fields]
                hint = did_you_mean(closest(section, fields), otherwise=f"; sections: {', '.join(fields)}")
                raise RulesetError(f"unknown policy section {section!r}{hint}", policy_raw.key_span(section))
            merged = self.policy.setdefault(section, {})
            for key, value in entries.items():  # validated above: each section is a mapping
                merged[key] = value
                self.policy_origins[(section, key)] = entries

    def _policy_span(self, path: tuple[Any, ...]) -> Span | None:
        if len(path) < 2:
            return None
        section, key = str(path[0]), str(path[1])
        origin = self.policy_origins.get((section, key))
        if origin is None:
            return None
        steps: list[str | int] = [key]
        current = origin.get(key)
        for step in path[2:]:  # pydantic gives dict keys as parsed (tier 1); the YAML has text ("1")
            if isinstance(current, list) and isinstance(step, int):
                steps.append(step)
                current = current[step] if 0 <= step < len(current) else None
            else:
                steps.append(str(step))
                current = current.get(str(step)) if isinstance(current, dict) else None
        return locate(origin, tuple(steps))

    def merged_policy(self) -> Policy:
        try:
            policy = Policy.model_validate(self.policy)
        except ValidationError as error:
            detail = min(error.errors(include_url=False), key=lambda d: d["type"] != "extra_forbidden")
            loc = tuple(detail["loc"])
            span = self._policy_span(loc[:-1] if detail["type"] == "extra_forbidden" else loc)
            where = ".".join(str(step) for step in loc)
            raise RulesetError(f"policy {where}: {plain_message(detail)}", span) from None
        for path, value, allowed, kind in policy.references():
            if value not in allowed:
                hint = did_you_mean(closest(value, sorted(allowed)))
                raise RulesetError(f"policy: {value!r} is not {a_or_an(kind)} the policy defines{hint}", self._policy_span(path))
        self._check_designation_names(policy)
        return policy

    def _check_designation_names(self, policy: Policy) -> None:
        """Each name a post may write for a designation means one designation, and has a letter or digit."""
        for alias in policy.designation_aliases:
            if not spoken_form(alias):
                raise RulesetError(
                    f"policy: designation alias {alias!r} has no letter or digit to match",
                    self._policy_span(("designation-aliases", alias)),
                )
        for path, name, first in policy.name_clashes():
            raise RulesetError(
                f"policy: {name!r} already names the designation {first!r} (names are compared ignoring case, "
                "spaces and punctuation): one name, one designation",
                self._policy_span(path),
            )

    def _apply(self, key: str, entry: str | RuleEntry, rules_raw: YamlMap) -> None:
        rule = rule_by_code_or_name(key)
        if rule is None:
            known = [*registered_rules(), *(r.name for r in registered_rules().values())]
            hint = did_you_mean(closest(key, known))
            raise RulesetError(f"unknown rule {key!r}{hint}", rules_raw.key_span(key))
        config = self.ruleset.rules.setdefault(rule.code, RuleConfig(rule.severity))
        config.entry_span = rules_raw.key_span(key)
        if isinstance(entry, str):
            config.severity = None if entry == "off" else Severity.parse(entry)
            return
        raw_entry = rules_raw[key]
        if entry.basis is not None:
            if family_of(rule.code) == "X":
                raise RulesetError(
                    f"rule {rule.code} reports on orglint's own input, whatever the council's policy: "
                    "its basis cannot be changed",
                    raw_entry.key_span("basis"),
                )
            config.basis = entry.basis
        if entry.severity is not None:
            config.severity = None if entry.severity == "off" else Severity.parse(entry.severity)
        elif config.severity is None and (entry.model_extra or entry.basis is None):
            config.severity = rule.severity  # giving settings to a rule turns it on; a basis alone does not
        for setting, value in (entry.model_extra or {}).items():
            config.settings[setting] = value
            config.setting_spans[setting] = (raw_entry.key_span(setting), raw_entry.value_span(setting))
