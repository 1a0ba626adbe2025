"""A write that fails (a full disk, a read-only folder or file system, no permission) is one line
naming the file and the operating system's reason, exit 2 (docs/command-line.md, exit codes), and
leaves no half-written file: not an internal error with a traceback hint."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from orglint.output_file import write_atomically

from .conftest import REPO, run, write
from .test_organogram import DATA

STRUCTURE = (REPO / "sample_structures" / "carlisle-2009" / "structure.yaml").read_text(encoding="utf-8")
TIER_WRONG = """\
orglint: 1
organisation: {name: "Example District Council", type: district, ruleset: core}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: AD, title: Director, reports_to: CE, tier: 3}
"""
SENIOR = "planning_inspectorate-2011-09-30-senior.csv"
FULL = os.strerror(errno.ENOSPC)


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def orglint(folder: Path, *args: str, stdout: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orglint", *args], cwd=folder, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300
    )


@pytest.fixture
def full_device(in_tmp: Path) -> Iterator[Path]:
    """A device that is always full, as /dev/full is. As root, a node of its own in the test's
    folder: should a regression rename over it, it is that node that is replaced, not the
    machine's /dev/full (which others cannot rename over)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    if os.geteuid() != 0:
        yield Path("/dev/full")
        return
    node = in_tmp / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        with node.open("wb") as probe:  # a container may forbid opening a device it did not make
            probe.write(b"")
    except OSError:
        pytest.skip("cannot make a full device here")
    yield node


@pytest.fixture
def workspace(in_tmp: Path) -> Path:
    write(in_tmp, "structure.yaml", STRUCTURE)
    write(in_tmp, "tier.yaml", TIER_WRONG)
    (in_tmp / SENIOR).write_bytes((DATA / SENIOR).read_bytes())
    (in_tmp / SENIOR.replace("senior", "junior")).write_bytes((DATA / SENIOR.replace("senior", "junior")).read_bytes())
    return in_tmp


STDOUT_COMMANDS = [
    ["check", "structure.yaml"],
    ["check", "structure.yaml", "--output-format", "json"],
    ["check", "--diff", "tier.yaml"],
    ["report", "structure.yaml"],
    ["tree", "structure.yaml"],
    ["rule", "S006"],
    ["schema"],
    ["--version"],
    ["--help"],
]


@pytest.mark.parametrize("command", STDOUT_COMMANDS, ids=[" ".join(command) for command in STDOUT_COMMANDS])
@pytest.mark.slow  # runs orglint as a process
def test_a_full_standard_output_is_one_line_naming_it(workspace: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:  # written into, never renamed over
        done = orglint(workspace, *command, stdout=full.fileno())
    assert (done.returncode, done.stderr) == (2, f"orglint: error: cannot write standard output: {FULL}\n")


@pytest.mark.slow  # runs orglint as a process
def test_output_files_on_a_full_device_are_one_line_naming_them(workspace: Path, full_device: Path) -> None:
    target = str(full_device)
    for command in (
        ["check", "structure.yaml", "-o", target, "--output-format", "sarif"],
        ["report", "structure.yaml", "-o", target],
        ["baseline", "write", target, "structure.yaml"],
        ["import", SENIOR, "-o", target, "--force"],
    ):
        done = orglint(workspace, *command)
        assert (done.returncode, done.stderr.splitlines()[-1]) == (2, f"orglint: error: cannot write {target}: {FULL}"), command
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert stat.S_ISCHR(full_device.stat().st_mode)


@pytest.fixture
def read_only(workspace: Path) -> Iterator[Path]:
    """A folder nobody may write in (the test's own user cannot, unless it is root)."""
    folder = workspace / "read-only"
    folder.mkdir()
    write(folder, "tier.yaml", TIER_WRONG)
    write(folder, "old.json", "the old output\n")
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def writing(into: str = "") -> list[tuple[list[str], str]]:
    """Each command that writes a file over one it did not read, with that file (in ``into``)."""
    return [
        (["check", "structure.yaml", "-o", f"{into}old.json", "--output-format", "json"], f"{into}old.json"),
        (["baseline", "write", f"{into}baseline.json", "structure.yaml"], f"{into}baseline.json"),
        (["import", SENIOR, "-o", f"{into}imported.yaml"], f"{into}imported.yaml"),
        (["check", "--fix", f"{into}tier.yaml"], f"{into}tier.yaml"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder (the simulated test below holds for it)")
def test_writing_into_a_read_only_folder_is_one_line_naming_the_file(workspace: Path, read_only: Path) -> None:
    denied = os.strerror(errno.EACCES)
    for command, target in (
        (["check", "structure.yaml", "-o", "read-only/new.json"], "read-only/new.json"),
        *writing("read-only/"),
    ):
        exit_code, _, err = run(*command)
        assert (exit_code, err) == (2, f"orglint: error: cannot write {target}: {denied}\n"), command
    assert (read_only / "old.json").read_text(encoding="utf-8") == "the old output\n"
    assert (read_only / "tier.yaml").read_text(encoding="utf-8") == TIER_WRONG
    assert sorted(path.name for path in read_only.iterdir()) == ["old.json", "tier.yaml"]


@pytest.mark.parametrize("reason", [errno.EROFS, errno.EACCES, errno.ENOSPC, errno.EDQUOT])
def test_a_file_system_that_refuses_the_write_is_one_line_and_changes_nothing(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, reason: int
) -> None:
    """Simulated, so that it holds for root too: the temporary file cannot be made, or cannot be
    renamed over the old one (the last step of every write)."""
    write(workspace, "old.json", "the old output\n")

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(reason, os.strerror(reason))

    for step in ((tempfile, "mkstemp"), (os, "replace")):
        with monkeypatch.context() as patched:
            patched.setattr(*step, refused)
            for command, target in writing():
                exit_code, _, err = run(*command)
                assert (exit_code, err) == (2, f"orglint: error: cannot write {target}: {os.strerror(reason)}\n"), command
    assert (workspace / "old.json").read_text(encoding="utf-8") == "the old output\n"
    assert (workspace / "tier.yaml").read_text(encoding="utf-8") == TIER_WRONG
    assert not (workspace / "baseline.json").exists() and not (workspace / "imported.yaml").exists()
    assert leftovers(workspace) == []


def test_fix_writes_the_files_it_can_and_says_which_it_could_not(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second of two files cannot be written: the first is fixed all the same, and said to be."""
    write(workspace, "other.yaml", TIER_WRONG.replace("Example District", "Other District"))
    real_replace = os.replace

    def refused_for_other(source: str, target: str | Path) -> None:
        if str(target).endswith("other.yaml"):
            raise OSError(errno.ENOSPC, FULL)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refused_for_other)
    exit_code, _, err = run("check", "--fix", "tier.yaml", "other.yaml")
    assert (exit_code, err) == (2, f"orglint: fixed 1 finding in 1 file\norglint: error: cannot write other.yaml: {FULL}\n")
    assert (workspace / "tier.yaml").read_text(encoding="utf-8") == TIER_WRONG.replace("tier: 3", "tier: 2")
    assert "tier: 3" in (workspace / "other.yaml").read_text(encoding="utf-8")
    assert leftovers(workspace) == []


def test_a_write_that_fails_halfway_leaves_the_old_file_whole(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(in_tmp, "out.txt", "the old output\n")
    real_fdopen = os.fdopen

    class FillsUp:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FillsUp:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def fileno(self) -> int:
            return self.handle.fileno()  # type: ignore[attr-defined]

        def write(self, content: bytes) -> int:
            self.handle.write(content[: len(content) // 2])  # type: ignore[attr-defined]
            self.handle.flush()  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, FULL)

    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: FillsUp(real_fdopen(fd, "wb")))
    from orglint.output_file import OutputFailed

    with pytest.raises(OutputFailed, match=f"cannot write {target}: {FULL}"):
        write_atomically(target, "the new output, longer than the old one\n")
    assert target.read_text(encoding="utf-8") == "the old output\n" and leftovers(in_tmp) == []
