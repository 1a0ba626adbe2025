"""Include patterns are expanded as ``glob.glob(recursive=True)`` expands them, but inside the
project root only, each real folder walked once per ``**``."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from orglint.load.perimeter import match_pattern
from orglint.load.source import real_path

from .conftest import write

TREE = [
    "root.yaml",
    "a.yaml",
    ".hidden.yaml",
    "teams/t1.yaml",
    "teams/t2.yml",
    "teams/deep/t3.yaml",
    "teams/deep/teams/t4.yaml",
    "teams/.secret/t5.yaml",
    "other/teams/t6.yaml",
    "other/x[1].yaml",
    "notes.txt",
]
PATTERNS = [
    "*.yaml",
    "*",
    "**",
    "**/*.yaml",
    "**/*.y*ml",
    "teams/*.yaml",
    "teams/**/*.yaml",
    "**/teams/*.yaml",
    "**/teams/**/*.yaml",
    "**/deep/**",
    "*/t?.yaml",
    "other/x[[]1].yaml",
    ".*.yaml",
    "teams/.secret/*.yaml",
    "./teams/../a.yaml",
    "teams//t1.yaml",
    "missing/**/*.yaml",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_patterns_match_what_glob_matches(tmp_path: Path, pattern: str) -> None:
    for name in TREE:
        write(tmp_path, name, "x\n")
    expected = sorted(
        {
            real_path(hit)
            for hit in glob.glob(os.path.join(glob.escape(str(tmp_path)), pattern), recursive=True)
            if os.path.isfile(hit)
        }
    )
    found = match_pattern(tmp_path, pattern, real_path(tmp_path))
    assert (found.files, found.leaves_root) == (expected, False)


def test_links_inside_are_followed_once_and_links_out_are_not(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root, "teams/t1.yaml", "x\n")
    write(tmp_path, "outside/secret.yaml", "x\n")
    os.symlink(".", root / "loop")
    os.symlink("teams", root / "alias")
    os.symlink("../outside", root / "out")
    inside = match_pattern(root, "alias/*.yaml", real_path(root))
    assert (inside.files, inside.leaves_root) == ([real_path(root / "teams/t1.yaml")], False)
    everything = match_pattern(root, "**/*.yaml", real_path(root))
    assert (everything.files, everything.leaves_root) == ([real_path(root / "teams/t1.yaml")], True)
