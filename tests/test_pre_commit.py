"""The real pre-commit runs this repository's hook on a repository of structure files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, STRUCTURE_HEAD, check_json, git, write

pytestmark = pytest.mark.slow  # runs pre-commit, which builds its own environment

CLEAN = STRUCTURE_HEAD.replace("posts:\n", "include: [teams/*.yaml]\nposts:\n") + (
    "  - {id: CE, title: Chief Executive, tier: 1}\n"
    "  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n  - {id: AD2, title: AD, reports_to: CE, tier: 2}\n"
    "  - {id: AD3, title: AD, reports_to: CE, tier: 2}\n"
)
TEAM = "orglint: 1\nposts:\n  - {id: H1, title: Head, reports_to: AD1, tier: 3}\n  - {id: H2, title: Head, reports_to: AD1, tier: 3}\n  - {id: H3, title: Head, reports_to: AD1, tier: 3}\n"


def _pre_commit(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"
    environment = {**os.environ, "PRE_COMMIT_HOME": str(folder.parent / "pre-commit-home")}
    return subprocess.run(
        [pre_commit, "try-repo", str(REPO), "orglint", *args], cwd=folder, capture_output=True, text=True, env=environment
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_passes_a_clean_structure_and_fails_a_broken_one(tmp_path: Path) -> None:
    project = tmp_path / "structures"
    project.mkdir()
    git(project, "init", "-q")
    write(project, "council.yaml", CLEAN)
    write(project, "teams/a.yaml", TEAM)
    write(project, "notes.yaml", "not: a structure\n")
    git(project, "add", ".")
    passed = _pre_commit(project, "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "orglint" in passed.stdout and "Passed" in passed.stdout

    write(
        project, "teams/a.yaml", TEAM.replace("reports_to: AD1, tier: 3}\n  - {id: H2", "reports_to: ADX, tier: 3}\n  - {id: H2")
    )
    git(project, "add", ".")
    failed = _pre_commit(project, "--files", "teams/a.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "teams/a.yaml:3:" in failed.stdout and "S002" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def test_only_the_named_included_files_findings_are_reported(in_tmp: Path) -> None:
    write(in_tmp, "council.yaml", CLEAN.replace("tier: 2}\n", "tier: 5}\n", 1))  # a finding in the root
    write(in_tmp, "teams/a.yaml", TEAM.replace("AD1, tier: 3}\n  - {id: H2", "ADX, tier: 3}\n  - {id: H2"))
    _, document = check_json("teams/a.yaml")
    assert {d["file"] for d in document["diagnostics"]} == {str(Path("teams/a.yaml"))}
    _, document = check_json("council.yaml")
    assert {d["file"] for d in document["diagnostics"]} == {"council.yaml", str(Path("teams/a.yaml"))}
