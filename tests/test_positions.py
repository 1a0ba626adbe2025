"""Where findings point, as editors, git and GitHub count lines.

YAML 1.1 (and libyaml, which reads structure files) also ends a line at U+0085 (NEL), U+2028 and
U+2029; editors, ``git``, GitHub and the language server protocol end one only at ``\\n``,
``\\r\\n`` and ``\\r``. Such a character is legal inside a quoted scalar (a job title pasted from a
word processor), and every line number after it must still be the one an editor shows: in every
output format, in a located load fault, and in ``check --diff``'s hunks, which ``git apply`` takes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orglint.load import yaml_source
from tests.conftest import check_json, run, write

YAML_ONLY_BREAKS = {"U+2028": "\u2028", "U+2029": "\u2029", "NEL": "\x85"}

STRUCTURE = """\
orglint: 1
organisation: {name: "Example District Council", type: district, ruleset: core}
posts:
  - id: CE
    title: "Chief{brk}Executive"
    tier: 1
  - id: AD1
    title: Assistant Director
    reports_to: CE
    tier: 2
  - id: AD2
    title: Assistant Director
    reports_to: CE
    tier: 3
  - id: AD3
    title: Assistant Director
    reports_to: CE
    tier: 2
"""
"""AD2's tier is wrong (S006, which ``--fix`` mends): the title with the break is far enough above
it that the diff's hunk does not show that line."""


def structure(brk: str) -> str:
    return STRUCTURE.replace("{brk}", brk)


def editor_place(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) an editor shows for an offset."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.fixture(params=["C walk", "Python walk"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with both walks of libyaml's events (the C one may not have been built)."""
    if request.param == "Python walk":
        monkeypatch.setattr(yaml_source, "_compose_plain", None)
    elif not yaml_source.ACCELERATED:
        pytest.skip("the C walk was not built")
    return str(request.param)


@pytest.mark.parametrize("brk", YAML_ONLY_BREAKS.values(), ids=YAML_ONLY_BREAKS.keys())
def test_a_finding_after_a_yaml_only_line_break_is_on_the_line_an_editor_shows(in_tmp: Path, walk: str, brk: str) -> None:
    text = structure(brk)
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    (finding,) = [d for d in document["diagnostics"] if d["code"] == "S006"]
    value = text.index("tier: 3") + len("tier: ")
    assert (finding["line"], finding["column"]) == editor_place(text, value)


@pytest.mark.parametrize("brk", YAML_ONLY_BREAKS.values(), ids=YAML_ONLY_BREAKS.keys())
def test_a_break_inside_a_line_keeps_the_columns_after_it_on_that_line(in_tmp: Path, walk: str, brk: str) -> None:
    """A finding on the very line that holds the break: its column counts from the editor's line start."""
    text = structure(brk).replace(f'"Chief{brk}Executive"', f'"Chief{brk}Executive", grdae: G6')
    text = text.replace("  - id: CE\n    title:", "  - {id: CE, title:").replace("G6\n    tier: 1", "G6, tier: 1}")
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    (finding,) = [d for d in document["diagnostics"] if d["post"] == "CE" and "grdae" in d["message"]]
    assert (finding["line"], finding["column"]) == editor_place(text, text.index("grdae"))


def test_a_load_fault_after_such_a_break_is_on_the_editors_line(in_tmp: Path, walk: str) -> None:
    """Faults the Python walk describes (a duplicate key) are converted as the data's places are."""
    text = structure("\u2028").replace("    tier: 3\n", "    tier: 3\n    tier: 4\n")
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    (fault,) = [d for d in document["diagnostics"] if "duplicate key" in d["message"]]
    assert (fault["line"], fault["column"]) == editor_place(text, text.index("tier: 4"))


def test_a_parse_error_after_such_a_break_is_on_the_editors_line(in_tmp: Path) -> None:
    text = structure("\u2029").replace("    tier: 3\n", "    tier: [3\n")
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    (fault,) = [d for d in document["diagnostics"] if d["code"] == "X001"]
    assert fault["line"] == editor_place(text, text.index("tier: [3"))[0] + 1  # where libyaml notices: the next line


@pytest.mark.parametrize("before", ["\u2028" * 6, "é" * 9], ids=["separators", "accents"])
def test_a_control_character_is_placed_by_characters_not_bytes(in_tmp: Path, before: str) -> None:
    """libyaml gives such a fault's offset in bytes of UTF-8 (three for a U+2028, two for an é):
    the place counts characters, on the editor's line."""
    text = structure("").replace("title: ", f'title: "{before}", titel: ', 1).replace("tier: 3", 'tier: "x\x01y"', 1)
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    (fault,) = [d for d in document["diagnostics"] if d["code"] == "X001"]
    assert "character" in fault["message"]
    assert (fault["line"], fault["column"]) == editor_place(text, text.index("\x01"))


def test_bytes_that_are_not_utf8_after_such_a_break_are_on_the_editors_line(in_tmp: Path) -> None:
    text = structure("\u2028")
    data = text.encode("utf-8").replace(b"tier: 3", b"tier: \xff")
    (in_tmp / "s.yaml").write_bytes(data)
    _, document = check_json("s.yaml")
    (fault,) = [d for d in document["diagnostics"] if d["code"] == "X001"]
    assert (fault["line"], fault["column"]) == editor_place(text, text.index("tier: 3") + len("tier: "))


@pytest.mark.parametrize("brk", YAML_ONLY_BREAKS.values(), ids=YAML_ONLY_BREAKS.keys())
def test_every_format_shows_the_editors_line(in_tmp: Path, brk: str) -> None:
    text = structure(brk)
    write(in_tmp, "s.yaml", text)
    line, column = editor_place(text, text.index("tier: 3") + len("tier: "))
    _, sarif = run("check", "--output-format", "sarif", "s.yaml")[:2]
    regions = [
        result["locations"][0]["physicalLocation"]["region"]
        for result in json.loads(sarif)["runs"][0]["results"]
        if result["ruleId"] == "S006"
    ]
    assert [(region["startLine"], region["startColumn"]) for region in regions] == [(line, column)]
    _, github, _ = run("check", "--output-format", "github", "s.yaml")
    assert f"file=s.yaml,line={line},col={column}" in github
    _, concise, _ = run("check", "--output-format", "concise", "s.yaml")
    assert f"s.yaml:{line}:{column}: S006" in concise
    _, full, _ = run("check", "--output-format", "full", "s.yaml")
    assert f"{line} │     tier: 3" in full  # the code frame shows the editor's line


@pytest.mark.parametrize("brk", YAML_ONLY_BREAKS.values(), ids=YAML_ONLY_BREAKS.keys())
@pytest.mark.slow  # runs orglint and git apply (or patch) as processes
def test_the_diff_of_a_file_with_such_a_break_applies_with_git_apply(in_tmp: Path, brk: str) -> None:
    subprocess.run(["git", "init", "-q", "."], check=True, cwd=in_tmp)
    text = structure(brk)
    path = in_tmp / "s.yaml"
    path.write_bytes(text.encode("utf-8"))
    done = subprocess.run([sys.executable, "-m", "orglint", "check", "--diff", "s.yaml"], capture_output=True, cwd=in_tmp)
    assert done.returncode == 1, done.stderr
    line = editor_place(text, text.index("tier: 3"))[0]
    assert f"@@ -{line - 3},7 +{line - 3},7 @@" in done.stdout.decode("utf-8")
    (in_tmp / "fix.patch").write_bytes(done.stdout)
    subprocess.run(["git", "apply", "--check", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    subprocess.run(["git", "apply", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    assert path.read_bytes() == text.replace("tier: 3", "tier: 2").encode("utf-8")


@pytest.mark.parametrize("brk", ["\u2028", "\u2029"], ids=["U+2028", "U+2029"])
@pytest.mark.slow  # runs orglint and git apply (or patch) as processes
def test_a_hunk_that_shows_a_line_with_a_separator_applies(in_tmp: Path, brk: str) -> None:
    """U+2028 and U+2029 drive no terminal and end no line for git: a hunk's line keeps them as
    they are (escaped, the line would not be the file's and the patch would not apply)."""
    subprocess.run(["git", "init", "-q", "."], check=True, cwd=in_tmp)
    text = structure(brk).replace(
        "    title: Assistant Director\n    reports_to: CE\n    tier: 3",
        f'    title: "Assistant{brk}Director"\n    reports_to: CE\n    tier: 3',
    )
    (in_tmp / "s.yaml").write_bytes(text.encode("utf-8"))
    done = subprocess.run([sys.executable, "-m", "orglint", "check", "--diff", "s.yaml"], capture_output=True, cwd=in_tmp)
    assert done.returncode == 1, done.stderr
    assert f'     title: "Assistant{brk}Director"\n' in done.stdout.decode("utf-8")
    (in_tmp / "fix.patch").write_bytes(done.stdout)
    subprocess.run(["git", "apply", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    assert (in_tmp / "s.yaml").read_bytes() == text.replace("tier: 3", "tier: 2").encode("utf-8")


def test_a_hunks_other_controls_are_still_escaped() -> None:
    from orglint.fix import unified_diff

    before = ['a: "x\u2028::error::y\x1b[31m"\n', "b: 1\n"]
    shown = unified_diff("s.yaml", before, [before[0], "b: 2\n"])
    assert "x\u2028:\\x3aerror::y\\x1b[31m" in shown  # a `::` after the separator as if it started a line


def test_every_offset_of_libyamls_lines_maps_to_the_editors() -> None:
    """Through every kind of break, two YAML-only breaks on one editor line, and one at each end."""
    from orglint.load.yaml_lines import YAML_LINE_BREAK, YamlLines

    text = "\u2028a: 1\r\nb: \"x\u2028y\x85z\"\rc: 'p\u2029q'\n\nd: 2\u2028"
    yaml_starts = [0, *(brk.end() for brk in YAML_LINE_BREAK.finditer(text))]
    lines = YamlLines(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # inside a break: no place
        yaml_line = max(index for index, start in enumerate(yaml_starts) if start <= offset)
        line, column = lines.place_1(yaml_line + 1, offset - yaml_starts[yaml_line] + 1)
        assert (line, column) == editor_place(text, offset), offset
