"""Shared helpers: lint text or files the way a user would, through the real pipeline."""

from __future__ import annotations

import functools
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from ruamel.yaml import YAML
from typer.testing import CliRunner

from orglint.cli import app

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_structures"

# CliRunner builds the click command from the app's signatures on every run: 15 ms, more than most
# runs themselves take, 1,200 times in the fast loop. The app does not change between tests. (A
# typer that no longer has this private name is only slower.)
if hasattr(typer.testing, "_get_command"):
    typer.testing._get_command = functools.cache(typer.testing._get_command)


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run in an empty working folder, so displayed paths are short and predictable."""
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in the repository, so displayed paths are the README's."""
    monkeypatch.chdir(REPO)
    return REPO


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run("check", "--output-format", "json", *args)
    assert "Traceback" not in out + err
    return code, json.loads(out)


def findings(*args: str) -> list[tuple[str, str | None, int]]:
    """(code, post, line) of every finding, in output order."""
    _, document = check_json(*args)
    return [(d["code"], d["post"], d["line"]) for d in document["diagnostics"]]


def git(folder: Path, *args: str) -> None:
    """A git command in ``folder``, as a test's own author (commits need a name)."""
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=Test", *args], cwd=folder, check=True, capture_output=True
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


STRUCTURE_HEAD = """orglint: 1
organisation: {name: Test District Council, type: district, ruleset: core}
posts:
"""


def raw(path: Path) -> dict[str, Any]:
    """A structure's files merged as plain data (read with ruamel.yaml, not orglint's loader), for
    tests that work out expected figures independently."""
    reader = YAML(typ="safe", pure=True)
    root = reader.load(path.read_text(encoding="utf-8"))
    files = [root] + [
        reader.load(included.read_text(encoding="utf-8"))
        for pattern in root.get("include", [])
        for included in sorted(path.parent.glob(pattern))
    ]
    return {
        "organisation": root.get("organisation"),
        "departments": [d for f in files for d in f.get("departments", [])],
        "posts": [p for f in files for p in f.get("posts", [])],
    }
