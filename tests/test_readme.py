"""The README's examples are real: its configuration and ruleset examples load."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from orglint.config import Settings

from .conftest import REPO, run, write

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


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


def test_the_tree_example_is_what_the_tree_prints(at_repo: Path) -> None:
    (command, shown) = re.findall(r"```console\n\$ (orglint tree .*?)\n(.*?)```", README, flags=re.DOTALL)[0]
    _, out, _ = run(*command.split()[1:])
    assert out == shown


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
    assert "7 introduced (6 errors), 0 resolved, 0 persisting" in markdown
