"""Paths as they were at a git revision (``--base REV``), copied into a temporary folder with
``git archive``, so they can be linted like any files."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from orglint.errors import OrglintError
from orglint.load.source import real_path


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
        """Where ``path`` (in the working tree) is in the checkout."""
        return self.root / real_path(path).relative_to(self.repository)

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
        completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed: --base needs it") from None
    if completed.returncode != 0:
        lines = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"git {args[0]}: {lines[-1] if lines else 'failed'}")
    return completed.stdout


def checkout(revision: str, paths: list[Path]) -> Checkout:
    """The files under ``paths`` as they were at ``revision`` (paths absent then are absent)."""
    anchor = real_path(paths[0]) if paths else real_path(Path.cwd())
    folder = anchor if anchor.is_dir() else anchor.parent
    repository = Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip()).resolve()
    _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repository)
    result = Checkout(revision, tempfile.TemporaryDirectory(prefix="orglint-base-"), repository)
    relative = []
    for path in paths:
        try:
            relative.append(real_path(path).relative_to(repository).as_posix() or ".")
        except ValueError:
            result.close()
            raise RevisionError(f"{path} is outside the git repository {repository}") from None
    existing = [r for r in relative if _git(["ls-tree", "--name-only", revision, "--", r], repository).strip() or r == "."]
    if existing:
        archive = _git(["archive", "--format=tar", revision, "--", *existing], repository)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(result.root, filter="data")
    return result
