"""The bad-input corpus (tests/corpus, written by its generate.py): every file gives the exit
code and the located finding its manifest says (worked out from where the fault was put), no
traceback, and its bytes unchanged. Cases that cannot be files in git are made here."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from orglint.load.source import text_lines
from tests.conftest import REPO, run, write

pytestmark = pytest.mark.slow  # the corpus

CORPUS = REPO / "tests" / "corpus"
MANIFEST: dict[str, dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))


def test_the_corpus_is_large_enough_and_complete() -> None:
    assert len(MANIFEST) >= 100
    on_disk = {p.name for p in CORPUS.iterdir() if p.name not in ("generate.py", "manifest.json", "__pycache__")}
    assert on_disk == {name.rstrip("/") for name in MANIFEST}


def snapshot(path: Path) -> dict[str, bytes]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(file): file.read_bytes() for file in files}


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = MANIFEST[name]
    source = CORPUS / name.rstrip("/")
    target = tmp_path / source.name
    (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)
    monkeypatch.chdir(tmp_path)
    before = snapshot(target)
    started = time.perf_counter()
    exit_code, out, err = run("check", source.name, "--output-format", "json")
    assert time.perf_counter() - started < 10, "hostile input must be refused fast"
    assert "Traceback" not in out + err
    if expected["exit"] == -1:
        assert exit_code in (0, 1), err
    else:
        assert exit_code == expected["exit"], (out, err)
    assert snapshot(target) == before, "orglint must never change its input"
    if exit_code == 2:
        assert err.startswith("orglint: error: ") and err.count("\n") == 1, err
        return
    document = json.loads(out)
    for diagnostic in document["diagnostics"]:
        assert diagnostic["line"] >= 1 and diagnostic["column"] >= 1
    if expected.get("x001_at_end"):  # a file cut mid-token: its YAML fault is where it now ends
        lines = text_lines(target.read_text(encoding="utf-8"))
        for diagnostic in (d for d in document["diagnostics"] if d["code"] == "X001"):
            assert (diagnostic["line"], diagnostic["column"]) == (len(lines), len(lines[-1]) + 1), diagnostic
    if expected["code"] is None:
        if expected["exit"] == 0:
            assert not [d for d in document["diagnostics"] if d["severity"] == "error"]
        return
    matching = [d for d in document["diagnostics"] if d["code"] == expected["code"]]
    assert matching, f"no {expected['code']}: {document['diagnostics']}"
    if not name.endswith("/"):
        assert {d["file"] for d in matching} == {source.name}, matching
    if expected["line"] is not None:
        positions = [(d["line"], d["column"]) for d in matching]
        want = (expected["line"], expected["column"])
        assert want in positions if expected["column"] is not None else expected["line"] in [p[0] for p in positions], positions


def test_a_file_over_the_size_limit_is_refused_unread(in_tmp: Path) -> None:
    big = in_tmp / "big.yaml"
    with big.open("wb") as handle:  # 50 MB of a valid structure's padding
        handle.write(b"orglint: 1\norganisation: {name: Big}\n# " + b"x" * (50 * 2**20) + b"\n")
    write(in_tmp, "orglint.toml", "max-file-size-mb = 10\n")
    started = time.perf_counter()
    exit_code, out, _ = run("check", "big.yaml", "--output-format", "json")
    assert time.perf_counter() - started < 2
    (finding,) = json.loads(out)["diagnostics"]
    assert (exit_code, finding["code"], finding["line"], finding["column"]) == (1, "X001", 1, 1)
    assert "50.0 MB, over the limit of 10 MB" in finding["message"]
    _, out, _ = run("check", "big.yaml", "--isolated", "--output-format", "json")  # under the default limit: read
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["S004"]  # a structure without posts


def test_too_many_posts_is_refused_at_the_posts_key(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", "max-posts = 3\n")
    posts = "".join(f"  - {{id: P{i}, title: Post, reports_to: {'P0' if i else 'null'}}}\n" for i in range(5))
    write(in_tmp, "structure.yaml", "orglint: 1\norganisation: {name: Many}\nposts:\n" + posts)
    exit_code, out, _ = run("check", "structure.yaml", "--output-format", "json")
    (finding,) = json.loads(out)["diagnostics"]
    assert (exit_code, finding["code"], finding["line"], finding["column"]) == (1, "X002", 3, 1)
    assert "more than 3 posts" in finding["message"]


def test_a_symlink_loop_and_a_dangling_link(in_tmp: Path) -> None:
    os.symlink("b.yaml", in_tmp / "a.yaml")
    os.symlink("a.yaml", in_tmp / "b.yaml")
    exit_code, out, err = run("check", ".", "--output-format", "json")
    assert "Traceback" not in out + err and exit_code in (0, 1)
    os.symlink("nowhere.yaml", in_tmp / "dangling.yaml")
    exit_code, _, err = run("check", "dangling.yaml")
    assert exit_code == 2 and "no such file" in err


def test_a_directory_named_like_a_file(in_tmp: Path) -> None:
    (in_tmp / "structure.yaml").mkdir()
    write(in_tmp, "structure.yaml/inner.yaml", "orglint: 1\norganisation: {name: Inner}\nposts: []\n")
    exit_code, out, err = run("check", "structure.yaml", "--output-format", "json")
    assert "Traceback" not in out + err and exit_code in (0, 1)
    write(in_tmp, "root.yaml", "orglint: 1\norganisation: {name: Root}\ninclude: ['*.yaml']\nposts: []\n")
    exit_code, out, err = run("check", "root.yaml", "--output-format", "json")
    assert "Traceback" not in out + err


def test_an_unreadable_file_is_a_located_finding(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(in_tmp, "locked.yaml", "orglint: 1\norganisation: {name: Locked}\n")
    real = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.path.basename(path) == "locked.yaml":
            raise PermissionError(13, "Permission denied")  # as root, chmod cannot make a file unreadable
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    exit_code, out, _ = run("check", "locked.yaml", "--output-format", "json")
    (finding,) = json.loads(out)["diagnostics"]
    assert (exit_code, finding["code"], finding["line"], finding["column"]) == (1, "X001", 1, 1)
    assert "permission denied" in finding["message"]


def test_every_file_orglint_writes_is_written_by_rename(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-o, baseline write, report --output, import and diff --output: a temporary file in the
    target's folder, renamed over it, so a reader never sees half a file."""
    import orglint.cli

    write(in_tmp, "structure.yaml", (REPO / "sample_structures" / "carlisle-2009" / "proposed.yaml").read_text(encoding="utf-8"))
    (in_tmp / "structure.csv").write_bytes((CORPUS / "organogram-senior.csv").read_bytes())
    renamed: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(source: str, target: str | Path) -> None:
        renamed.append((str(Path(source).parent), str(Path(target))))
        real_replace(source, target)

    monkeypatch.setattr(orglint.cli.os, "replace", replace)
    commands = [
        (["check", "structure.yaml", "-o", "out.json", "--output-format", "json"], "out.json"),
        (["baseline", "write", "baseline.json", "structure.yaml"], "baseline.json"),
        (["report", "structure.yaml", "--format", "html", "--output", "report.html"], "report.html"),
        (["import", "structure.csv", "-o", "imported.yaml"], "imported.yaml"),
        (["diff", "structure.yaml", "structure.yaml", "--format", "json", "-o", "diff.json"], "diff.json"),
    ]
    for command, target in commands:
        renamed.clear()
        run(*command)
        assert renamed == [(str(in_tmp), target)] or renamed == [(".", target)], (command, renamed)
        assert (in_tmp / target).stat().st_size > 0
    assert not [p for p in in_tmp.iterdir() if p.name.endswith(".tmp")]


def test_no_output_lands_on_an_input(in_tmp: Path) -> None:
    text = (REPO / "sample_structures" / "carlisle-2009" / "proposed.yaml").read_text(encoding="utf-8")
    write(in_tmp, "structure.yaml", text)
    for command in (
        ["check", "structure.yaml", "-o", "structure.yaml"],
        ["baseline", "write", "structure.yaml", "structure.yaml"],
        ["report", "structure.yaml", "--format", "markdown", "--output", "structure.yaml"],
        ["diff", "structure.yaml", "structure.yaml", "-o", "structure.yaml"],
    ):
        exit_code, _, err = run(*command)
        assert exit_code == 2 and "structure.yaml is a structure file this run read" in err, command
        assert (in_tmp / "structure.yaml").read_text(encoding="utf-8") == text
