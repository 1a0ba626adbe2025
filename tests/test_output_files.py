"""Writes never destroy what the user had (docs/security.md): no output over a file the run read, or over
any structure, ruleset or configuration, unless --force; the umask's permissions; a failed or
interrupted write leaves the old file whole and no temporary file."""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import REPO, run, write

CARLISLE = REPO / "sample_structures" / "carlisle-2009"
RULESET = "orglint-ruleset: 1\nname: local\nextends: [core]\n"


@pytest.fixture
def workspace(in_tmp: Path) -> Path:
    """A structure including a file, with its own ruleset and configuration, an organogram pair,
    a baseline, and an unrelated structure, ruleset and configuration nobody reads."""
    write(in_tmp, "structure.yaml", (CARLISLE / "structure.yaml").read_text(encoding="utf-8"))
    text = (in_tmp / "structure.yaml").read_text(encoding="utf-8").replace("ruleset: carlisle-2009", "ruleset: local.yaml")
    write(in_tmp, "structure.yaml", text.replace("\nposts:", "\ninclude: [extra/*.yaml]\nposts:", 1))
    write(in_tmp, "extra/more.yaml", "orglint: 1\nposts: []\n")
    write(in_tmp, "local.yaml", RULESET.replace("[core]", "[carlisle-2009]"))
    write(in_tmp, "orglint.toml", "exclude = ['other']\n")
    from .test_organogram import DATA

    for table in DATA.glob("planning_inspectorate-*.csv"):
        (in_tmp / table.name).write_bytes(table.read_bytes())
    assert run("baseline", "write", "baseline.json", "structure.yaml")[0] == 0
    write(in_tmp, "other/structure.yaml", "orglint: 1\norganisation: {name: Other}\nposts: []\n")
    write(in_tmp, "other/ruleset.yaml", RULESET)
    write(in_tmp, "other/pyproject.toml", "[project]\nname = 'unrelated'\n")
    return in_tmp


READ_BY_THE_RUN = [
    "structure.yaml",
    "extra/more.yaml",
    "local.yaml",
    "orglint.toml",
    "planning_inspectorate-2011-09-30-senior.csv",
    "planning_inspectorate-2011-09-30-junior.csv",
]
NEVER_REPLACED = ["other/structure.yaml", "other/ruleset.yaml", "other/pyproject.toml"]
SENIOR = "planning_inspectorate-2011-09-30-senior.csv"


STRUCTURE_FILES = {"structure.yaml", "extra/more.yaml", "local.yaml", "orglint.toml"}
TABLES = {SENIOR, SENIOR.replace("senior", "junior")}


def commands(target: str) -> list[tuple[list[str], set[str]]]:
    """Every command that writes a file, with what it reads."""
    return [
        (["check", "structure.yaml", SENIOR, "-o", target, "--output-format", "sarif"], STRUCTURE_FILES | TABLES),
        (["check", "structure.yaml", "--baseline", "baseline.json", "-o", target], {*STRUCTURE_FILES, "baseline.json"}),
        (["report", "structure.yaml", SENIOR, "--format", "markdown", "-o", target], STRUCTURE_FILES | TABLES),
        (["report", SENIOR, "--format", "html", "-o", target], {"orglint.toml", *TABLES}),
        (["diff", "structure.yaml", "structure.yaml", "--format", "json", "-o", target], STRUCTURE_FILES),
        (["baseline", "write", target, "structure.yaml", SENIOR], STRUCTURE_FILES | TABLES),
    ]


@pytest.mark.parametrize("target", [*READ_BY_THE_RUN, "baseline.json", *NEVER_REPLACED])
def test_no_output_over_what_was_read_or_over_orglint_files(workspace: Path, target: str) -> None:
    before = (workspace / target).read_bytes()
    # a baseline the run does not read may be rewritten (that is how one is updated), and a table
    # it does not read is an ordinary file
    chosen = [command for command, reads in commands(target) if target in reads or target in NEVER_REPLACED]
    assert chosen
    for command in chosen:
        exit_code, _, err = run(*command)
        assert exit_code == 2 and err.startswith(f"orglint: error: {target} is "), (command, err)
        assert "--force" in err and (workspace / target).read_bytes() == before
    exit_code, _, err = run("import", SENIOR, "-o", target)
    assert exit_code == 2 and target in err and (workspace / target).read_bytes() == before


@pytest.mark.parametrize("target", ["local.yaml", "other/pyproject.toml"])
def test_force_writes_anyway(workspace: Path, target: str) -> None:
    exit_code, _, _ = run("check", "structure.yaml", "-o", target, "--output-format", "json", "--force")
    assert exit_code in (0, 1) and (workspace / target).read_text(encoding="utf-8").startswith('{"orglint"')


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(workspace: Path) -> None:
    previous = os.umask(0o022)
    try:
        run("report", "structure.yaml", "-f", "markdown", "-o", "report.md")
        assert stat.S_IMODE((workspace / "report.md").stat().st_mode) == 0o644
        os.umask(0o077)
        run("report", "structure.yaml", "-f", "markdown", "-o", "private.md")
        assert stat.S_IMODE((workspace / "private.md").stat().st_mode) == 0o600
        (workspace / "report.md").chmod(0o640)
        os.umask(0o022)
        run("report", "structure.yaml", "-f", "html", "-o", "report.md")
        assert stat.S_IMODE((workspace / "report.md").stat().st_mode) == 0o640
    finally:
        os.umask(previous)


def test_a_link_at_the_output_path_is_replaced_not_followed(workspace: Path) -> None:
    (workspace / "elsewhere.txt").write_text("keep me\n", encoding="utf-8")
    os.symlink("elsewhere.txt", workspace / "report.md")
    assert run("report", "structure.yaml", "-f", "markdown", "-o", "report.md")[0] == 0
    assert not (workspace / "report.md").is_symlink()
    assert (workspace / "elsewhere.txt").read_text(encoding="utf-8") == "keep me\n"


def test_a_link_to_a_pipe_is_replaced_not_written_through(workspace: Path) -> None:
    """A repository's ``out.json`` leading to a pipe (or a device) elsewhere: the output replaces
    the link, and nothing reaches the pipe (with no reader, writing into it would block forever)."""
    os.mkfifo(workspace.parent / "pipe")
    os.symlink(workspace.parent / "pipe", workspace / "out.json")
    exit_code, _, _ = run("check", "structure.yaml", "-o", "out.json", "--output-format", "json")
    assert exit_code in (0, 1) and not (workspace / "out.json").is_symlink()
    assert (workspace / "out.json").read_text(encoding="utf-8").startswith('{"orglint"')
    assert stat.S_ISFIFO((workspace.parent / "pipe").stat().st_mode)


def test_a_link_to_a_folder_at_the_output_path_is_left_alone(workspace: Path) -> None:
    (workspace / "reports").mkdir()
    os.symlink("reports", workspace / "out")
    exit_code, _, err = run("check", "structure.yaml", "-o", "out")
    assert exit_code == 2 and "cannot write out: Is a directory" in err
    assert (workspace / "out").is_symlink() and list((workspace / "reports").iterdir()) == []


def test_a_full_disk_is_one_line_naming_the_file(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a full disk simulated, not /dev/full: as root, a regression that renamed over the output
    # would replace the machine's /dev/full with a file
    real_fdopen = os.fdopen

    class FullDisk(io.TextIOWrapper):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: FullDisk(real_fdopen(fd, "wb"), encoding="utf-8"))
    (workspace / "report.md").write_text("the old report\n", encoding="utf-8")
    exit_code, _, err = run("report", "structure.yaml", "-o", "report.md")
    assert (exit_code, err) == (2, "orglint: error: cannot write report.md: No space left on device\n")
    assert (workspace / "report.md").read_text(encoding="utf-8") == "the old report\n"
    assert [path.name for path in workspace.iterdir() if path.name.endswith(".tmp")] == []
    exit_code, _, err = run("check", "structure.yaml", "-o", "out.json", "--verbose")
    assert exit_code == 2 and "Traceback" in err and err.endswith("No space left on device\n")
    monkeypatch.undo()
    exit_code, _, err = run("report", "structure.yaml", "-o", "missing-folder/report.txt")
    assert exit_code == 2 and err == "orglint: error: cannot write missing-folder/report.txt: No such file or directory\n"


_INTERRUPTED_WRITE = textwrap.dedent(
    """
    import io, os, signal, sys
    from orglint import cli

    arriving = getattr(signal, sys.argv[1])
    # as a terminal's Ctrl-C: a process started in the background of a script inherits SIGINT ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)

    class Interrupted(io.BufferedWriter):
        def write(self, data):
            os.kill(os.getpid(), arriving)  # halfway through the file
            return super().write(data)

    os.fdopen = lambda fd, *args, **kwargs: Interrupted(io.FileIO(fd, "wb"))
    sys.argv = ["orglint", *sys.argv[2:]]
    cli.main()
    """
)


@pytest.mark.slow  # signals a running process
@pytest.mark.parametrize(("signal_name", "exit_code"), [("SIGTERM", 128 + signal.SIGTERM), ("SIGINT", 128 + signal.SIGINT)])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(
    workspace: Path, signal_name: str, exit_code: int
) -> None:
    (workspace / "report.md").write_text("the old report\n", encoding="utf-8")
    command = ["report", "structure.yaml", "-f", "markdown", "-o", "report.md"]
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_WRITE, signal_name, *command], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == exit_code, done.stderr
    assert (workspace / "report.md").read_text(encoding="utf-8") == "the old report\n"
    assert [path.name for path in workspace.iterdir() if path.name.endswith(".tmp")] == []


def test_a_pipe_or_device_is_written_into_never_renamed_over(workspace: Path) -> None:
    import threading

    os.mkfifo(workspace / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((workspace / "pipe").read_bytes()))
    reader.start()
    exit_code, _, _ = run("check", "structure.yaml", "-o", "pipe", "--output-format", "json")
    reader.join(timeout=60)
    assert exit_code in (0, 1) and received and received[0].startswith(b'{"orglint"')
    assert stat.S_ISFIFO((workspace / "pipe").stat().st_mode)
