"""Configuration files: nearest wins, paths relative to the declaring file, CLI wins, bad keys exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orglint import config

from .conftest import STRUCTURE_HEAD, findings, run, write

ONE_OVER_ONE = "  - {id: CE, title: CE, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 5}\n"
NO_RULESET = STRUCTURE_HEAD.replace(", ruleset: core", "")


def test_pyproject_table_selects_ignores_and_sets_severity(in_tmp: Path) -> None:
    write(in_tmp, "pyproject.toml", '[tool.orglint]\nignore = ["S006"]\nseverity = {one-over-one = "error"}\n')
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    exit_code, out, _ = run("check", "s.yaml", "--output-format", "json")
    assert [(d["code"], d["severity"]) for d in json.loads(out)["diagnostics"]] == [("D103", "error")]
    assert exit_code == 1
    # the command line's select replaces the file's; the file's ignore still applies to it
    assert findings("s.yaml", "--select", "S") == []
    assert {code for code, _, _ in findings("s.yaml", "--select", "S", "--isolated")} == {"S006"}


def test_nearest_config_wins_and_paths_are_relative_to_it(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", 'ignore = ["D103"]\n')
    write(in_tmp, "team/orglint.toml", 'ruleset = "policy/quiet.yaml"\nper-file-ignores = {"s.yaml" = ["S006"]}\n')
    write(in_tmp, "team/policy/quiet.yaml", "orglint-ruleset: 1\nname: quiet\nextends: [core]\nrules: {D103: off}\n")
    write(in_tmp, "team/s.yaml", NO_RULESET + ONE_OVER_ONE)
    write(in_tmp, "other/s.yaml", NO_RULESET + ONE_OVER_ONE)
    assert findings("team/s.yaml") == []  # quiet ruleset + per-file ignore of S006
    assert {code for code, _, _ in findings("other/s.yaml")} == {"S006"}  # root config ignores D103 only


def test_exclude_skips_walked_files_and_output_format(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", 'exclude = ["drafts"]\noutput-format = "concise"\n')
    write(in_tmp, "drafts/s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    write(in_tmp, "final/s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    _, out, _ = run("check", ".")
    assert "drafts" not in out and out.startswith(str(Path("final/s.yaml")) + ":")


def test_include_limits_folder_walks(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", 'include = ["structures/*.yaml"]\n')
    write(in_tmp, "structures/s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    write(in_tmp, "elsewhere/s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    _, out, _ = run("check", ".", "--output-format", "concise")
    assert "structures" in out and "elsewhere" not in out


def test_config_option_and_isolated(in_tmp: Path) -> None:
    write(in_tmp, "elsewhere.toml", 'ignore = ["D", "S"]\n')
    write(in_tmp, "orglint.toml", 'select = ["S006"]\n')
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    assert findings("s.yaml", "--config", "elsewhere.toml") == []
    assert {code for code, _, _ in findings("s.yaml", "--isolated")} == {"D103", "S006"}


def test_unknown_key_and_bad_value_exit_2_at_file_line_and_key(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    write(in_tmp, "pyproject.toml", '[project]\nname = "x"\n\n[tool.orglint]\nselect = ["D"]\nignroe = ["S006"]\n')
    exit_code, _, err = run("check", "s.yaml")
    assert exit_code == 2 and "pyproject.toml:6:1: unknown key 'ignroe' (did you mean 'ignore'?)" in err
    write(in_tmp, "bad.toml", 'output-format = "xml"\n')
    exit_code, _, err = run("check", "s.yaml", "--config", "bad.toml")
    assert exit_code == 2 and "bad.toml:1:1: output-format" in err
    write(in_tmp, "broken.toml", "ignore = [\n")
    exit_code, _, err = run("check", "s.yaml", "--config", "broken.toml")
    assert exit_code == 2 and "invalid TOML" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("written", "place", "said"),
    [
        pytest.param('select = ["D", "D1O3"]\n', "1:1", "select: 'D1O3' selects no rule (did you mean 'D103'?)", id="select"),
        pytest.param(
            'extend-select = [\n  "S006",\n]\nignore = ["one-over-on"]\n',
            "4:1",
            "ignore: 'one-over-on' selects no rule",
            id="ignore",
        ),
        pytest.param(
            '[per-file-ignores]\n"old/*.yaml" = ["D999"]\n',
            "2:1",
            "per-file-ignores: 'D999' selects no rule",
            id="per-file-ignores",
        ),
        pytest.param(
            '[severity]\nD103 = "error"\none-over-on = "info"\n',
            "3:1",
            "severity: 'one-over-on' names no rule (did you mean",
            id="severity-name",
        ),
        pytest.param('[severity]\nD = "info"\n', "2:1", "severity: 'D' names no rule", id="severity-prefix"),
    ],
)
def test_a_rule_the_configuration_names_must_be_one_where_it_is_written(
    in_tmp: Path, written: str, place: str, said: str
) -> None:
    """A misspelt code would otherwise select, ignore or re-rate nothing without a word."""
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + ONE_OVER_ONE)
    write(in_tmp, "orglint.toml", written)
    exit_code, out, err = run("check", "s.yaml")
    assert exit_code == 2 and out == "" and f"orglint.toml:{place}: {said}" in err


def test_a_configuration_error_carries_its_place_apart_from_its_message(in_tmp: Path) -> None:
    """The language server places a fault from ``span``; the command line still says it on one line."""
    write(in_tmp, "bad.toml", 'ignore = ["D103"]\nselcet = ["S"]\n')
    with pytest.raises(config.ConfigError) as raised:
        config.load(in_tmp / "bad.toml")
    error = raised.value
    assert error.span is not None and (error.span.line, error.span.column) == (2, 1)
    assert error.message == "unknown key 'selcet' (did you mean 'select'?)"
    assert str(error) == f"bad.toml:2:1: {error.message}"
    write(in_tmp, "broken.toml", "ignore = [\n  1 = 2\n")
    with pytest.raises(config.ConfigError) as raised:
        config.load(in_tmp / "broken.toml")
    broken = raised.value
    assert broken.span is not None and broken.span.line == 2
    assert broken.message.startswith("invalid TOML: ") and "line" not in broken.message
    assert str(broken).startswith("broken.toml: invalid TOML: ") and str(broken).endswith("(at line 2, column 5)")
    exit_code, _, err = run("check", "--config", "broken.toml")
    assert exit_code == 2 and err == f"orglint: error: {broken}\n"
