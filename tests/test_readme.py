"""The README's examples are real: its configuration and ruleset examples load, and every sample of
output is what the command prints (with only the version and today's date made neutral)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from orglint import __version__
from orglint.clock import today
from orglint.config import Settings

from .conftest import REPO, run, write

README = (REPO / "README.md").read_text(encoding="utf-8")
ELIDED = "..."
"""A line of a sample that stands for lines left out."""


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def _neutral(text: str) -> str:
    """What changes from run to run and release to release: the version and today's date."""
    return text.replace(f'"orglint": "{__version__}"', '"orglint": "VERSION"').replace(today().isoformat(), "TODAY")


def _console_samples() -> list[tuple[str, str]]:
    """(command, what the README shows it printing) for every console or text block that starts
    with ``$ orglint``."""
    return [
        (match["command"], match["shown"])
        for match in re.finditer(r"```(?:console|text)\n\$ (?P<command>orglint .*?)\n(?P<shown>.*?)```", README, re.DOTALL)
    ]


def _assert_shows(shown: str, printed: str) -> None:
    """Each run of the sample's lines between ``...`` lines is in the printed lines, in order; the
    sample's first and last lines are the printed ones unless ``...`` stands there."""
    printed_lines = printed.splitlines()
    runs: list[list[str]] = [[]]
    for line in shown.splitlines():
        if line == ELIDED:
            runs.append([])
        else:
            runs[-1].append(line)
    position = 0
    for index, lines in enumerate(runs):
        if not lines:
            continue
        found = next(
            (
                start
                for start in range(position, len(printed_lines) - len(lines) + 1)
                if printed_lines[start : start + len(lines)] == lines
            ),
            None,
        )
        assert found is not None, "not printed (in this order):\n" + "\n".join(lines) + "\n\nprinted:\n" + printed
        assert index > 0 or found == 0, f"the sample starts with {lines[0]!r}, the command with {printed_lines[0]!r}"
        position = found + len(lines)
    assert not runs[-1] or position == len(printed_lines), f"the command prints more after {runs[-1][-1]!r}"


def test_every_output_sample_is_sampled() -> None:
    commands = [command.split()[1] for command, _ in _console_samples()]
    assert commands == ["check", "tree"]  # "What it looks like", and the tree


@pytest.mark.parametrize(("command", "shown"), _console_samples(), ids=lambda value: value.split("\n")[0][:60])
def test_a_console_sample_is_what_the_command_prints(at_repo: Path, command: str, shown: str) -> None:
    _, printed, _ = run(*command.split()[1:])
    _assert_shows(_neutral(shown), _neutral(printed))


def test_the_json_sample_is_what_check_prints(at_repo: Path) -> None:
    """The JSON output section's sample: the broken sample's summary as printed, and one of its
    findings whole (the others left out)."""
    (block,) = [block for block in _blocks("json") if block.startswith('{"orglint"')]
    shown = json.loads(_neutral(block))
    _, out, _ = run("check", "sample_structures/broken", "--output-format", "json")
    printed = json.loads(_neutral(out))
    assert {key: value for key, value in printed.items() if key != "diagnostics"} == {
        key: value for key, value in shown.items() if key != "diagnostics"
    }
    assert all(diagnostic in printed["diagnostics"] for diagnostic in shown["diagnostics"]), shown["diagnostics"]


def test_the_configuration_example_is_valid() -> None:
    (example,) = [block for block in _blocks("toml") if "[tool.orglint]" in block]
    settings = Settings.model_validate(tomllib.loads(example)["tool"]["orglint"])
    assert settings.per_file_ignores == {"drafts/*.yaml": ["E"]}


def test_the_ruleset_example_loads(in_tmp: Path) -> None:
    (example,) = [block for block in _blocks("yaml") if block.startswith("orglint-ruleset: 1")]
    write(in_tmp, "our-council.yaml", example)
    exit_code, _, err = run("rules", "--ruleset", "./our-council.yaml", "--output-format", "json")
    assert exit_code == 0, err


def test_the_baseline_commands_work_as_shown(in_tmp: Path) -> None:
    (block,) = [block for block in _blocks("sh") if "baseline write" in block]
    commands = [line.split("#")[0].split() for line in block.splitlines() if line.strip()]
    write(
        in_tmp,
        "structures/s.yaml",
        "orglint: 1\norganisation: {name: X}\nposts:\n  - {id: CE, title: CE}\n  - {id: A, title: A, reports_to: CE}\n",
    )
    for command in commands:
        assert command[0] == "orglint"
        exit_code, _, err = run(*command[1:])
        assert exit_code == 0, (command, err)


def test_the_suppression_example_suppresses(in_tmp: Path) -> None:
    (line,) = [line for line in README.splitlines() if "# orglint: ignore[E101]" in line]
    write(in_tmp, "pyproject.toml", '[tool.orglint]\nextend-select = ["E101"]\n')
    structure = (
        "orglint: 1\norganisation: {name: X}\nposts:\n  - {id: CE, title: CE, evaluation: {scheme: HAY}}\n"
        + line
        + "\n    title: AD\n    reports_to: CE\n"
    )
    write(in_tmp, "s.yaml", structure)
    exit_code, out, _ = run("check", "s.yaml", "--output-format", "json", "--select", "E101")
    assert exit_code == 0 and '"suppressed": 1' in out


def test_the_report_excerpt_is_what_the_report_prints(at_repo: Path) -> None:
    (path, excerpt) = re.findall(r"<!-- report-excerpt: (\S+) -->\n(.*?)\n<!-- /report-excerpt -->", README, flags=re.DOTALL)[0]
    _, markdown, _ = run("report", path, "--format", "markdown")
    assert excerpt in markdown


def test_the_spreadsheet_configuration_example_is_valid() -> None:
    from orglint.load.spreadsheet_settings import SpreadsheetSettings

    (example,) = [block for block in _blocks("toml") if "[spreadsheet]" in block]
    document = tomllib.loads(example)
    settings = Settings.model_validate(document)
    assert isinstance(settings.spreadsheet, SpreadsheetSettings)
    assert settings.spreadsheet.columns.reports_to == "Line manager"


def test_the_diff_excerpt_is_what_diff_prints(at_repo: Path) -> None:
    (excerpt,) = re.findall(r"<!-- diff-excerpt -->\n(.*?)<!-- /diff-excerpt -->", README, flags=re.DOTALL)
    _, markdown, _ = run(
        "diff",
        "sample_structures/carlisle-2009/structure.yaml",
        "sample_structures/carlisle-2009/proposed.yaml",
        "--format",
        "markdown",
    )
    assert excerpt.replace("#### ", "## ") in markdown
    (compliance,) = re.findall(r"and its compliance: \*(.*?)\*", README)  # the summary line, quoted in the prose
    assert f"**{compliance} (matched by" in markdown
