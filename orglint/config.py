"""Configuration: ``[tool.orglint]`` in ``pyproject.toml``, or the top level of ``orglint.toml``.

The file nearest to a structure's root (its folder, then the folders above it, up to the
repository top) configures that structure; paths in it resolve relative to the file that
declares them. ``--config FILE`` uses one file for everything; ``--isolated`` uses none. Options
given on the command line win over the file. An unknown key or a bad value is a configuration
error (exit 2) naming the file, line and key.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from orglint.diagnostics import Diagnostic, Severity, Span
from orglint.errors import OrglintError
from orglint.kebab_case import KEBAB_CASE_KEYS
from orglint.load.overlay import unsaved_text
from orglint.load.perimeter import leaves_its_project
from orglint.load.source import Limits, display_path, real_path, text_lines
from orglint.load.spreadsheet_settings import SpreadsheetSettings
from orglint.model.validate import plain_message
from orglint.output.check import OutputFormat
from orglint.rules.registry import rule_by_code_or_name
from orglint.suggest import closest, did_you_mean

CONFIG_FILES = ("orglint.toml", "pyproject.toml")


def _code(selector: str) -> str | None:
    rule = rule_by_code_or_name(selector)
    return rule.code if rule is not None else None


class ConfigError(OrglintError):
    """A configuration file that cannot be used: exit 2, at the file, line and key.

    ``message`` carries no location: ``path`` is the file (its real path) and ``span`` the place
    in it, where one is known. ``str()`` is the one line the command line shows
    (``orglint.toml:3:1: unknown key ...``)."""

    def __init__(self, message: str, path: Path, span: Span | None = None, said: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.span = span
        self._said = said

    def __str__(self) -> str:
        if self._said is not None:
            return self._said
        if self.span is None:
            return f"{display_path(self.path)}: {self.message}"
        return f"{self.span.file}:{self.span.line}:{self.span.column}: {self.message}"


def _at(path: Path, line: int, column: int) -> Span:
    return Span(display_path(path), line, column, line, column)


_TOML_PLACE = re.compile(r"\s*\((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$")
"""Where tomllib says TOML that does not parse breaks (the end of its message; Python 3.11 gives no
attributes for it)."""


def _invalid_toml(path: Path, text: str, error: tomllib.TOMLDecodeError) -> ConfigError:
    """TOML that does not parse, placed where tomllib stopped; shown on the command line in
    tomllib's own words."""
    said = f"{display_path(path)}: invalid TOML: {error}"
    place = _TOML_PLACE.search(str(error))
    if place is None:
        return ConfigError(f"invalid TOML: {error}", path, said=said)
    if place["line"] is not None:
        line, column = int(place["line"]), int(place["column"])
    else:  # at the end of the text
        lines = text.rstrip("\r\n").split("\n")
        line, column = len(lines), len(lines[-1]) + 1
    return ConfigError(f"invalid TOML: {str(error)[: place.start()]}", path, _at(path, line, column), said=said)


class Settings(BaseModel):
    """The keys of ``[tool.orglint]``."""

    model_config = KEBAB_CASE_KEYS | ConfigDict(populate_by_name=True)
    ruleset: str | list[str] | None = Field(default=None, description="Ruleset names or paths (relative to this file).")
    select: list[str] | None = None
    extend_select: list[str] = []
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = Field(
        default={}, description="Glob (relative to this file) → rules to ignore there."
    )
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default={}, description="Rule code or name → severity.")
    include: list[str] = Field(
        default=[], description="Globs (relative to this file) of the files folder walks lint (default: all *.yaml, *.yml)."
    )
    exclude: list[str] = Field(default=[], description="Globs (relative to this file) of files and folders not to lint.")
    output_format: OutputFormat | None = None
    max_file_size_mb: int = Field(default=2048, ge=1, description="Input files larger than this are refused (X001).")
    max_posts: int = Field(default=5_000_000, ge=1, description="Structures with more posts are refused (X002).")
    spreadsheet: SpreadsheetSettings | None = Field(
        default=None, description="How to read a spreadsheet of posts (CSV or XLSX): its columns, sheet and organisation."
    )
    _ruleset_span: Span | None = PrivateAttr(default=None)
    """Where ``ruleset`` is written, once the settings are read from a file (its paths' faults point there)."""


class Config:
    def __init__(self, path: Path | None, settings: Settings) -> None:
        self.path = path
        self.settings = settings
        self.folder = path.parent if path is not None else Path.cwd()

    @property
    def rulesets(self) -> list[str]:
        """The rulesets named, as written: a path is relative to ``folder``."""
        ruleset = self.settings.ruleset
        return [ruleset] if isinstance(ruleset, str) else list(ruleset or [])

    @property
    def ruleset_span(self) -> Span | None:
        """Where the file names its rulesets."""
        return self.settings._ruleset_span

    def _relative(self, file: str) -> str | None:
        try:
            return Path(os.path.relpath(real_path(file), real_path(self.folder))).as_posix()
        except ValueError:
            return None

    def excluded(self, path: Path) -> bool:
        """Is a file a folder walk found left out by ``include`` or ``exclude``?"""
        relative = self._relative(str(path))
        if relative is None or relative.startswith(".."):
            return False
        if self.settings.include and not any(fnmatch.fnmatch(relative, pattern) for pattern in self.settings.include):
            return True
        parts = relative.split("/")
        candidates = ["/".join(parts[: index + 1]) for index in range(len(parts))]
        return any(fnmatch.fnmatch(candidate, pattern) for pattern in self.settings.exclude for candidate in candidates)

    def not_ignored_here(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The findings ``per-file-ignores`` leaves in (all of them, when it ignores nothing)."""
        if not self.settings.per_file_ignores:
            return diagnostics
        return [diagnostic for diagnostic in diagnostics if not self._ignored_here(diagnostic)]

    def _ignored_here(self, diagnostic: Diagnostic) -> bool:
        relative = self._relative(diagnostic.span.file)
        if relative is None:
            return False
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) and diagnostic.code in {_code(code) for code in codes}:
                return True
        return False

    @property
    def limits(self) -> Limits:
        return Limits(self.settings.max_file_size_mb * 1024 * 1024, self.settings.max_posts)

    def severity_override(self, code: str) -> Severity | None:
        for key, severity in self.settings.severity.items():
            if _code(key) == code:
                return Severity.parse(severity)
        return None


def _line_of(text: str, loc: tuple[str | int, ...], section: str | None) -> tuple[int, int]:
    """Where the key at ``loc`` is written: under the deepest ``[table]`` header the path
    reaches (``[tool.orglint.spreadsheet.columns]``), else the nearest header or the top."""
    lines = text_lines(text)  # as editors count them, not splitlines() (which also breaks at U+2028)
    path = [str(step) for step in loc if isinstance(step, str)]
    for depth in range(len(path), -1, -1):
        table = ".".join(filter(None, [section, *path[:depth]]))
        if table:
            header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
            start = next((index for index, line in enumerate(lines) if header.match(line)), None)
            if start is None:
                continue
        else:
            start = -1
        if depth == len(path):
            return start + 1, 1
        pattern = re.compile(rf"""^\s*(?P<quote>["']?){re.escape(path[depth])}(?P=quote)\s*=""")
        for index in range(start + 1, len(lines)):
            if re.match(r"^\s*\[", lines[index]):
                break
            if pattern.match(lines[index]):
                return index + 1, len(lines[index]) - len(lines[index].lstrip()) + 1
        return max(start, 0) + 1, 1
    return 1, 1


def _deepest(text: str) -> tuple[int, int]:
    """Where brackets first nest deepest (strings not told apart: only for locating a fault)."""
    depth = deepest = 0
    where = (1, 1)
    for number, line in enumerate(text_lines(text), start=1):
        for column, character in enumerate(line, start=1):
            depth += (character in "[{") - (character in "]}")
            if depth > deepest:
                deepest, where = depth, (number, column)
    return where


def _parse(path: Path, required: bool) -> Settings | None:
    try:
        unsaved = unsaved_text(path)  # open in an editor (``orglint server``): its text, not the disk's
        text = unsaved if unsaved is not None else path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except OSError as error:
        raise ConfigError(f"cannot be read: {error.strerror or error}", path) from None
    except tomllib.TOMLDecodeError as error:
        raise _invalid_toml(path, text, error) from None
    except RecursionError:  # tomllib recurses once per nested array or table
        line, column = _deepest(text)
        raise ConfigError("invalid TOML: arrays or tables nested too deeply", path, _at(path, line, column)) from None
    section = None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("orglint")
        if table is None:
            if required:
                raise ConfigError("no [tool.orglint] table", path)
            return None
        section = "tool.orglint"
    else:
        table = document
    try:
        settings = Settings.model_validate(table)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        key = str(detail["loc"][-1]) if detail["loc"] else ""
        line, column = _line_of(text, detail["loc"], section)
        if detail["type"] == "extra_forbidden":
            keys = _known_keys(detail["loc"])
            hint = did_you_mean(closest(key, keys), otherwise=f"; known keys: {', '.join(keys)}")
            message = f"unknown key {key!r}{hint}"
        else:
            message = f"{'.'.join(str(step) for step in detail['loc'])}: {plain_message(detail)}"
        raise ConfigError(message, path, _at(path, line, column)) from None
    _name_rules(settings, text, path, section)
    if settings.spreadsheet is not None and settings.spreadsheet.department_kinds:
        # its names are checked against each spreadsheet's departments as it is read (X002 here)
        loc = ("spreadsheet", "department-kinds")
        spans = {name: _at(path, *_line_of(text, (*loc, name), section)) for name in settings.spreadsheet.department_kinds}
        settings.spreadsheet.place_department_kinds(spans)
    if settings.ruleset is not None:
        settings._ruleset_span = _at(path, *_line_of(text, ("ruleset",), section))
    return settings


def _name_rules(settings: Settings, text: str, path: Path, section: str | None) -> None:
    """Every rule the configuration names is a rule (a code, prefix or name where it selects; a
    code or name under ``severity``): a ConfigError at the first that is none, where it is written
    (a misspelt code would otherwise run or keep a rule silently)."""
    from orglint import selection
    from orglint.rules.registry import registered_rules

    rules = registered_rules()
    selecting: list[tuple[tuple[str, ...], str]] = [
        *((("select",), selector) for selector in settings.select or ()),
        *((("extend-select",), selector) for selector in settings.extend_select),
        *((("ignore",), selector) for selector in settings.ignore),
        *(
            (("per-file-ignores", glob), selector)
            for glob, selectors in settings.per_file_ignores.items()
            for selector in selectors
        ),
    ]
    for loc, selector in selecting:
        try:
            selection.expand(selector, rules)
        except selection.SelectorError as error:
            raise ConfigError(f"{loc[0]}: {error}", path, _at(path, *_line_of(text, loc, section))) from None
    for key in settings.severity:
        if _code(key) is None:
            names = [*rules, *(rule.name for rule in rules.values())]
            message = f"severity: {key!r} names no rule{did_you_mean(closest(key, names))}: give a code (D103) or a name"
            raise ConfigError(message, path, _at(path, *_line_of(text, ("severity", key), section)))


def _known_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The keys the table holding ``loc``'s last key accepts."""
    model: type[BaseModel] = Settings
    for step in loc[:-1]:
        field = next((f for name, f in model.model_fields.items() if step in (name, f.alias)), None)
        annotation = getattr(field, "annotation", None)
        nested = [
            arg for arg in getattr(annotation, "__args__", (annotation,)) if isinstance(arg, type) and issubclass(arg, BaseModel)
        ]
        if not nested:
            break
        model = nested[0]
    return [field.alias or name for name, field in model.model_fields.items()]


def load(path: Path) -> Config:
    """A configuration file named with --config (read once, however many structures it serves)."""
    return _load(real_path(path))


@cache
def _load(path: Path) -> Config:
    settings = _parse(path, required=True)
    assert settings is not None
    return Config(path, settings)


def forget_read_files() -> None:
    """Read configuration files again when next asked (a language server, after one changed)."""
    _load.cache_clear()
    _nearest.cache_clear()


def nearest(folder: Path) -> Config:
    """The configuration for files in ``folder``: the nearest config file at or above it."""
    return _nearest(real_path(folder))  # cached by absolute folder: "." means another folder after a chdir


@cache
def _nearest(current: Path) -> Config:
    while True:
        for name in CONFIG_FILES:
            candidate = current / name
            if candidate.is_file():
                if leaves_its_project(candidate):  # the linted repository's links lead nowhere outside it
                    raise ConfigError("a link that leads outside the project root: not read", candidate)
                settings = _parse(candidate, required=False)
                if settings is not None:
                    return Config(candidate, settings)
        if (current / ".git").exists() or current.parent == current:
            return Config(None, Settings())
        current = current.parent
