"""Linting what an editor holds: a file's whole structure (or the ruleset or configuration file
itself), from the unsaved text of the open files, with what did not change reused between runs.

The protocol side (``language_server``) asks ``LintSession.lint(path)`` and publishes the result
to each file it names. Nothing here speaks LSP.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from orglint import config as configuration
from orglint.config import CONFIG_FILES, Config, ConfigError, Settings
from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import LintOptions, RulesetKey, StructureRun, lint
from orglint.errors import OrglintError
from orglint.fix import fix_rounds
from orglint.load.discover import YAML_SUFFIXES, PathNotFound, structure_roots
from orglint.load.documents import load_yaml
from orglint.load.overlay import Overlay, reading
from orglint.load.perimeter import project_root
from orglint.load.source import Limits, LoadProblem, decode_text, read_text, real_path
from orglint.load.yaml_source import YamlMap
from orglint.model.validate import plain_message
from orglint.ruleset import Ruleset, RulesetError, load_ruleset
from orglint.safe_text import safe_text

_ORGLINT_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*orglint\b", re.MULTILINE)
"""Where a pyproject.toml gives orglint's settings: its ``[tool.orglint]`` tables."""


_RULESET_KEY = re.compile(r"^orglint-ruleset\s*:", re.MULTILINE)
"""A ruleset's top-level key."""


class SettingsError(OrglintError):
    """Editor settings that are not valid ``[tool.orglint]`` keys."""


def editor_settings(given: Any) -> dict[str, Any]:
    """The settings an editor sends (initializationOptions, workspace/didChangeConfiguration): the
    keys of ``[tool.orglint]`` at the top level of the object (an object under an ``orglint`` key
    is taken too, as clients that group settings by tool send it). Checked as a configuration
    file's are."""
    if given is None:
        return {}
    if isinstance(given, Mapping) and set(given) == {"orglint"}:
        given = given["orglint"]
    if not isinstance(given, Mapping):
        raise SettingsError("orglint settings: expected an object of [tool.orglint] keys")
    settings = dict(given)
    try:
        Settings.model_validate(settings)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = ".".join(str(step) for step in detail["loc"])
        what = "unknown key" if detail["type"] == "extra_forbidden" else plain_message(detail)
        raise SettingsError(safe_text(f"orglint settings: {where}: {what}")) from None
    return settings


@dataclass(frozen=True)
class EditorLintOptions(LintOptions):
    """``check``'s options, with the editor's settings laid over each configuration file's."""

    only_structures: bool = True
    """An open YAML file that is no structure (a CI workflow, a compose file) has no findings, as in a folder walk."""
    editor: dict[str, Any] = field(default_factory=dict)
    _merged: dict[Path | None, Config] = field(default_factory=dict)

    def forget_merged(self) -> None:
        """A configuration file changed: lay the settings over it again."""
        self._merged.clear()

    def config_for(self, folder: Path) -> Config:
        found = super().config_for(folder)
        if not self.editor:
            return found
        if found.path not in self._merged:
            settings = {**found.settings.model_dump(by_alias=True, exclude_unset=True), **self.editor}
            self._merged[found.path] = Config(found.path, Settings.model_validate(settings))
        return self._merged[found.path]


@dataclass
class Linted:
    """One lint of a file: the findings of every file it covered (empty lists included, to clear
    what was published before), the structures checked (for hover and related places), and a
    failure no file can show."""

    findings: dict[Path, list[Diagnostic]] = field(default_factory=dict)
    runs: list[StructureRun] = field(default_factory=list)
    failure: str | None = None


def is_config_file(path: Path) -> bool:
    return path.name in CONFIG_FILES


def is_lintable(path: Path) -> bool:
    """A structure file, ruleset or configuration file (by name: the server lints nothing else)."""
    return path.suffix in YAML_SUFFIXES or is_config_file(path)


class LintSession:
    """The editor's files and settings, and what earlier runs loaded (parses, rulesets, roots).

    The protocol's thread tells it of changes (``opened``, ``closed``, ``changed_on_disk``,
    ``configure``), which only record the text and what became stale; one lint thread lints
    (``lint``), and drops what is stale first, so that no cache is touched by two threads.
    """

    def __init__(self) -> None:
        self.files = Overlay()
        self._rulesets: dict[RulesetKey, Ruleset] = {}
        self.options = EditorLintOptions(rulesets_loaded=self._rulesets)
        self._roots: dict[tuple[Path, bool], list[Path]] = {}
        """The roots of each file's structures (by whether it is a root itself): kept while no
        other file changes (any other may be a root whose ``include:`` changed)."""
        self._stale: list[Path | None] = []
        """Files changed since the last lint began (None: the editor's settings)."""

    def configure(self, settings: Any) -> None:
        """New editor settings (SettingsError if they are not valid; the old ones stay then)."""
        self.options = EditorLintOptions(editor=editor_settings(settings), rulesets_loaded=self._rulesets)
        self._stale.append(None)  # a `ruleset` setting chooses other rulesets

    def opened(self, path: Path, text: str) -> None:
        self.files.set_text(path, text)
        self._stale.append(path)

    def closed(self, path: Path) -> None:
        self.files.drop_text(path)
        self._stale.append(path)

    def changed_on_disk(self, path: Path) -> None:
        self._stale.append(path)

    def _drop_stale(self) -> None:
        """What changes since the last lint make stale: parses, the roots found, configuration
        files, rulesets (any YAML file may be one) and the settings laid over configuration."""
        stale, self._stale = self._stale, []  # a change recorded meanwhile lands in one list or the other
        for path in stale:
            if path is None:
                self._rulesets.clear()
                continue
            self.files.forget(path)
            self._roots = {key: roots for key, roots in self._roots.items() if key[0] == path}
            if is_config_file(path):
                configuration.forget_read_files()
                self.options.forget_merged()
                self._rulesets.clear()
            elif any(real_path(path) in ruleset.files for ruleset in self._rulesets.values()):
                self._rulesets.clear()

    def lint(self, path: Path, files: Overlay | None = None) -> Linted:
        """Lint the file at ``path`` as the editor holds it (or as ``files``, a snapshot of it,
        holds it); never raises for what the files hold."""
        self._drop_stale()
        with reading(files or self.files):
            try:
                if is_config_file(path):
                    return self._lint_config(path)
                return self._lint_yaml(path)
            except ConfigError as error:
                return _config_failure(error, path)
            except RulesetError as error:
                return _ruleset_failure(error, path)
            except PathNotFound:  # a file the editor holds that was never saved: nothing on disk to place it
                return Linted({path: []})
            except OrglintError as error:
                return Linted({path: []}, failure=safe_text(str(error)))

    def fixed_text(self, path: Path, files: Overlay | None = None) -> str | None:
        """The file's text after every safe fix, made as ``orglint check --fix`` makes them (round
        after round, none that brings a finding the file did not have) to the text the editor
        holds, with the other files of its structure as the editor holds them; None if there is
        nothing to fix (``files``: a snapshot of the editor's text, as ``lint`` takes). Nothing is
        written."""
        self._drop_stale()
        with reading(files or self.files.snapshot()):
            try:
                roots = self._structure_roots(path)
                outcome = fix_rounds(lambda: lint(roots or [path], self.options))
            except OrglintError:  # a configuration or ruleset fault: its own finding says so
                return None
        fixed = outcome.files.get(real_path(path))
        return decode_text(fixed.after) if fixed is not None else None

    def is_shared(self, path: Path) -> bool:
        """Whether the file may bear on any structure: a configuration file or a ruleset (told
        by its top-level key, without parsing it: this is asked on every change)."""
        return is_config_file(path) or _RULESET_KEY.search(self.text_of(path)[: 1 << 16]) is not None

    def _structure_roots(self, path: Path) -> list[Path]:
        """The roots of the structures the file is in (found once while no other file changes)."""
        key = (path, load_yaml(path).is_root)  # parsed once, however often asked while its text is the same
        if key not in self._roots:
            self._roots[key] = structure_roots(path, self._limits)
        return self._roots[key]

    def _limits(self, path: Path) -> Limits:
        return self.options.config_for(path.parent).limits

    def _lint_yaml(self, path: Path) -> Linted:
        if _is_ruleset(path):
            load_ruleset([str(path)], path.parent, repository=project_root(path))
            return Linted({path: []})
        roots = self._structure_roots(path)
        result = lint(roots or [path], self.options)
        linted = Linted({path: []}, result.runs)
        places = {source.display: source.path for run in result.runs for source in run.structure.files}
        for run in result.runs:
            linted.findings.update((source.path, []) for source in run.structure.files)
        for diagnostic in result.diagnostics:
            file = places.get(diagnostic.span.file, Path(diagnostic.span.file))
            linted.findings.setdefault(real_path(file), []).append(diagnostic)
        linted.findings = {real_path(file): found for file, found in linted.findings.items()}
        return linted

    def _lint_config(self, path: Path) -> Linted:
        """A configuration file's faults (a pyproject.toml without orglint's table is not orglint's)."""
        if path.name == "pyproject.toml" and not _ORGLINT_TABLE.search(self.text_of(path)):
            return Linted({path: []})
        configuration.load(path)  # raises ConfigError, located, for what is wrong
        return Linted({path: []})

    def composed(self, path: Path, text: str) -> Any:
        """The YAML tree of ``text``, the file's text as linted: the parse the lint kept, else a
        new one (None if it does not read as YAML)."""
        data = text.encode("utf-8")
        earlier = self.files.parsed(path, data)
        if earlier is not None:
            return earlier.root
        with reading(self.files):
            return load_yaml(path).root

    def text_of(self, path: Path) -> str:
        """The file as the editor holds it, else as saved ("" if it cannot be read)."""
        unsaved = self.files.text_of(path)
        if unsaved is not None:
            return unsaved
        try:
            return read_text(path)
        except (LoadProblem, OSError):
            return ""


def _is_ruleset(path: Path) -> bool:
    document = load_yaml(path)
    return isinstance(document.root, YamlMap) and "orglint-ruleset" in document.root


def _config_failure(error: ConfigError, linted: Path) -> Linted:
    """A configuration file's fault, on the file, where it is (a fault without a place, such as a
    file that cannot be read, is said as a message)."""
    result = Linted({real_path(linted): []})
    if error.span is None:
        result.failure = safe_text(str(error))
        return result
    file = real_path(error.path)
    result.findings[file] = [Diagnostic("", error.message, error.span)]
    if file != real_path(linted):  # the structure cannot be checked while its configuration is broken
        result.failure = safe_text(f"{error.span.file} has a fault, so {linted.name} is not checked: {error.message}")
    return result


def _ruleset_failure(error: RulesetError, linted: Path) -> Linted:
    """A ruleset that cannot be used, at the key or value at fault (in the ruleset, or where the
    structure names it)."""
    result = Linted({real_path(linted): []})
    if error.span is None:
        result.failure = safe_text(str(error))
        return result
    finding = Diagnostic("", error.message, error.span, severity=Severity.ERROR)
    result.findings.setdefault(real_path(error.span.file), []).append(finding)
    return result
