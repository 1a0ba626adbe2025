"""From the paths a user names to whole structures: roots, their includes, and the roots of
included files named on their own (as pre-commit names them).

A structure is a root file (with ``organisation:``) and the files its ``include:`` globs match.
An included file names no root, so its roots are looked for in its own folder and the folders
above it, up to the repository top (a folder holding ``.git``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from orglint.diagnostics import Diagnostic, Span
from orglint.errors import OrglintError
from orglint.load.documents import YamlDocument, load_yaml
from orglint.load.input_findings import include_outside, invalid_structure, link_outside
from orglint.load.perimeter import (
    PatternMatches,
    Perimeter,
    is_absolute_pattern,
    is_folder,
    leaves_its_project,
    match_pattern,
    project_root,
)
from orglint.load.source import (
    Limits,
    LoadProblem,
    display_path,
    is_csv,
    is_table_path,
    markers_in,
    open_regular,
    real_path,
)

if TYPE_CHECKING:  # the table loaders are imported only when there are tables (start-up time)
    from orglint.load.organogram import Organogram
    from orglint.load.spreadsheet import Spreadsheet
    from orglint.load.spreadsheet_settings import SpreadsheetSettings
from orglint.load.yaml_source import YamlMap, YamlSeq
from orglint.suggest import closest, did_you_mean

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
SKIPPED_FOLDERS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
    }
)
MAX_FOLDERS_UP = 16


class PathNotFound(OrglintError):
    """A path named on the command line does not exist: a usage error, not a finding."""


@dataclass
class StructureSources:
    """The parsed files of one structure, root first."""

    root: YamlDocument
    included: list[YamlDocument] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    files_unread: bool = False
    """Whether an include pattern met a file it could not read, or matched none (``Structure.files_unread``)."""
    reported_files: set[str] | None = None
    """Whose findings to report: every file's (None) when the root was named or walked to; only
    those of the named files when the structure was reached through included files alone (as
    when pre-commit passes the files that changed)."""

    @property
    def documents(self) -> list[YamlDocument]:
        return [self.root, *self.included]


@dataclass
class Discovery:
    structures: list[StructureSources] = field(default_factory=list)
    organograms: list[Organogram] = field(default_factory=list)
    spreadsheets: list[Spreadsheet] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    """Faults of files that belong to no structure (unparseable, not a structure, orphaned)."""
    files: int = 0
    read: dict[Path, str] = field(default_factory=dict)
    """Every file read, by real path, with what it is: output is never written over them unasked."""


def _walk(folder: Path) -> Iterator[Path]:
    """The structure files and senior tables below ``folder``, inside its project root (links
    followed there, each real folder once); a linked file that leads outside is yielded unread,
    for X004."""
    perimeter = Perimeter(project_root(folder))
    for current in perimeter.folders_below([str(folder)], SKIPPED_FOLDERS):
        for entry in perimeter.entries(current):
            path = Path(entry.path)
            if is_folder(entry):
                continue
            if path.suffix in YAML_SUFFIXES:
                yield path
            elif is_csv(path) and (not perimeter.inside(entry.path) or _is_senior_csv(path)):
                yield path  # a table leading outside is not even sniffed


def _csv_head(path: Path) -> bytes:
    if not is_csv(path):
        return b""
    try:
        with open_regular(path) as handle:  # a pipe named *.csv is not waited on
            return handle.read(4096).lower()
    except OSError:
        return b""


def _is_senior_csv(path: Path) -> bool:
    """A folder walk takes a CSV file for an organogram's senior table by its header."""
    return b"post unique reference" in _csv_head(path)


def _is_organogram_csv(path: Path) -> bool:
    head = _csv_head(path)
    return b"post unique reference" in head or b"reporting senior post" in head


def _workbook_sheets(path: Path, limits: Limits) -> list[str] | None:
    """A workbook's sheet names (read once, for both tests below); None for a CSV file or an
    unreadable workbook."""
    from orglint.load.table import sheet_names

    if is_csv(path):
        return None
    try:
        return sheet_names(path, limits)
    except LoadProblem:
        return None


def is_organogram(path: Path, sheets: list[str] | None) -> bool:
    """``sheets``: the workbook's sheet names (``_workbook_sheets``)."""
    from orglint.load.organogram import SENIOR_SHEET

    if is_csv(path):
        return _is_organogram_csv(path)
    if sheets is None:
        return True  # not a readable workbook: the organogram loader reports it
    return any(name.strip().casefold() == SENIOR_SHEET for name in sheets)


def _tables(
    paths: list[tuple[Path, bool]],
    junior: Path | None,
    spreadsheet_for: Callable[[Path], SpreadsheetSettings | None],
    limits_for: Callable[[Path], Limits],
    discovery: Discovery,
    leaving: set[Path],
) -> None:
    """Organograms (each once, however named: by its senior table, its junior table or its
    workbook), and spreadsheets of posts where the configuration maps their columns. A table's
    other table that is a link out of the project joins ``leaving`` (X004, unread)."""
    from orglint.load.organogram import junior_beside, load_organogram, table_beside, twin
    from orglint.load.spreadsheet import load_spreadsheet
    from orglint.load.workbook import load_workbook, structure_workbook_sheets

    seniors: dict[Path, Path] = {}
    for path, named in paths:
        sheets = _workbook_sheets(path, limits_for(path))
        if not is_organogram(path, sheets):
            settings = spreadsheet_for(path)
            workbook_sheets = structure_workbook_sheets(sheets) if sheets is not None else None
            if workbook_sheets is not None:
                discovery.spreadsheets.append(load_workbook(path, workbook_sheets, limits_for(path)))
            elif settings is not None:
                discovery.spreadsheets.append(load_spreadsheet(path, settings, limits_for(path)))
            elif named:
                empty = path.is_file() and path.stat().st_size == 0
                message = (
                    "the file is empty: expected an organogram table or a spreadsheet of posts"
                    if empty
                    else "not an organogram (no 'Post Unique Reference' column or 'senior-staff' sheet), nor a structure "
                    "workbook (a 'Posts' sheet and another of orglint template's), and no "
                    "[tool.orglint.spreadsheet] configuration maps its columns to posts"
                )
                discovery.findings.append(invalid_structure(message, Span.start_of(display_path(path))))
            continue
        senior = path
        beside = table_beside(path, "junior", "senior") if is_csv(path) else None
        if beside is not None and junior_beside(path) is None:
            senior = beside  # a junior table named alone (as pre-commit names changed files)
        elif is_csv(path) and not _is_senior_csv(path):
            linked = _twin_leading_out(path, "junior", "senior")
            if linked is not None:
                leaving.add(linked)  # it is there, but leads out
            else:
                discovery.findings.append(_junior_alone(path, twin(path, "junior", "senior")))
            continue
        seniors.setdefault(real_path(senior), senior)
    for senior in seniors.values():
        given = junior if len(seniors) == 1 else None
        linked = _twin_leading_out(senior, "senior", "junior") if given is None and senior.suffix.casefold() == ".csv" else None
        if linked is not None:
            leaving.add(linked)  # its junior table, unread: said, not passed over
        discovery.organograms.append(load_organogram(senior, given, limits_for(senior)))


def _twin_leading_out(path: Path, table: str, other: str) -> Path | None:
    """The other table of ``path``'s pair (``organogram.twin``), where it is a link out of the project."""
    from orglint.load.organogram import twin

    linked = twin(path, table, other)
    return linked if linked is not None and os.path.lexists(linked) and leaves_its_project(linked) else None


def _junior_alone(path: Path, senior: Path | None) -> Diagnostic:
    """X002 at a junior staff table with no senior staff table (named ``senior``) beside it to be checked with."""
    expected = (
        f" (looked for {senior.name!r})" if senior is not None else " (a pair is found by name: x-senior.csv, x-junior.csv)"
    )
    return invalid_structure(
        f"a junior staff table, with no senior staff table beside it{expected}: an organogram is checked from its "
        "senior table, which the junior one's 'Reporting Senior Post' names",
        Span.start_of(display_path(path)),
    )


def include_patterns(root: YamlDocument) -> list[tuple[int, str]]:
    """The root's ``include:`` entries that are text, with their index (the model reports the rest)."""
    assert isinstance(root.root, YamlMap)
    patterns = root.root.get("include")
    if isinstance(patterns, str):
        return [(-1, patterns)]
    if not isinstance(patterns, YamlSeq):
        return []
    return [(index, pattern) for index, pattern in enumerate(patterns) if isinstance(pattern, str)]


class _Loader:
    """Parses each file once, however many ways it is reached."""

    def __init__(self, limits_for: Callable[[Path], Limits]) -> None:
        self.documents: dict[Path, YamlDocument] = {}
        self.limits_for = limits_for
        self.matched: dict[tuple[Path, str], PatternMatches] = {}
        self.roots_by_bytes: dict[Path, bool] = {}
        """Whether each file looked at may be a root, by its real path: read once, however many
        named files look for their roots in its folder."""

    def matches(self, root_path: Path, pattern: str) -> PatternMatches:
        """What an include pattern of a root file matches (expanded once, however often asked):
        never anything outside its project root."""
        key = (real_path(root_path), pattern)
        if key not in self.matched:
            self.matched[key] = match_pattern(root_path.parent, pattern, project_root(root_path))
        return self.matched[key]

    def __call__(self, path: Path) -> YamlDocument:
        key = real_path(path)
        document = self.documents.get(key)
        if document is None:
            document = self.documents[key] = load_yaml(path, self.limits_for(path))
        return document

    def roots_including(self, document: YamlDocument) -> list[YamlDocument]:
        target = real_path(document.source.path)
        owners: list[YamlDocument] = []
        folder = target.parent
        for _ in range(MAX_FOLDERS_UP):
            for candidate in sorted(folder.iterdir()) if folder.is_dir() else []:
                if candidate.suffix not in YAML_SUFFIXES or not candidate.is_file() or real_path(candidate) == target:
                    continue
                if not self._may_be_root(candidate):
                    continue
                root = self(candidate)
                if root.is_root and any(target in self.matches(candidate, p).files for _, p in include_patterns(root)):
                    owners.append(root)
            if (folder / ".git").exists() or folder.parent == folder:
                break
            folder = folder.parent
        return owners

    def _may_be_root(self, path: Path) -> bool:
        """Whether ``path`` may be a root with includes, judged from its bytes before it is parsed:
        all of them, as ``include:`` may come after any number of posts."""
        key = real_path(path)
        if key in self.documents:
            return True
        if key not in self.roots_by_bytes:
            self.roots_by_bytes[key] = not leaves_its_project(path) and len(
                markers_in(path, ROOT_MARKERS, self.limits_for(path))
            ) == len(ROOT_MARKERS)
        return self.roots_by_bytes[key]


ROOT_MARKERS = (b"organisation:", b"include:")
"""What a root with ``include:`` patterns holds (a byte search: a file that may be one is parsed to know)."""


def _leaving_message(pattern: str, matches: PatternMatches, base: Path) -> str:
    if is_absolute_pattern(pattern):
        return f"include pattern {pattern!r} is an absolute path: include patterns are relative to the root file"
    through = ""
    if matches.led_outside:  # the link it met, as the pattern reaches it from the root file's folder
        first = Path(os.path.relpath(matches.led_outside[0], base)).as_posix()
        more = len(matches.led_outside) - 1
        through = f" through {first!r}" + (f" and {more} more" if more else "")
    return (
        f"include pattern {pattern!r} leads outside the project root{through} (the folder holding .git, else the "
        "root file's folder): what lies there is not read"
    )


def _led_outside(root: YamlDocument, load: _Loader) -> list[str]:
    """The links out of the project that a root's include patterns met."""
    return [path for _, pattern in include_patterns(root) for path in load.matches(root.source.path, pattern).led_outside]


def _file_finding(document: YamlDocument, message: str, span: Span | None = None) -> Diagnostic:
    return invalid_structure(message, span or Span.start_of(document.source.display))


def _orphan_finding(document: YamlDocument) -> Diagnostic:
    """An included file that no root includes; where a top-level key is a misspelling of
    ``organisation`` (``organization:``), the file was most probably meant as a root: say so there."""
    orphan = "no root structure in this folder or those above it includes it"
    root = document.root
    keys = [key for key in root if isinstance(key, str)] if isinstance(root, YamlMap) else []
    misspelt = next((key for key in keys if closest(key, ["organisation"])), None)
    if isinstance(root, YamlMap) and misspelt is not None:
        return _file_finding(
            document,
            f"unknown key {misspelt!r}{did_you_mean('organisation')}: without `organisation:` the file is read as an "
            f"included structure file, and {orphan}",
            root.key_span(misspelt),
        )
    return _file_finding(document, f"an included structure file (it has no `organisation:`), but {orphan}")


def discover(
    paths: list[Path],
    *,
    skip_non_structures: bool = False,
    excluded: Callable[[Path], bool] | None = None,
    junior: Path | None = None,
    spreadsheet_for: Callable[[Path], SpreadsheetSettings | None] = lambda path: None,
    limits_for: Callable[[Path], Limits] = lambda path: Limits(),
) -> Discovery:
    """Find, parse and group into structures every structure file the paths lead to (and the
    organograms: CSV tables and workbooks)."""
    load = _Loader(limits_for)
    discovery = Discovery()
    candidates = _candidates(paths, skip_non_structures, excluded)
    leaving = {path for path, _ in candidates if leaves_its_project(path)}
    candidates = [(path, named) for path, named in candidates if path not in leaving]
    tables = [(path, named) for path, named in candidates if is_table_path(path)]
    if tables:  # the table loaders are imported only when there are tables (start-up time)
        _tables(tables, junior, spreadsheet_for, limits_for, discovery, leaving)
    grouping = _group([(path, named) for path, named in candidates if not is_table_path(path)], load, discovery.findings)
    for root_key, root in grouping.roots.items():
        sources = _gather(root, load)
        sources.reported_files = grouping.reached_by_include.get(root_key)
        discovery.structures.append(sources)
    # each link out once, however reached (named, walked to, an organogram's other table); one that
    # a root's include pattern meets is that pattern's finding, not a second one
    said = {os.path.abspath(path) for root in grouping.roots.values() for path in _led_outside(root, load)}
    links_out = []
    for path in sorted(leaving):
        if os.path.abspath(path) not in said:
            said.add(os.path.abspath(path))
            links_out.append(link_outside(path))
    discovery.findings[:0] = links_out
    _count_files_read(discovery, load, grouping.reported)
    return discovery


def structure_roots(path: Path, limits_for: Callable[[Path], Limits] = lambda path: Limits()) -> list[Path]:
    """The root files of the structures a YAML file belongs to, as ``check`` finds them: the file
    itself if it is a root, the roots including it if it is an included file, none otherwise."""
    load = _Loader(limits_for)
    document = load(path)
    if document.is_root:
        return [path]
    if not document.is_structure:
        return []
    return [owner.source.path for owner in load.roots_including(document)]


def _candidates(paths: list[Path], skip_non_structures: bool, excluded: Callable[[Path], bool] | None) -> list[tuple[Path, bool]]:
    """The files the paths name or lead to, each with whether it was named itself (a named file
    that is no structure is a finding; one a folder walk meets is not)."""
    candidates: list[tuple[Path, bool]] = []
    for path in paths:
        if not path.exists():
            raise PathNotFound(f"{path}: no such file or folder")
        if path.is_dir() and leaves_its_project(path):
            candidates.append((path, True))  # a link out: X004, never listed
        elif path.is_dir():
            candidates.extend((found, False) for found in _walk(path) if excluded is None or not excluded(found))
        else:
            candidates.append((path, not skip_non_structures))  # skipping: judged as a walk would
    return candidates


@dataclass
class _Grouping:
    """The YAML files met, grouped under the roots of their structures."""

    roots: dict[Path, YamlDocument] = field(default_factory=dict)
    reached_by_include: dict[Path, set[str]] = field(default_factory=dict)
    """Roots found only through included files, with the display paths of those files."""
    reported: set[Path] = field(default_factory=set)
    """Files that belong to no structure, whose faults are already reported."""


def _group(candidates: list[tuple[Path, bool]], load: _Loader, findings: list[Diagnostic]) -> _Grouping:
    """Each YAML file as a root, as a file its roots include, or as a finding: not a structure,
    or an included file no root includes."""
    grouping = _Grouping()
    roots, reached_by_include, reported = grouping.roots, grouping.reached_by_include, grouping.reported
    passed_over: set[Path] = set()
    for path, named in candidates:
        document = load(path)
        key = real_path(document.source.path)
        if not document.is_structure:
            if key in passed_over or key in reported:
                continue
            if document.findings and (named or document.looks_like_structure):
                findings.extend(document.findings)
            elif named:
                why = "the file is empty" if document.root is None else "the file has no top-level `orglint:` key"
                findings.append(_file_finding(document, f"not an orglint structure: {why}"))
            else:  # a walk's other YAML file (a ruleset, a CI file): not a file checked
                passed_over.add(key)
                continue
            reported.add(key)
            continue
        if document.is_root:
            roots.setdefault(key, document)
            reached_by_include.pop(key, None)  # named (or walked to) itself: report all of it
            continue
        owners = load.roots_including(document)
        if not owners and key not in reported:
            reported.add(key)
            findings.extend(document.findings)
            findings.append(_orphan_finding(document))
        for owner in owners:
            owner_key = real_path(owner.source.path)
            if owner_key not in roots:
                reached_by_include[owner_key] = set()
            roots.setdefault(owner_key, owner)
            if owner_key in reached_by_include:
                reached_by_include[owner_key].add(document.source.display)
    return grouping


def _count_files_read(discovery: Discovery, load: _Loader, reported: set[Path]) -> None:
    """``discovery.files`` (the files checked or reported on) and ``discovery.read`` (every file read)."""
    discovery.files = len(
        {p for s in discovery.structures for p in (real_path(d.source.path) for d in s.documents)}
        | reported
        | {real_path(source.path) for organogram in discovery.organograms for source in organogram.sources}
        | {real_path(spreadsheet.source.path) for spreadsheet in discovery.spreadsheets}
    )
    discovery.read = {
        **dict.fromkeys(load.documents, "a YAML file"),
        **{real_path(d.source.path): "a structure file" for s in discovery.structures for d in s.documents},
        **{real_path(source.path): "an organogram table" for o in discovery.organograms for source in o.sources},
        **{real_path(spreadsheet.source.path): "a spreadsheet" for spreadsheet in discovery.spreadsheets},
    }


def _gather(root: YamlDocument, load: _Loader) -> StructureSources:
    sources = StructureSources(root)
    root_key = real_path(root.source.path)
    seen = {root_key}
    assert isinstance(root.root, YamlMap)
    for index, pattern in include_patterns(root):
        span = root.root["include"].item_span(index) if index >= 0 else root.root.value_span("include")
        matches = load.matches(root.source.path, pattern)
        if matches.leaves_root:
            sources.findings.append(include_outside(_leaving_message(pattern, matches, root.source.path.parent), span))
        elif not matches.files:
            sources.findings.append(_file_finding(root, f"include pattern {pattern!r} matches no file", span))
        # a pattern that leads out of the project (X004) is refused, not unread: what lies outside
        # is never the project's, and the structure is judged on what lies inside it
        sources.files_unread |= not matches.leaves_root and not matches.files
        for match in matches.files:
            if match in seen:
                continue
            seen.add(match)
            document = load(match)
            unread = _unread_include(document, root)
            if unread:
                sources.findings.extend(unread)
                sources.files_unread = True
            else:
                sources.included.append(document)
    return sources


def _unread_include(document: YamlDocument, root: YamlDocument) -> list[Diagnostic]:
    """Why an included file's posts cannot be read as the root's (none: they can)."""
    if document.findings and not document.is_structure:
        return document.findings
    if not document.is_structure:
        return [_file_finding(document, f"included by {root.source.display} but not an orglint structure (no `orglint:` key)")]
    if document.is_root:
        assert isinstance(document.root, YamlMap)
        message = f"included by {root.source.display}, so it may not have its own `organisation:`"
        return [_file_finding(document, message, document.root.key_span("organisation"))]
    return []
