"""The README's and the docs' examples are real: their configuration and ruleset examples load,
and every sample of output is what the command prints (with only the version and today's date
made neutral). Each test finds its sample on whichever page holds it."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import TypeVar

import pytest

from orglint import __version__
from orglint.clock import today
from orglint.config import Settings

from .conftest import REPO, run, write

PAGES = {
    str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
}
"""The README and every docs page, by path."""
ELIDED = "..."
"""A line of a sample that stands for lines left out."""


def _blocks(language: str) -> list[str]:
    return [block for text in PAGES.values() for block in re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)]


Found = TypeVar("Found")


def _the_one(matches: list[Found], what: str) -> Found:
    assert len(matches) == 1, f"{len(matches)} {what} in the README and docs, not one"
    return matches[0]


def _neutral(text: str) -> str:
    """What changes from run to run and release to release: the version and today's date."""
    return text.replace(f'"orglint": "{__version__}"', '"orglint": "VERSION"').replace(today().isoformat(), "TODAY")


def _console_samples() -> list[tuple[str, str, str]]:
    """(page, command, what the page shows it printing) for every console or text block that starts
    with ``$ orglint``."""
    return [
        (page, match["command"], match["shown"])
        for page, text in PAGES.items()
        for match in re.finditer(r"```(?:console|text)\n\$ (?P<command>orglint .*?)\n(?P<shown>.*?)```", text, re.DOTALL)
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
    commands = sorted((page, command.split()[1]) for page, command, _ in _console_samples())
    # "What it looks like", the tree, --diff
    assert commands == [("README.md", "check"), ("docs/audit-report-and-diff.md", "tree"), ("docs/command-line.md", "check")]


@pytest.mark.parametrize(("page", "command", "shown"), _console_samples(), ids=lambda value: value.split("\n")[0][:60])
def test_a_console_sample_is_what_the_command_prints(at_repo: Path, page: str, command: str, shown: str) -> None:
    _, printed, _ = run(*command.split()[1:])
    _assert_shows(_neutral(shown), _neutral(printed))


def test_the_json_sample_is_what_check_prints(at_repo: Path) -> None:
    """The JSON output section's sample: the broken sample's summary as printed, and one of its
    findings whole (the others left out)."""
    block = _the_one([block for block in _blocks("json") if block.startswith('{"orglint"')], "JSON samples")
    shown = json.loads(_neutral(block))
    _, out, _ = run("check", "sample_structures/broken", "--output-format", "json")
    printed = json.loads(_neutral(out))
    assert {key: value for key, value in printed.items() if key != "diagnostics"} == {
        key: value for key, value in shown.items() if key != "diagnostics"
    }
    assert all(diagnostic in printed["diagnostics"] for diagnostic in shown["diagnostics"]), shown["diagnostics"]


def test_the_configuration_example_is_valid() -> None:
    example = _the_one([block for block in _blocks("toml") if "[tool.orglint]" in block], "configuration examples")
    settings = Settings.model_validate(tomllib.loads(example)["tool"]["orglint"])
    assert settings.per_file_ignores == {"drafts/*.yaml": ["E"]}


@pytest.mark.parametrize("example", [block for block in _blocks("yaml") if block.startswith("orglint-ruleset: 1")])
def test_a_ruleset_example_loads(in_tmp: Path, example: str) -> None:
    write(in_tmp, "our-council.yaml", example)
    exit_code, _, err = run("rules", "--ruleset", "./our-council.yaml", "--output-format", "json")
    assert exit_code == 0, err


def test_the_baseline_commands_work_as_shown(in_tmp: Path) -> None:
    block = _the_one([block for block in _blocks("sh") if "baseline write" in block], "baseline examples")
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
    line = _the_one(
        [line for text in PAGES.values() for line in text.splitlines() if "# orglint: ignore[E101]" in line], "suppressions"
    )
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
    path, excerpt = _the_one(
        [
            found
            for text in PAGES.values()
            for found in re.findall(r"<!-- report-excerpt: (\S+) -->\n(.*?)\n<!-- /report-excerpt -->", text, flags=re.DOTALL)
        ],
        "report excerpts",
    )
    _, markdown, _ = run("report", path, "--format", "markdown")
    assert excerpt in markdown


def test_the_spreadsheet_configuration_example_is_valid() -> None:
    from orglint.load.spreadsheet_settings import SpreadsheetSettings

    example = _the_one([block for block in _blocks("toml") if "[spreadsheet]" in block], "spreadsheet configurations")
    document = tomllib.loads(example)
    settings = Settings.model_validate(document)
    assert isinstance(settings.spreadsheet, SpreadsheetSettings)
    assert settings.spreadsheet.columns.reports_to == "Line manager"


def test_the_diff_excerpt_is_what_diff_prints(at_repo: Path) -> None:
    excerpt = _the_one(
        [
            found
            for text in PAGES.values()
            for found in re.findall(r"<!-- diff-excerpt -->\n(.*?)<!-- /diff-excerpt -->", text, flags=re.DOTALL)
        ],
        "diff excerpts",
    )
    _, markdown, _ = run(
        "diff",
        "sample_structures/carlisle-2009/structure.yaml",
        "sample_structures/carlisle-2009/proposed.yaml",
        "--format",
        "markdown",
    )
    assert excerpt.replace("#### ", "## ") in markdown
    compliance = _the_one(  # the summary line, quoted in the prose
        [found for text in PAGES.values() for found in re.findall(r"and its compliance: \*(.*?)\*", text)], "compliance lines"
    )
    assert f"**{compliance} (matched by" in markdown
