"""A linted repository is hostile (docs/security.md): nothing it contains makes orglint read outside its
project root, hang on a link loop, or run the repository's code.

Each test builds a repository (a folder holding ``.git``) with a secret file beside it, outside,
and watches every file opened and every folder listed through an audit hook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from orglint.config import forget_read_files

from .conftest import STRUCTURE_HEAD, run, write

SECRET = "TOP-SECRET-hunter2"
ROOT_HEAD = "orglint: 1\norganisation: {name: Test District Council, type: district, ruleset: core}\n"
POSTS = "posts:\n  - {id: CE, title: Chief Executive, tier: 1}\n"

_watchers: list[list[str]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _watchers and event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _watchers[-1].append(os.path.realpath(os.fsdecode(args[0])))  # type: ignore[arg-type]


sys.addaudithook(_audit)  # audit hooks cannot be removed: one for the session, idle unless watching


@pytest.fixture
def touched() -> Iterator[list[str]]:
    """Every path opened or listed while the test runs (real paths)."""
    paths: list[str] = []
    _watchers.append(paths)
    yield paths
    _watchers.remove(paths)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp/repo`` (a git work tree, the working folder) and ``tmp/outside`` holding a secret
    structure, a secret ruleset and a secret folder."""
    outside = tmp_path / "outside"
    write(outside, "secret.yaml", f"orglint: 1\nposts:\n  - {{id: LEAK, title: {SECRET}, reports_to: CE}}\n")
    write(outside, "ruleset.yaml", f"orglint-ruleset: 1\nname: {SECRET}\n")
    write(outside, "folder/more.yaml", f"orglint: 1\nposts:\n  - {{id: LEAK2, title: {SECRET}}}\n")
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    monkeypatch.chdir(repository)
    return repository


def never_outside(touched: list[str], repository: Path) -> None:
    outside = os.path.realpath(repository.parent / "outside")
    assert not [path for path in touched if path == outside or path.startswith(outside + os.sep)]


def lint_json(*args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code, out, err = run("check", "--output-format", "json", *args)
    assert "Traceback" not in out + err
    return code, json.loads(out), out + err


@pytest.mark.parametrize(
    "pattern",
    [
        "{outside}/*.yaml",
        "../outside/*.yaml",
        "org/../../outside/secret.yaml",
        "linked.yaml",
        "linked-folder/*.yaml",
        "**/*.yaml",
    ],
)
def test_an_include_that_leads_outside_is_x004_and_never_read(repo: Path, touched: list[str], pattern: str) -> None:
    os.symlink("../outside/secret.yaml", repo / "linked.yaml")  # a link in the repository to a file outside
    os.symlink("../outside/folder", repo / "linked-folder")
    (repo / "org").mkdir()
    pattern = pattern.format(outside=repo.parent / "outside")
    write(repo, "structure.yaml", f"{ROOT_HEAD}include:\n  - {pattern!r}\n{POSTS}")
    code, document, everything = lint_json("structure.yaml")
    x004 = [d for d in document["diagnostics"] if d["code"] == "X004" and d["file"] == "structure.yaml"]
    assert [(d["line"], d["column"]) for d in x004] == [(4, 5)], document["diagnostics"]
    assert code == 1 and document["summary"]["posts"] == 1  # nothing merged
    assert SECRET not in everything
    never_outside(touched, repo)


def test_x004_cannot_be_suppressed_or_ignored(repo: Path) -> None:
    write(repo, "structure.yaml", f"{ROOT_HEAD}include:\n  - /etc/*.yaml   # orglint: ignore[X004] -- please\n{POSTS}")
    _, document, _ = lint_json("structure.yaml", "--ignore", "X004")
    assert "X004" in [d["code"] for d in document["diagnostics"]] and document["summary"]["suppressed"] == 0


def test_an_include_inside_the_root_through_a_link_or_dot_dot_is_followed(repo: Path, touched: list[str]) -> None:
    write(repo, "common/teams.yaml", "orglint: 1\nposts:\n  - {id: T1, title: Team, reports_to: CE, tier: 2}\n")
    (repo / "org").mkdir()
    os.symlink("../common", repo / "org" / "teams")
    write(repo, "org/structure.yaml", f"{ROOT_HEAD}include: ['**/*.yaml', '../common/*.yaml']\n{POSTS}")
    _, document, _ = lint_json("org/structure.yaml", "--select", "X")
    assert document["diagnostics"] == [] and document["summary"]["posts"] == 2  # T1 once, reached two ways
    never_outside(touched, repo)


@pytest.mark.slow  # walks a link loop to its limit
def test_a_symlink_loop_under_a_double_star_does_not_hang(repo: Path, touched: list[str]) -> None:
    write(repo, "org/structure.yaml", f"{ROOT_HEAD}include: ['**/*.yaml']\n{POSTS}")
    write(repo, "org/finance.yaml", "orglint: 1\nposts:\n  - {id: F1, title: Finance, reports_to: CE, tier: 2}\n")
    for name in ("a", "b", "c"):  # three links to '.': glob.glob would walk 3^40 paths
        os.symlink(".", repo / "org" / name)
    os.symlink("..", repo / "org" / "up")
    for command in (["check", "."], ["check", "--only-structures", "org/finance.yaml"], ["report", "org"], ["tree", "org"]):
        done = subprocess.run([sys.executable, "-m", "orglint", *command], capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (command, done.stderr)
    touched.clear()
    _, document, _ = lint_json(".")
    assert document["summary"]["posts"] == 2
    listed = [path for path in touched if os.path.isdir(path) and path.startswith(str(repo))]
    # however many links lead to it, each real folder is listed once by the folder walk, once by
    # the search for the root including finance.yaml, and once by the include's **
    assert {path: listed.count(path) for path in listed} == {str(repo): 3, str(repo / "org"): 3}


def test_a_pattern_through_a_link_loop_lists_each_real_folder_once(repo: Path, touched: list[str]) -> None:
    """``m/*/a/*/a/...`` where each ``m/N/a`` leads back to ``m``: the spellings of a folder grow
    tenfold at each step, the folders do not (it once took minutes and gigabytes at six steps)."""
    for number in range(10):
        (repo / "m" / str(number)).mkdir(parents=True)
        os.symlink("..", repo / "m" / str(number) / "a")
    write(repo, "m/0/team.yaml", "orglint: 1\nposts:\n  - {id: T1, title: Team, reports_to: CE, tier: 2}\n")
    write(repo, "structure.yaml", f"{ROOT_HEAD}include: ['m/*/a/*/a/*/a/*/a/*/*.yaml']\n{POSTS}")
    touched.clear()
    _, document, _ = lint_json("structure.yaml", "--select", "X")
    assert document["diagnostics"] == [] and document["summary"]["posts"] == 2
    listed = [path for path in touched if os.path.isdir(path)]
    assert len(listed) <= 2 * 11, len(listed)  # m and its ten folders, by the pattern and the walk's search


@pytest.mark.parametrize("target", ["../outside/secret.yaml", "/dev/zero", "fifo"])
def test_a_link_out_shows_nothing_of_what_it_leads_to(repo: Path, touched: list[str], target: str) -> None:
    """The full format's code frame reads no file the run did not: a link to a secret, a device or
    a pipe outside is its X004, unread, in every place a path may come from."""
    if target == "fifo":
        os.mkfifo(repo.parent / "outside" / "fifo")
        target = "../outside/fifo"
    os.symlink(target, repo / "leak.yaml")
    for args in (["leak.yaml"], ["."], ["--only-structures", "leak.yaml"]):
        code, out, err = run("check", *args)
        assert code == 1 and "X004" in out and SECRET not in out + err and out.count("\n 1 │") == 0, out
    never_outside(touched, repo)


@pytest.mark.parametrize("name", ["pipe.csv", "pipe.yaml", "pipe.xlsx"])
@pytest.mark.slow  # runs orglint as a process
def test_a_pipe_in_the_repository_is_never_waited_on(repo: Path, name: str) -> None:
    """A named pipe with no writer: opening it to read would wait for ever (a fresh process, with a
    timeout, so that a regression fails rather than hangs the suite)."""
    os.mkfifo(repo / name)
    write(repo, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    for args in (["."], [name]):
        done = subprocess.run(
            [sys.executable, "-m", "orglint", "check", *args], cwd=repo, capture_output=True, text=True, timeout=60
        )
        assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, done.stderr


def test_a_named_folder_that_is_a_link_out_is_one_x004_and_never_listed(repo: Path, touched: list[str]) -> None:
    os.symlink("../outside/folder", repo / "structures")
    code, document, everything = lint_json("structures")
    assert code == 1 and [(d["code"], d["file"]) for d in document["diagnostics"]] == [("X004", "structures")]
    assert "a link to a folder outside the project root" in document["diagnostics"][0]["message"]
    assert "more.yaml" not in everything and SECRET not in everything
    never_outside(touched, repo)


def test_a_folder_walk_does_not_follow_links_out_of_the_repository(repo: Path, touched: list[str]) -> None:
    write(repo, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    os.symlink("../outside/secret.yaml", repo / "secret.yaml")
    os.symlink("../outside/folder", repo / "more")
    os.symlink(str(repo.parent / "outside"), repo / "everything")
    code, document, everything = lint_json(".")
    assert code == 1
    assert [(d["code"], d["file"], d["line"]) for d in document["diagnostics"]] == [("X004", "secret.yaml", 1)]
    assert SECRET not in everything
    never_outside(touched, repo)
    _, document, everything = lint_json("secret.yaml")  # named, as pre-commit names changed files
    assert [d["code"] for d in document["diagnostics"]] == ["X004"] and SECRET not in everything


@pytest.mark.parametrize("named", [".", "structure.yaml"])
def test_a_link_out_that_an_include_meets_is_one_finding_at_the_pattern(repo: Path, touched: list[str], named: str) -> None:
    """Whether the folder or the root is named: one mistake, one X004, at the pattern that meets
    the link, naming it (the link's own X004 would say the same again). Named alone, the link is
    its own X004, unread."""
    write(repo, "structure.yaml", f"{ROOT_HEAD}include: [departments/*.yaml]\n{POSTS}")
    write(repo, "departments/place.yaml", "orglint: 1\nposts: []\n")
    os.symlink("../../outside/secret.yaml", repo / "departments/secret.yaml")
    _, document, everything = lint_json(named)
    ((code, file, message),) = [(d["code"], d["file"], d["message"]) for d in document["diagnostics"] if d["code"] == "X004"]
    assert (code, file) == ("X004", "structure.yaml") and "through 'departments/secret.yaml'" in message
    assert SECRET not in everything
    never_outside(touched, repo)


def test_a_file_beside_many_named_ones_is_looked_at_once_for_include(repo: Path, touched: list[str]) -> None:
    """pre-commit names each changed department file: the search for their root reads each other
    YAML file of their folders once (it may be large, and it is read whole), not once a file named."""
    write(repo, "structure.yaml", f"{ROOT_HEAD}include: [departments/*.yaml]\n{POSTS}")
    write(repo, "big.yaml", "notes: |\n" + "  a line of notes\n" * 20_000)
    names = [f"departments/d{number}.yaml" for number in range(20)]
    for name in names:
        write(repo, name, "orglint: 1\nposts: []\n")
    touched.clear()
    lint_json(*names)
    assert touched.count(str(repo / "big.yaml")) == 1


def test_a_link_out_met_through_a_loop_is_named_once(repo: Path) -> None:
    """`departments/loop -> .`: the pattern meets the one link out under two spellings; it is one link."""
    write(repo, "structure.yaml", f"{ROOT_HEAD}include: ['departments/*/*.yaml', 'departments/*.yaml']\n{POSTS}")
    write(repo, "departments/place.yaml", "orglint: 1\nposts: []\n")
    os.symlink(".", repo / "departments/loop")
    os.symlink("../../outside/secret.yaml", repo / "departments/secret.yaml")
    _, document, _ = lint_json("structure.yaml")
    messages = [d["message"] for d in document["diagnostics"] if d["code"] == "X004"]
    assert messages and all("more" not in message for message in messages), messages


def _organogram_with_a_table_linked_out(repo: Path, inside: str) -> tuple[str, str]:
    """A real organogram's ``inside`` table ("senior" or "junior") in the repository, and its other
    table outside it, linked in beside it: the two names in the repository."""
    from .test_organogram import DATA

    other = "junior" if inside == "senior" else "senior"
    table = next(DATA.glob(f"planning_inspectorate-*-{inside}.csv"))
    (repo / table.name).write_bytes(table.read_bytes())
    linked = repo.parent / "outside" / table.name.replace(inside, other)
    linked.write_bytes(next(DATA.glob(f"planning_inspectorate-*-{other}.csv")).read_bytes())
    os.symlink(linked, repo / linked.name)
    return table.name, linked.name


def test_a_junior_table_linked_from_outside_is_not_read(repo: Path, touched: list[str]) -> None:
    senior, junior = _organogram_with_a_table_linked_out(repo, "senior")
    for named in (senior, "."):  # the senior table named (as pre-commit names it), or a walk
        touched.clear()
        _, document, _ = lint_json(named)
        never_outside(touched, repo)
        assert [d["file"] for d in document["diagnostics"] if d["code"] == "X004"] == [junior]  # said, once


def test_a_junior_table_whose_senior_table_links_out_is_one_x004_at_the_link(repo: Path, touched: list[str]) -> None:
    junior, senior = _organogram_with_a_table_linked_out(repo, "junior")
    for named in ([junior], [senior, junior], ["."]):
        touched.clear()
        _, document, _ = lint_json(*named)
        never_outside(touched, repo)
        assert [(d["code"], d["file"]) for d in document["diagnostics"]] == [("X004", senior)], named


def test_a_structure_declared_ruleset_path_may_not_leave_the_repository(repo: Path, touched: list[str]) -> None:
    write(repo, "org/structure.yaml", ROOT_HEAD.replace("ruleset: core", "ruleset: ../../outside/ruleset.yaml") + POSTS)
    code, out, err = run("check", "org/structure.yaml")
    assert code == 2 and err.startswith("orglint: error: org/structure.yaml:2:")
    assert "'../../outside/ruleset.yaml' leads outside the project root" in err and SECRET not in out + err
    never_outside(touched, repo)


def test_a_repository_ruleset_may_not_extend_one_outside(repo: Path, touched: list[str]) -> None:
    write(repo, "rules/local.yaml", "orglint-ruleset: 1\nname: local\nextends: [core, ../../outside/ruleset.yaml]\n")
    write(repo, "structure.yaml", ROOT_HEAD.replace("ruleset: core", "ruleset: rules/local.yaml") + POSTS)
    for command in (["check", "structure.yaml"], ["check", "structure.yaml", "--ruleset", "rules/local.yaml"]):
        code, out, err = run(*command)
        assert code == 2 and err.startswith("orglint: error: rules/local.yaml:3:"), err
        assert SECRET not in out + err
    never_outside(touched, repo)


def test_a_repository_configuration_may_not_name_a_ruleset_outside(repo: Path, touched: list[str]) -> None:
    write(repo, "pyproject.toml", '[tool.orglint]\nruleset = "../outside/ruleset.yaml"\n')
    write(repo, "plain.yaml", "orglint: 1\norganisation: {name: Plain}\n" + POSTS)
    code, out, err = run("check", "plain.yaml")
    assert code == 2 and "leads outside the project root" in err and SECRET not in out + err
    never_outside(touched, repo)


def test_without_git_a_configuration_above_the_structure_names_nothing_above_itself(
    repo: Path, touched: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout without ``.git`` (a tarball): the root file's folder is the project root, and the
    configuration the search finds above it is the repository's all the same, so what it names,
    and what that extends, stays inside the configuration's own folder."""
    (repo / ".git").rmdir()
    write(repo, "rules/ours.yaml", "orglint-ruleset: 1\nname: ours\nextends: [../../outside/ruleset.yaml]\n")
    write(repo, "sub/plain.yaml", "orglint: 1\norganisation: {name: Plain}\n" + POSTS)
    for named, refused in (("../outside/ruleset.yaml", "'../outside/ruleset.yaml'"), ("rules/ours.yaml", "'../../outside")):
        write(repo, "pyproject.toml", f'[tool.orglint]\nruleset = "{named}"\n')
        forget_read_files()  # the run is in this process: its configuration is read again
        code, out, err = run("check", "sub/plain.yaml")
        assert code == 2 and "leads outside the project root" in err and refused in err and SECRET not in out + err, err
    write(repo, "rules/ours.yaml", "orglint-ruleset: 1\nname: ours\nextends: [core]\n")
    forget_read_files()
    assert run("check", "sub/plain.yaml")[0] in (0, 1)  # inside its folder, a ruleset file is read
    never_outside(touched, repo)


@pytest.mark.parametrize("name", ["orglint.toml", "pyproject.toml"])
def test_a_repository_configuration_that_is_a_link_out_is_not_read(repo: Path, touched: list[str], name: str) -> None:
    """A configuration found beside the structures may not be read through a link leading out of
    the repository (it would choose rules, ignores and rulesets from another place)."""
    write(repo.parent / "outside", name, f'[tool.orglint]\nignore = ["S"]\n# {SECRET}\n')
    os.symlink(f"../outside/{name}", repo / name)
    write(repo, "plain.yaml", ROOT_HEAD + POSTS)
    touched.clear()  # what the test itself wrote
    code, out, err = run("check", "plain.yaml")
    assert code == 2 and f"{name}: a link that leads outside the project root: not read" in err and SECRET not in out + err
    never_outside(touched, repo)


def test_rulesets_named_on_the_command_line_may_be_anywhere(repo: Path) -> None:
    outside = repo.parent / "outside"
    write(outside, "mine.yaml", "orglint-ruleset: 1\nname: mine\nextends: [core]\n")
    write(repo, "structure.yaml", ROOT_HEAD + POSTS)
    assert run("check", "structure.yaml", "--ruleset", str(outside / "mine.yaml"))[0] == 0
    write(outside, "orglint.toml", 'ruleset = "mine.yaml"\n')
    assert run("check", "structure.yaml", "--config", str(outside / "orglint.toml"))[0] == 0


@pytest.mark.slow  # runs the installed interpreter in a process
def test_python_m_orglint_runs_none_of_the_repositorys_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    write(tmp_path, "typer.py", f"open({str(marker)!r}, 'w').close()\n")
    write(tmp_path, "evilmod.py", f"open({str(marker)!r}, 'w').close()\n")
    write(tmp_path, "evil_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: evil-plugin\nVersion: 1.0\n")
    write(tmp_path, "evil_plugin-1.0.dist-info/entry_points.txt", "[orglint.rules]\nZ999 = evilmod:Evil\n")
    write(tmp_path, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    for command in (["check", "structure.yaml"], ["rules"], ["rule", "Z999"]):
        done = subprocess.run([sys.executable, "-m", "orglint", *command], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert not marker.exists(), (command, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
    assert "Z999" in done.stderr  # no such rule: the plugin was never registered
