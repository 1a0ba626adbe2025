"""The project root, and the walks and ``include:`` patterns that never leave it (docs/security.md).

A linted repository may be hostile: its ``include:`` patterns, symbolic links and ruleset paths
must not make orglint read anything outside it. The *project root* of a file is the nearest
folder at or above it holding ``.git``, else the file's own folder. Containment is judged on
real paths (links followed), and a folder or file outside is never listed or opened.

Patterns are expanded here rather than by ``glob.glob``: the standard glob (and wcmatch's, with
links followed) descends into a link to ``.`` under ``**`` again and again, and two such links
make the walk exponential. Here every real folder is listed at most once per walk, whether the
walk is a folder given on the command line or a pattern's ``**``.
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


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link: a link to a folder is a folder
    except OSError:
        return False


class Perimeter:
    """Folders listed inside one project root, never outside it: what folder walks and include
    patterns both go through."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.outside: list[str] = []
        """What was asked about that lay outside the root (and so was not listed or opened)."""
        self._contents: dict[str, list[os.DirEntry[str]]] = {}
        self._real: dict[str, Path] = {}

    def real(self, path: str) -> Path:
        """``path`` with links followed, worked out once however often asked (a pattern's steps,
        its spellings, its files)."""
        found = self._real.get(path)
        if found is None:
            found = self._real[path] = real_path(path)
        return found

    def inside(self, path: str) -> bool:
        if self.real(path).is_relative_to(self.root):
            return True
        self.outside.append(path)
        return False

    def one_spelling_each(self, paths: list[str]) -> list[str]:
        """``paths`` without those that are, links followed, a path met before."""
        seen: set[Path] = set()
        kept = []
        for path in paths:
            real = self.real(path)
            if real not in seen:
                seen.add(real)
                kept.append(path)
        return kept

    def entries(self, folder: str) -> list[os.DirEntry[str]]:
        """A folder's entries by name, listed once however often asked."""
        if folder not in self._contents:
            try:
                with os.scandir(folder) as scan:
                    self._contents[folder] = sorted(scan, key=lambda entry: entry.name)
            except OSError:
                self._contents[folder] = []
        return self._contents[folder]

    def folders_below(self, folders: list[str], skipped: frozenset[str] = frozenset()) -> Iterator[str]:
        """Each of ``folders`` and every folder below them, depth first in name order, leaving out
        hidden folders and those named in ``skipped``. Links are followed inside the root, but each
        real folder is walked once, however many links lead to it: a loop ends."""
        walked: set[Path] = set()
        stack = list(reversed(folders))
        while stack:
            current = stack.pop()
            real = self.real(current)
            if real in walked or not real.is_relative_to(self.root):
                continue
            walked.add(real)
            yield current
            children = [
                entry.path
                for entry in self.entries(current)
                if not _is_hidden(entry.name) and entry.name not in skipped and is_folder(entry) and self.inside(entry.path)
            ]
            stack.extend(reversed(children))


@dataclass
class PatternMatches:
    """What an ``include:`` pattern matched inside the project root, and whether it led outside."""

    files: list[Path] = field(default_factory=list)
    """Real paths of the files matched, sorted."""
    leaves_root: bool = False
    """The pattern is absolute, or some folder or file it reached lies outside the root: that was
    neither listed nor opened."""
    led_outside: list[str] = field(default_factory=list)
    """The paths it reached that lie outside the root (links), as reached from its base."""


def is_absolute_pattern(pattern: str) -> bool:
    return os.path.isabs(pattern) or bool(os.path.splitdrive(pattern)[0])


def _step(perimeter: Perimeter, folders: list[str], segment: str) -> list[str]:
    """The paths one pattern segment leads to from each of ``folders``."""
    if segment == "**":
        return list(perimeter.folders_below(folders))
    if not glob.has_magic(segment):
        found = [os.path.join(folder, segment) for folder in folders]
        return [path for path in found if os.path.lexists(path) and perimeter.inside(path)]
    return [
        entry.path
        for folder in folders
        for entry in perimeter.entries(folder)
        if (segment.startswith(".") or not _is_hidden(entry.name))
        and fnmatch.fnmatch(entry.name, segment)
        and perimeter.inside(entry.path)
    ]


def match_pattern(base: Path, pattern: str, root: Path) -> PatternMatches:
    """The files a glob ``pattern`` (``*``, ``?``, ``[...]``, ``**`` for any folders) matches
    relative to ``base``, as ``glob.glob(recursive=True)`` would, but only inside ``root``; an
    absolute pattern matches nothing and leaves the root."""
    if is_absolute_pattern(pattern):
        return PatternMatches(leaves_root=True)
    perimeter = Perimeter(root)
    segments = [segment for segment in pattern.replace(os.sep, "/").split("/") if segment not in ("", ".")]
    current = [str(base)] if perimeter.inside(str(base)) else []
    for index, segment in enumerate(segments):
        if segment == "**" and index == len(segments) - 1:  # a final ** matches the files too
            current = [
                entry.path
                for folder in _step(perimeter, current, "**")
                for entry in perimeter.entries(folder)
                if not _is_hidden(entry.name) and perimeter.inside(entry.path)
            ]
        else:
            current = _step(perimeter, current, segment)
        # one spelling per real path: through a link loop (``a -> ..``) the spellings of one
        # folder multiply at each step, the folders do not
        current = perimeter.one_spelling_each(current)
        if not current:
            break
    files = sorted({perimeter.real(path) for path in current if os.path.isfile(path)})
    return PatternMatches(files, bool(perimeter.outside), perimeter.one_spelling_each(perimeter.outside))
