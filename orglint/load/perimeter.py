"""The project root, and the walks and ``include:`` patterns that never leave it (SPEC §10).

A linted repository may be hostile: its ``include:`` patterns, symbolic links and ruleset paths
must not make orglint read anything outside it. The *project root* of a file is the nearest
folder at or above it holding ``.git``, else the file's own folder. Containment is judged on
real paths (links followed), and a folder or file outside is never listed or opened.

Patterns are expanded here rather than by ``glob.glob``: the standard glob (and wcmatch's, with
links followed) descends into a link to ``.`` under ``**`` again and again, and two such links
make the walk exponential. Here every real folder is listed at most once per pattern.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from orglint.load.source import real_path


@cache
def _root_of_folder(folder: str) -> str:
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return folder
        current = parent


def project_root(path: Path) -> Path:
    """The real path of the project root of a file (or of a folder: itself counts as "its folder").

    The folders are climbed as the path is written (a link is not followed to look for ``.git``
    elsewhere), so a link inside a repository to a file outside it is judged by the repository."""
    absolute = os.path.abspath(path)
    folder = absolute if os.path.isdir(absolute) and not os.path.islink(absolute) else os.path.dirname(absolute)
    return real_path(_root_of_folder(folder))


def is_within(path: Path | str, root: Path) -> bool:
    """Whether ``path``, links followed, is ``root`` or lies below it (``root`` a real path)."""
    return real_path(path).is_relative_to(root)


def leaves_its_project(path: Path) -> bool:
    """A file (or a link) whose real path lies outside its own project root."""
    return not is_within(path, project_root(path))


def is_absolute_pattern(pattern: str) -> bool:
    return os.path.isabs(pattern) or bool(os.path.splitdrive(pattern)[0])


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


@dataclass
class PatternMatches:
    """What an ``include:`` pattern matched inside the project root, and whether it led outside."""

    files: list[Path] = field(default_factory=list)
    """Real paths of the files matched, sorted."""
    leaves_root: bool = False
    """Some folder or file the pattern reached lies outside the root: it was neither listed nor opened."""


class _Expansion:
    """One pattern expanded segment by segment from a folder, never outside ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.leaves_root = False
        self.contents: dict[str, list[os.DirEntry[str]]] = {}
        """Each folder's entries, listed once however many segments look at it."""

    def inside(self, path: str) -> bool:
        if is_within(path, self.root):
            return True
        self.leaves_root = True
        return False

    def entries(self, folder: str) -> list[os.DirEntry[str]]:
        if folder not in self.contents:
            try:
                with os.scandir(folder) as scan:
                    self.contents[folder] = sorted(scan, key=lambda entry: entry.name)
            except OSError:
                self.contents[folder] = []
        return self.contents[folder]

    def folders_below(self, folders: list[str]) -> Iterator[str]:
        """Each of ``folders`` and every folder below them (not hidden ones), links followed inside
        the root. Each real folder is walked once, however many links lead to it: a loop ends."""
        walked: set[Path] = set()
        stack = list(reversed(folders))
        while stack:
            current = stack.pop()
            real = real_path(current)
            if real in walked:
                continue
            walked.add(real)
            yield current
            children = [
                entry.path
                for entry in self.entries(current)
                if not _is_hidden(entry.name) and _is_folder(entry) and self.inside(entry.path)
            ]
            stack.extend(reversed(children))

    def step(self, folders: list[str], segment: str) -> list[str]:
        """The paths one pattern segment leads to from each of ``folders``."""
        if segment == "**":
            return list(self.folders_below(folders))
        if not glob.has_magic(segment):
            found = [os.path.join(folder, segment) for folder in folders]
            return [path for path in found if os.path.lexists(path) and self.inside(path)]
        return [
            entry.path
            for folder in folders
            for entry in self.entries(folder)
            if (segment.startswith(".") or not _is_hidden(entry.name))
            and fnmatch.fnmatch(entry.name, segment)
            and self.inside(entry.path)
        ]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link: a link to a folder is a folder
    except OSError:
        return False


def match_pattern(base: Path, pattern: str, root: Path) -> PatternMatches:
    """The files a relative glob ``pattern`` (``*``, ``?``, ``[...]``, ``**`` for any folders)
    matches below ``base``, as ``glob.glob(recursive=True)`` would, but only inside ``root``."""
    expansion = _Expansion(root)
    segments = [segment for segment in pattern.replace(os.sep, "/").split("/") if segment not in ("", ".")]
    current = [str(base)] if expansion.inside(str(base)) else []
    for index, segment in enumerate(segments):
        if segment == "**" and index == len(segments) - 1:  # a final ** matches the files too
            current = [
                entry.path
                for folder in expansion.step(current, "**")
                for entry in expansion.entries(folder)
                if not _is_hidden(entry.name) and expansion.inside(entry.path)
            ]
        else:
            current = expansion.step(current, segment)
        if not current:
            break
    files = sorted({real_path(path) for path in current if os.path.isfile(path)})
    return PatternMatches(files, expansion.leaves_root)
