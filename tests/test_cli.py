"""The command line: exit codes, output formats, options (docs/command-line.md, docs/ci-and-pre-commit.md)."""

from __future__ import annotations

import inspect
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orglint import __version__
from orglint.cli import app

from .conftest import SAMPLES, STRUCTURE_HEAD, run, write

GOLDEN = Path(__file__).parent / "golden" / "broken.json"
BROKEN = "sample_structures/broken/structure.yaml"
WARNING_ONLY = (
    STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n"
)


def test_json_output_is_pinned_by_a_golden_file(at_repo: Path) -> None:
    exit_code, out, _ = run("check", BROKEN, "--output-format", "json")
    assert exit_code == 1
    document = json.loads(out)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    golden["orglint"] = __version__
    assert document == golden


def test_json_shape_matches_the_spec(at_repo: Path) -> None:
    _, out, _ = run("check", BROKEN, "--output-format", "json")
    document = json.loads(out)
    assert set(document) == {"orglint", "summary", "diagnostics"}
    assert set(document["summary"]) == {"files", "posts", "errors", "warnings", "infos", "suppressed"}
    for diagnostic in document["diagnostics"]:
        assert list(diagnostic) == [
            "code",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "post",
            "basis",
            "fix",
        ]
        assert diagnostic["line"] >= 1 and diagnostic["column"] >= 1
        assert diagnostic["file"] == BROKEN


def test_full_output_has_code_frames_basis_fix_and_a_summary(at_repo: Path) -> None:
    exit_code, out, _ = run("check", BROKEN)
    assert exit_code == 1
    assert f"{BROKEN}:183:17: S003 [reporting-cycle] reporting loop: LOOP-1 → LOOP-2 → LOOP-1" in out
    frame = out[out.index(f"{BROKEN}:183:17:") :].splitlines()
    assert frame[1].strip().startswith("182 │") and frame[2].strip().startswith("183 │     reports_to: LOOP-2")
    caret_line = frame[3]
    assert caret_line.index("^") == frame[2].index("LOOP-2") and caret_line.count("^") == len("LOOP-2")
    assert "= basis: Structural integrity: every reporting line ends at a top post" in out
    assert "= fix:" in out
    assert out.rstrip().endswith("Found 8 errors, 7 warnings, 1 info (1 file, 46 posts).")


def test_full_output_heads_each_file_once_its_input_findings_first(in_tmp: Path) -> None:
    """Input findings come first in every view; a file with both kinds was headed twice."""
    write(in_tmp, "council.yaml", STRUCTURE_HEAD.replace("posts:\n", "include: [depts/*.yaml]\nposts:\n")
          + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: AD, title: Director, reports_to: CE, tier: 2}\n")  # fmt: skip
    write(in_tmp, "depts/a.yaml", "orglint: 1\nposts:\n  - {id: H1, title: Head, reports_to: NOBODY, tier: 2, grdae: G1}\n")
    _, out, _ = run("check", ".")
    headings = [line for line in out.splitlines() if line in ("council.yaml", str(Path("depts/a.yaml")))]
    assert sorted(headings) == sorted({"council.yaml", str(Path("depts/a.yaml"))}), headings  # D103 on CE between
    section = out[out.index(str(Path("depts/a.yaml")) + "\n") :]
    assert section.index("X002") < section.index("S002")


def test_concise_output(at_repo: Path) -> None:
    _, out, _ = run("check", BROKEN, "--output-format", "concise")
    lines = out.splitlines()
    # input findings first, then the rest in file order
    assert [line.split()[1] for line in lines[:4]] == ["X001", "X002", "X004", "S004"]
    assert (
        lines[3]
        == f"{BROKEN}:19:17: S004 [top-post-count] 'ROGUE' reports to no one: 2 top posts (CE, ROGUE), the ruleset allows 1"
    )
    assert len(lines) == 17 and lines[-1].startswith("Found 8 errors")


def test_a_clean_run_says_so_in_one_line_and_exits_0() -> None:
    """full and concise alike (as ruff's concise says "All checks passed!"): a run that prints
    nothing cannot be told from one that checked nothing."""
    for output_format in ("full", "concise"):
        exit_code, out, err = run("check", str(SAMPLES / "riverside"), "--output-format", output_format)
        assert (exit_code, out, err) == (0, "All checks passed (4 files, 40 posts).\n", "")


def test_warnings_alone_exit_0_unless_past_max_warnings(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", WARNING_ONLY)
    assert run("check", "s.yaml")[0] == 0
    assert run("check", "s.yaml", "--max-warnings", "1")[0] == 0
    assert run("check", "s.yaml", "--max-warnings", "0")[0] == 1


def test_exit_zero(at_repo: Path) -> None:
    assert run("check", BROKEN, "--exit-zero")[0] == 0


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "S"], {"S001", "S002", "S003", "S004", "S005", "S006", "X001", "X002", "X004"}),
        (["--select", "D10"], {"D101", "D102", "D103", "D104", "X001", "X002", "X004"}),
        (["--select", "one-over-one,S003"], {"D103", "S003", "X001", "X002", "X004"}),
        (["--ignore", "D", "--ignore", "S00"], {"X001", "X002", "X004"}),
        (["--select", "S001", "--extend-select", "D104"], {"S001", "D104", "X001", "X002", "X004"}),
        (
            # ALL brings in every rule that can run without policy the ruleset lacks: E101 too
            ["--select", "ALL", "--ignore", "tier-mismatch"],
            {"S001", "S002", "S003", "S004", "S005", "D101", "D102", "D103", "D104", "E101", "X001", "X002", "X003", "X004"},
        ),
    ],
)
def test_select_ignore(at_repo: Path, options: list[str], codes: set[str]) -> None:
    _, out, _ = run("check", BROKEN, "--output-format", "json", *options)
    assert {d["code"] for d in json.loads(out)["diagnostics"]} == codes


def test_statistics(at_repo: Path) -> None:
    exit_code, out, _ = run("check", BROKEN, "--statistics")
    assert exit_code == 1
    histogram, files = out.split("Files with errors (errors, warnings):")
    rows = [line.split() for line in histogram.splitlines() if line.strip()[:1].isdigit()]
    assert rows[0][:3] == ["3", "D104", "too-many-layers"]
    assert sum(int(row[0]) for row in rows) == 16
    assert [line.split() for line in files.splitlines() if line.strip()[:1].isdigit()] == [["8", "7", BROKEN]]


def test_statistics_of_a_folder_list_the_files_with_errors_most_first(in_tmp: Path) -> None:
    broken = (SAMPLES / "broken" / "structure.yaml").read_text(encoding="utf-8")
    write(in_tmp, "many/clean.yaml", WARNING_ONLY)
    write(in_tmp, "many/broken.yaml", broken)
    write(in_tmp, "many/a/few.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1, grade: [1]}\n")
    document = json.loads(run("check", "many", "--output-format", "json")[1])
    errors: dict[str, int] = {}
    for diagnostic in document["diagnostics"]:
        if diagnostic["severity"] == "error":
            errors[diagnostic["file"]] = errors.get(diagnostic["file"], 0) + 1
    assert set(errors) == {"many/broken.yaml", "many/a/few.yaml"}  # the clean file has warnings only
    exit_code, out, _ = run("check", "many", "--statistics")
    assert exit_code == 1
    listed = [line.split() for line in out.split("Files with errors (errors, warnings):")[1].splitlines()[:-1] if line.strip()]
    assert [(row[-1], int(row[0])) for row in listed] == sorted(errors.items(), key=lambda item: (-item[1], item[0]))


def test_output_file_gets_the_format_and_the_terminal_the_full_view(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", WARNING_ONLY)
    exit_code, out, _ = run("check", "s.yaml", "--output-format", "json", "--output-file", "out.json")
    assert exit_code == 0
    assert json.loads((in_tmp / "out.json").read_text())["summary"]["warnings"] == 1
    assert "D103 [one-over-one]" in out and "│" in out
    assert not list(in_tmp.glob(".out.json.*"))  # the temporary file was renamed into place


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "missing.yaml"], "missing.yaml: no such file or folder"),
        (["check", "--select", "Z9"], "'Z9' selects no rule"),
        (["check", "--output-format", "xml"], "xml"),
        (["rule"], "give a rule code or name"),
    ],
)
def test_usage_errors_exit_2(in_tmp: Path, args: list[str], words: str) -> None:
    exit_code, out, err = run(*args)
    assert exit_code == 2
    assert words in err and "Traceback" not in out + err


@pytest.mark.slow  # runs orglint as a process
def test_the_installed_command_runs_and_never_shows_a_traceback(in_tmp: Path) -> None:
    write(in_tmp, "broken.yaml", "posts: [\n  - id: A\n    reports_to: [unclosed\n")
    done = subprocess.run([sys.executable, "-m", "orglint", "check", "broken.yaml"], capture_output=True, text=True, cwd=in_tmp)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "broken.yaml:" in done.stdout
    version = subprocess.run([sys.executable, "-m", "orglint", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"orglint {__version__}"


@pytest.mark.parametrize("output_format", ["full", "json", "sarif"])
@pytest.mark.slow  # runs orglint as a process
def test_an_output_that_cannot_take_utf8_gets_escapes_not_an_internal_error(in_tmp: Path, output_format: str) -> None:
    """PYTHONIOENCODING=ascii (or a Latin-1 console): the code frame's box line and a title's
    accents are written as escapes; JSON stays JSON."""
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: Directrice Générale 😀, tier: 1}\n  - {id: X, title: X, reports_to: NOPÉ😀}\n",
    )
    done = subprocess.run(
        [sys.executable, "-m", "orglint", "check", "s.yaml", "--output-format", output_format],
        capture_output=True,
        cwd=in_tmp,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 1 and b"internal error" not in done.stderr and done.stdout.isascii()
    if output_format == "json":  # JSON's own escapes: the data read back as it is
        assert json.loads(done.stdout)["diagnostics"][0]["message"].startswith("reports_to 'NOPÉ😀'")
    elif output_format == "sarif":
        assert json.loads(done.stdout)["runs"][0]["results"][0]["message"]["text"].startswith("reports_to 'NOPÉ😀'")
    else:
        assert b"\\u2502" in done.stdout


@pytest.mark.slow  # runs orglint as a process
def test_no_colour_when_piped(at_repo: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "orglint", "check", BROKEN], capture_output=True, text=True)
    assert "\x1b[" not in done.stdout


def test_full_output_to_a_pipe_is_the_terminal_view_without_its_colours(at_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped (pre-commit, CI) the full view is written without loading rich; on a terminal rich
    styles the very same text. Neither turns ``:100:`` in a location into an emoji."""
    import re

    from orglint.engine import lint
    from orglint.output.check import full

    result = lint([Path(BROKEN)])
    piped = io.StringIO()
    full.render(result, piped)
    monkeypatch.setenv("FORCE_COLOR", "1")  # as rich would see a terminal
    styled = io.StringIO()
    full.render(result, styled)
    assert "\x1b[" not in piped.getvalue() and "\x1b[" in styled.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", styled.getvalue()) == piped.getvalue()
    assert f"{BROKEN}:100:9: D104 [too-many-layers]" in piped.getvalue()


def test_each_json_finding_is_written_as_json_dumps_would_write_it(at_repo: Path) -> None:
    from orglint.diagnostics import Diagnostic, Severity, Span
    from orglint.engine import LintResult, lint
    from orglint.output.check.json_format import diagnostic_json, render

    table = sorted(Path("tests/data/organograms").glob("department_of_health-*-senior.csv"))
    found = lint([Path(BROKEN), *table]).diagnostics
    assert any(d.span.header is not None for d in found) and any(d.post is None for d in found)
    odd = Diagnostic(
        "X002", 'quote " back\\slash\nnew line, tab\t, \u00e9 \u2603 \U0001f600 \x00', Span("d/\u00e9.yaml", 1, 2, 3, 4)
    )
    odd.severity, odd.name, odd.basis, odd.fix = Severity.INFO, "n\u00e4me", "", 'fix "it"'
    in_a_sheet = Diagnostic("T101", "m", Span("w.xlsx", 12, 11, 12, 12, sheet=None, header="Grade"), post="P1")
    for diagnostic in (*found, odd, in_a_sheet):
        stream = io.StringIO()
        render(LintResult(diagnostics=[diagnostic]), stream)
        line = stream.getvalue().splitlines()[1].strip()
        assert line == json.dumps(diagnostic_json(diagnostic), ensure_ascii=False)


@pytest.mark.parametrize(
    "command",
    [
        ("check", "sample_structures/riverside"),
        ("report", "sample_structures/riverside", "--format", "markdown"),
        ("tree", "sample_structures/riverside"),
        ("diff", "sample_structures/riverside", "sample_structures/riverside", "--format", "json"),
        ("baseline", "write", "BASELINE", "sample_structures/riverside"),
    ],
    ids=lambda command: command[0],
)
def test_every_command_that_lints_keeps_its_result_for_main_to_end_without_freeing_it(
    at_repo: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    from orglint.cli import shared
    from orglint.engine import LintResult

    shared._kept.clear()
    run(*(str(tmp_path / "baseline.json") if part == "BASELINE" else part for part in command))
    kept = [item for entry in shared._kept for item in (entry if isinstance(entry, tuple) else (entry,))]
    assert kept and all(isinstance(item, LintResult) for item in kept)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", BROKEN], 1),
        (["check", BROKEN, "--output-format", "concise"], 1),
        (["check", BROKEN, "--statistics"], 1),
        (["check", BROKEN, "--exit-zero"], 0),
        (["tree", BROKEN], 1),
        (["report", BROKEN], 1),
        # output is all these do; rich, which draws them, ends them with 1, as Python's recipe does
        (["check", "--help"], 1),
        (["--help"], 1),
        (["rule", "--all"], 1),
        (["rules"], 1),
        (["schema"], 1),
    ],
)
@pytest.mark.slow  # runs orglint as a process
def test_a_reader_that_stops_reading_ends_the_output_quietly_with_the_commands_own_exit_code(
    at_repo: Path, args: list[str], code: int
) -> None:
    """`orglint check . | head`: a closed pipe is no error; findings still decide the exit code."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first write: every write fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "orglint", *args], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == code


@pytest.mark.parametrize(("args", "code"), [(["check", "sample_structures/broken"], 1), (["--help"], 0)])
@pytest.mark.slow  # runs orglint as a process
def test_a_command_started_with_stdout_closed_says_nothing_and_exits_as_it_would(
    at_repo: Path, args: list[str], code: int
) -> None:
    """`orglint check . >&-`: Python starts with no stdout at all; the output goes nowhere."""
    command = " ".join([sys.executable, "-m", "orglint", *args])
    done = subprocess.run(["sh", "-c", f"{command} >&-"], stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.stderr == ""
    assert done.returncode == code


@pytest.mark.parametrize(
    "command",
    [[], ["check"], ["report"], ["tree"], ["diff"], ["import"], ["template"], ["rule"], ["rules"], ["baseline", "write"]],
)
@pytest.mark.slow  # runs orglint as a process
def test_help_reads_well_at_80_columns(command: list[str]) -> None:
    """No Python type names (`<bool>` reads as if a flag took a value), no value list cut inside a
    word, and every line within 80 columns."""
    import os

    done = subprocess.run(
        [sys.executable, "-m", "orglint", *command, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"},
        timeout=120,
    )
    assert done.returncode == 0
    for name in ("<bool>", "list[", "<str>", "<path>", "<int", "<Path>"):
        assert name not in done.stdout, name
    assert all(len(line) <= 80 for line in done.stdout.splitlines())
    if command == ["check"]:
        assert "full, concise, json, sarif, junit" in " ".join(done.stdout.split())  # each format whole
        (fix,) = [line for line in done.stdout.splitlines() if line.startswith("│ --fix ")]
        assert fix.split()[2] == "Apply"  # a flag shows no value


def test_each_paragraph_of_a_command_s_help_is_one_line_for_the_terminal_to_fill() -> None:
    """Typer keeps a line break inside a help paragraph as it is: at 80 columns a paragraph broken
    in the source showed a line of three words."""
    import typer.main

    group = typer.main.get_command(app)
    commands = dict(group.commands)
    commands |= {f"baseline {name}": command for name, command in commands.pop("baseline").commands.items()}
    for name, command in commands.items():
        for paragraph in inspect.cleandoc(command.help or "").split("\n\n")[1:]:
            assert "\n" not in paragraph, name


def test_the_html_report_says_info_as_every_other_output_does(in_tmp: Path) -> None:
    """check's summary says `1 info`, the report's tables `Info`: the HTML page's summary and
    legend use the same word, not "note"."""
    structure = in_tmp / "structure.yaml"
    structure.write_text((SAMPLES / "broken" / "structure.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    run("report", "structure.yaml", "--format", "html", "-o", "report.html")
    html = (in_tmp / "report.html").read_text(encoding="utf-8")
    assert re.search(r"● [\d,]+ info\b", html)
    assert "</span> info</span>" in html  # the legend
    assert not re.search(r"● [\d,]+ notes?\b", html) and "</span> note</span>" not in html


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "--output-format", "xml"], "orglint: error: Invalid value for '--output-format': 'xml' is not one of "),
        (["check", "--bogus"], "orglint: error: No such option: --bogus"),
        (["bogus"], "orglint: error: No such command 'bogus' (see 'orglint -h')"),
        (["tree", "--depth", "-1"], "orglint: error: Invalid value for '--depth' / '-d': "),
    ],
)
def test_a_mistake_in_the_command_s_words_is_one_line_and_exit_2(args: list[str], said: str) -> None:
    """As every failure is (docs/command-line.md): no box of several lines, no usage block."""
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(said), err
    assert "Value error" not in err and "╭" not in err


@pytest.mark.parametrize("args", [[], ["baseline"]])
def test_a_command_group_given_no_command_shows_its_help_and_no_empty_error(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2 and "Usage" in out + err
    assert "error:" not in err
