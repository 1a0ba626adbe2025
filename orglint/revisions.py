"""Paths as they were at a git revision (``--base REV``), copied into a temporary folder from
git's object store, so they can be linted like any files.

The copy holds every structure the named files belong to at that revision, as ``check`` resolves
them in the working tree (docs/structure-format.md): a root with the files its ``include:``
patterns match, and, for an included file named alone (as pre-commit names the files that
changed), the roots in its folder and those above it that may include it, with theirs; and the
configuration files above them and the ruleset files they name. Only those files are copied, not
the whole repository, chosen from the revision's list of files; the loader then reads the copy
exactly as it reads the working tree. A ``.git`` folder at the copy's top makes it its own project
root, as the repository is, so nothing above it is ever read (docs/security.md).

Each file is written here, blob by blob (``git cat-file --batch``), not unpacked from an archive:
the revision is the linted repository's, so nothing in it may choose where a write lands (a
crafted tree, or a tar filter's flaw, cannot lead a write out through a link), and its
``.gitattributes`` cannot leave files out of the copy or rewrite them (``export-ignore``,
``export-subst``) as ``git archive`` would.
"""

from __future__ import annotations

import bisect
import contextlib
import fnmatch
import functools
import glob
import os
import posixpath
import re
import subprocess
import tempfile
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from orglint.config import CONFIG_FILES
from orglint.errors import OrglintError
from orglint.load.discover import MAX_FOLDERS_UP, ROOT_MARKERS, YAML_SUFFIXES, include_patterns
from orglint.load.documents import YamlDocument, load_yaml
from orglint.load.perimeter import is_absolute_pattern, is_within, leaves_its_project
from orglint.load.source import markers_in, real_path
from orglint.load.yaml_source import YamlMap
from orglint.ruleset import is_path_reference

SYMBOLIC_LINK_MODE = b"120000"
"""How ``git ls-tree`` shows a symbolic link."""
NOWHERE = "/dev/null/outside-the-repository"
"""Where a link that leads out of the copy is made to lead: no such path can exist (``/dev/null``
is not a folder), and it lies outside the copy."""


class RevisionError(OrglintError):
    """Not a git repository, an unknown revision, or git missing: a usage error (exit 2)."""


@dataclass
class Checkout:
    revision: str
    folder: tempfile.TemporaryDirectory[str]
    repository: Path
    """The repository's top folder (where the working tree's paths are relative to)."""

    @property
    def root(self) -> Path:
        return Path(self.folder.name)

    def path_of(self, path: Path) -> Path:
        """Where ``path`` (in the working tree) is in the checkout: where it is written, so a link
        leading out of the repository is a path the checkout does not have."""
        return self.root / _as_written(path).relative_to(self.repository)

    def display(self, file: str) -> str:
        """A displayed path in the checkout as ``REV:path`` (path from the repository top)."""
        try:
            relative = real_path(file).relative_to(real_path(self.root))
        except ValueError:
            return file
        return f"{self.revision}:{relative.as_posix()}"

    def close(self) -> None:
        self.folder.cleanup()


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        # literal: a file's name is never read as a pathspec pattern (``[1].yaml``, ``:x``)
        completed = subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed: --base needs it") from None
    if completed.returncode != 0:
        lines = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"git {args[0]}: {lines[-1] if lines else 'failed'}")
    return completed.stdout


def checkout(revision: str, paths: list[Path]) -> Checkout:
    """The files under ``paths`` as they were at ``revision``, with the rest of the structures
    they belong to then (paths absent then are absent)."""
    # where each path is written, its last step not followed: a named link out of the repository
    # neither chooses the repository git runs in nor is read at the revision (it is X004 now, and
    # has no place in the revision's copy)
    written = [_as_written(path) for path in paths] or [real_path(Path.cwd())]
    anchor = written[0]
    folder = anchor if anchor.is_dir() and not anchor.is_symlink() else anchor.parent
    repository = Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip()).resolve()
    _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repository)
    result = Checkout(revision, tempfile.TemporaryDirectory(prefix="orglint-base-"), repository)
    try:
        (result.root / ".git").mkdir()  # the copy is its own project root: nothing above it is read
        named = []
        for path, where in zip(paths, written, strict=True):
            try:
                relative = where.relative_to(repository).as_posix()
            except ValueError:
                raise RevisionError(f"{path} is outside the git repository {repository}") from None
            if is_within(where, repository):  # a link leading out is left out (X004 in the working tree)
                named.append(relative)
        _Snapshot(revision, repository, result.root).fill(named)
    except BaseException:
        result.close()
        raise
    return result


def _as_written(path: Path) -> Path:
    """The absolute path of ``path``, links followed in its folders but not in its last step."""
    absolute = Path(os.path.abspath(path))
    return real_path(absolute.parent) / absolute.name if absolute.name else real_path(absolute)


def _is_below(path: str, folder: str) -> bool:
    return folder in ("", ".") or path == folder or path.startswith(f"{folder}/")


def _folder_of(path: str) -> str:
    """A listed file's folder, from the repository top ("" for the top itself)."""
    return path.rpartition("/")[0]


def _folders_up(path: str) -> list[str]:
    """The folders a file's roots are looked for in: its own and those above it, up to the
    repository top ("") or as far as the loader looks."""
    folders: list[str] = []
    folder = _folder_of(path)
    while len(folders) < MAX_FOLDERS_UP:
        folders.append(folder)
        if not folder:
            break
        folder = _folder_of(folder)
    return folders


def _matches(parts: tuple[str, ...], segments: tuple[str, ...]) -> bool:
    """Whether a path's parts match a pattern's segments. ``**`` written twice running is one, and
    each (part, segment) position is tried once: a hostile ``**/**/**/...`` costs parts x segments,
    not a number of tries growing with each ``**``."""
    folded = tuple(
        segment for index, segment in enumerate(segments) if not (segment == "**" and segments[index - 1 : index] == ("**",))
    )

    @functools.cache
    def matches_from(part: int, segment: int) -> bool:
        if segment == len(folded):
            return part == len(parts)
        head = folded[segment]
        if head == "**":
            if segment + 1 == len(folded):  # a final ** matches the files at any depth
                return part < len(parts)
            return any(matches_from(skipped, segment + 1) for skipped in range(part, len(parts) + 1))
        return part < len(parts) and fnmatch.fnmatch(parts[part], head) and matches_from(part + 1, segment + 1)

    return matches_from(0, 0)


def _split_pattern(folder: str, pattern: str) -> tuple[str, list[str]] | None:
    """An include pattern of a root in ``folder`` as the folder its fixed leading part names (from
    the repository top) and the segments left; None if it leaves the repository."""
    if is_absolute_pattern(pattern):
        return None
    segments = [segment for segment in pattern.replace(os.sep, "/").split("/") if segment not in ("", ".")]
    prefix = [part for part in folder.split("/") if part]
    while segments and not glob.has_magic(segments[0]):
        segment = segments.pop(0)
        if segment != "..":
            prefix.append(segment)
        elif prefix:
            prefix.pop()
        else:
            return None  # above the repository top: the loader reports it, and reads nothing there
    return "/".join(prefix), segments


def pattern_candidates(listing: Iterable[str], folder: str, pattern: str, links: Collection[str] = ()) -> set[str]:
    """The listed files (paths from the repository top) that an ``include:`` pattern of a root in
    ``folder`` may match: all that it matches, and perhaps a few more (hidden files; the loader
    then matches the pattern again, in the copy), with the ``links`` it may pass through or match
    (whose targets the copy follows). Nothing for a pattern that leaves the repository."""
    split = _split_pattern(folder, pattern)
    if split is None:
        return set()
    start, segments = split
    on_the_way = {link for link in links if _is_below(link, start) or _is_below(start, link)}
    if not segments:
        return {start} & set(listing) | on_the_way
    if ".." in segments:  # a folder matched and then left: rare enough to take everything
        return set(listing)
    offset = len(start.split("/")) if start else 0
    below = (path for path in listing if _is_below(path, start) and path != start)
    return {path for path in below if _matches(tuple(path.split("/"))[offset:], tuple(segments))} | on_the_way


class _Snapshot:
    """The revision's files chosen and copied, in the few rounds the choice needs."""

    def __init__(self, revision: str, repository: Path, target: Path) -> None:
        self.revision, self.repository, self.target = revision, repository, target
        # each entry "<mode> <type> <object>\t<path>"; a submodule (a commit) has no file to copy
        self.blobs: dict[str, tuple[bytes, bytes]] = {}
        for entry in _git(["ls-tree", "-r", "-z", "--full-tree", revision], repository).split(b"\0"):
            details, _, name = entry.partition(b"\t")
            if not name:
                continue  # the list ends with a NUL
            mode, kind, blob = details.split(b" ")
            if kind == b"blob":
                self.blobs[os.fsdecode(name)] = (mode, blob)
        self.listing = list(self.blobs)
        self.listed = set(self.listing)
        self._ordered = sorted(self.listing)  # a folder's files are one run of it, found by bisection
        self.links = {path for path, (mode, _) in self.blobs.items() if mode == SYMBOLIC_LINK_MODE}
        self.copied: set[str] = set()
        self.parsed: dict[str, YamlDocument | None] = {}

    def fill(self, named: list[str]) -> None:
        below = {name: self._below(name) for name in named}
        below_named = list(dict.fromkeys(path for paths in below.values() for path in paths))
        self._write(below_named)
        self.copied.update(below_named)
        self._copy_link_targets(below_named)
        folders_up = {folder for path in below_named for folder in _folders_up(path)}
        # the roots that may include a named file (the loader looks in the folders above it), and
        # the configuration files the loader and the rules read there
        beside = [
            path
            for path in self.listing
            if _folder_of(path) in folders_up
            and (PurePosixPath(path).suffix in YAML_SUFFIXES or PurePosixPath(path).name in CONFIG_FILES)
        ]
        # an organogram's other table (senior or junior) beside a named one
        table_folders = {_folder_of(path) for path in below_named if path.casefold().endswith(".csv")}
        tables = [path for path in self.listing if path.casefold().endswith(".csv") and _folder_of(path) in table_folders]
        self._copy([*beside, *tables])
        included: set[str] = set()
        for path in sorted({*below_named, *beside}):
            document = self._parsed(path)
            if document is not None and document.is_root:
                for _, pattern in include_patterns(document):
                    included |= pattern_candidates(self.listing, _folder_of(path), pattern, self.links)
        self._copy(sorted(included))
        self._copy_rulesets(sorted(self.copied))
        self._tie_links()

    def _tie_links(self) -> None:
        """Each copied link that, links followed, leads out of the copy (a chain of links each
        inside by its spelling: ``y -> .``, ``x -> y/..``) made to lead nowhere, as one leading out
        by its spelling is: the loader refuses them anyway, and the copy holds no way out."""
        copy = real_path(self.target)
        changed = True
        while changed:  # a link tied can only lead nowhere, so this ends
            changed = False
            for path in sorted(self.links & self.copied):
                link = self.target / path
                if link.is_symlink() and os.readlink(link) != NOWHERE and not real_path(link).is_relative_to(copy):
                    link.unlink()
                    os.symlink(NOWHERE, link)
                    changed = True

    def _below(self, name: str) -> list[str]:
        """The files of the revision that are ``name`` or lie below it (the whole tree for ``.``):
        looked up, so that naming hundreds of files in a large repository costs no scan each."""
        if name in ("", "."):
            return list(self._ordered)
        found = [name] if name in self.listed else []
        prefix = f"{name}/"
        index = bisect.bisect_left(self._ordered, prefix)
        while index < len(self._ordered) and self._ordered[index].startswith(prefix):
            found.append(self._ordered[index])
            index += 1
        return found

    def _parsed(self, path: str) -> YamlDocument | None:
        """A copied YAML file parsed, if it may be a root with includes or a ruleset path, or a
        ruleset (a large single-file structure is not parsed twice for nothing)."""
        if path not in self.parsed:
            self.parsed[path] = None
            copy = self.target / path
            if PurePosixPath(path).suffix in YAML_SUFFIXES and copy.is_file() and not leaves_its_project(copy):
                # all of it, a piece at a time: include: may come after any number of posts
                found = markers_in(copy, (b"orglint-ruleset:", *ROOT_MARKERS, b"ruleset:"))
                ruleset_path = b"ruleset:" in found and _names_a_path(found[b"ruleset:"])
                if b"orglint-ruleset:" in found or (b"organisation:" in found and (b"include:" in found or ruleset_path)):
                    self.parsed[path] = load_yaml(copy)
        return self.parsed[path]

    def _copy_rulesets(self, paths: list[str]) -> None:
        """The ruleset files the copied roots, configuration files and rulesets name by path,
        and those they extend, as they were at the revision."""
        todo = paths
        while todo:
            wanted: set[str] = set()
            for path in todo:
                for reference in self._ruleset_references(path):
                    if is_path_reference(reference):
                        resolved = posixpath.normpath(posixpath.join(_folder_of(path), reference.replace("\\", "/")))
                        if resolved in self.listed and resolved not in self.copied:
                            wanted.add(resolved)
            self._copy(sorted(wanted))
            todo = sorted(wanted)

    def _ruleset_references(self, path: str) -> list[str]:
        copy = self.target / path
        if PurePosixPath(path).name in CONFIG_FILES:
            if leaves_its_project(copy):
                return []  # the loader refuses it, unread
            try:
                document = tomllib.loads(copy.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                return []  # the loader reports it, when it reads it
            table = document.get("tool", {}).get("orglint", {}) if copy.name == "pyproject.toml" else document
            named = table.get("ruleset") if isinstance(table, dict) else None
        else:
            parsed = self._parsed(path)
            if parsed is None or not isinstance(parsed.root, YamlMap):
                return []
            organisation = parsed.root.get("organisation")
            if parsed.is_root and isinstance(organisation, YamlMap):
                named = organisation.get("ruleset")
            else:
                named = parsed.root.get("extends") if "orglint-ruleset" in parsed.root else None
        references = named if isinstance(named, list) else [named]  # a YamlSeq is a list
        return [reference for reference in references if isinstance(reference, str)]

    def _copy(self, paths: list[str]) -> None:
        wanted = [path for path in dict.fromkeys(paths) if path not in self.copied]
        if not wanted:
            return
        self._write(wanted)
        self.copied.update(wanted)
        self._copy_link_targets(wanted)

    def _copy_link_targets(self, paths: list[str]) -> None:
        """What the links among ``paths`` lead to inside the repository (a file, or a folder and
        all below it), as the loader follows links inside the project root."""
        targets: list[str] = []
        for path in paths:
            if path not in self.links:
                continue
            with contextlib.suppress(OSError):
                leads_to = os.readlink(self.target / path)
                resolved = posixpath.normpath(posixpath.join(_folder_of(path), leads_to))
                if not posixpath.isabs(leads_to) and resolved != ".." and not resolved.startswith("../"):
                    targets.extend(self._below(resolved))
        self._copy(targets)

    def _write(self, paths: list[str]) -> None:
        """The revision's files at ``paths`` written into the copy, streamed, a piece at a time, so
        a huge file in the history costs disk, as a checkout would, not memory (the loader then
        judges its size against ``max-file-size-mb`` as it judges the working tree's). Most come
        from one ``git cat-file --batch``, which prints each as "<object> blob <size>\n<bytes>\n";
        a file the repository's attributes give a ``filter`` (git LFS, say) is read through it,
        as a checkout reads it, so the copy holds the file and not its pointer."""
        wanted = [(path, *self.blobs[path]) for path in paths if path in self.blobs]
        filtered = self._filtered([path for path, mode, _ in wanted if mode != SYMBOLIC_LINK_MODE])
        for path, mode, _ in wanted:
            if path in filtered:
                self._write_filtered(path, mode)
        wanted = [entry for entry in wanted if entry[0] not in filtered]
        if not wanted:
            return
        # the objects asked for from a file, not a pipe: git's answers are read while it reads
        with tempfile.TemporaryFile() as asked:
            asked.write(b"".join(blob + b"\n" for _, _, blob in wanted))
            asked.seek(0)
            with _git_process(["cat-file", "--batch"], self.repository, asked) as git:
                answers = git.stdout
                assert answers is not None
                for path, mode, _ in wanted:
                    header = answers.readline().split(b" ")
                    if len(header) != 3:  # "<object> missing": a partial clone, say; the file is absent
                        continue
                    _place(self.target, path, mode, answers, int(header[2]))
                    answers.read(1)  # the line break after the bytes
        if git.returncode != 0:
            raise RevisionError("git cat-file: failed")

    def _filtered(self, paths: list[str]) -> set[str]:
        """Those of ``paths`` the repository's attributes give a ``filter`` (as ``git checkout`` reads them)."""
        if not paths:
            return set()
        with tempfile.TemporaryFile() as asked:
            asked.write(b"".join(os.fsencode(path) + b"\0" for path in paths))
            asked.seek(0)
            with _git_process(["check-attr", "-z", "--stdin", "filter"], self.repository, asked) as git:
                assert git.stdout is not None
                fields = git.stdout.read().split(b"\0")
        # "<path>\0filter\0<value>\0" for each path
        return {
            os.fsdecode(path)
            for path, value in zip(fields[0::3], fields[2::3], strict=False)
            if value not in (b"unspecified", b"unset")
        }

    def _write_filtered(self, path: str, mode: bytes) -> None:
        """A file read through its filter (``git cat-file --filters``), streamed into the copy."""
        with _git_process(["cat-file", "--filters", f"{self.revision}:{path}"], self.repository, None) as git:
            assert git.stdout is not None
            _place(self.target, path, mode, git.stdout, None)


def _git_process(args: list[str], repository: Path, given: IO[bytes] | None) -> subprocess.Popen[bytes]:
    """git running ``args`` in ``repository``, reading ``given``, its answers to be read as they come."""
    try:
        return subprocess.Popen(
            ["git", *args], cwd=repository, stdin=given or subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise RevisionError("git is not installed: --base needs it") from None


LINK_TARGET_LIMIT = 4096
"""The longest a link's target may be (the system's PATH_MAX): a longer "link" is left out."""
PIECE = 1 << 20
"""How much of a file is held at once while it is copied out of git."""


def _place(copy: Path, path: str, mode: bytes, answers: IO[bytes], size: int | None) -> None:
    """The ``size`` bytes next in ``answers`` (all that is left, for None) written as the file
    of the revision at ``path`` below ``copy``, or as a link made there, through real folders only:
    a path with an empty, ``.``, ``..`` or ``.git`` step, or one through a link or a file (which only
    a crafted tree holds), is left out (its bytes read and dropped). A link that leads out of the
    copy is kept, but leading nowhere, so the loader judges it as it judges the working tree's
    (X004, unread) and nothing outside is ever read through it."""
    destination = _destination(copy, path)
    if destination is None or (mode == SYMBOLIC_LINK_MODE and (size is None or size > LINK_TARGET_LIMIT)):
        _copy(answers, size, None)
        return
    try:
        if mode == SYMBOLIC_LINK_MODE:
            leads_to = os.fsdecode(answers.read(size or 0))
            resolved = posixpath.normpath(posixpath.join(_folder_of(path), leads_to))
            inside = not posixpath.isabs(leads_to) and resolved != ".." and not resolved.startswith("../")
            os.symlink(leads_to if inside else NOWHERE, destination)
            return
        handle = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except (FileExistsError, ValueError):  # the same path twice (a crafted tree); a NUL in a link
        if mode != SYMBOLIC_LINK_MODE:
            _copy(answers, size, None)
        return
    with os.fdopen(handle, "wb") as written:
        _copy(answers, size, written)


def _destination(copy: Path, path: str) -> Path | None:
    """Where ``path`` goes below ``copy``, its folders made; None where it may not go."""
    steps = path.split("/")
    if any(step in ("", ".", "..", ".git") for step in steps):
        return None
    folder = copy
    for step in steps[:-1]:
        folder = folder / step
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        if folder.is_symlink() or not folder.is_dir():
            return None
    return folder / steps[-1]


def _copy(answers: IO[bytes], size: int | None, into: IO[bytes] | None) -> None:
    """The next ``size`` bytes of ``answers`` (all of them, for None) written ``into`` a file (or
    dropped), a piece at a time."""
    left = size
    while left is None or left > 0:
        piece = answers.read(PIECE if left is None else min(left, PIECE))
        if not piece:
            if left is None:
                return
            raise RevisionError("git cat-file: its answer ended early")
        if into is not None:
            into.write(piece)
        if left is not None:
            left -= len(piece)


def _names_a_path(after: bytes) -> bool:
    """Whether what follows a file's ``ruleset:`` may name a ruleset file (a path), not only built-in names."""
    return bool(after) and re.search(rb"[/\\]|\.ya?ml\b", after) is not None
