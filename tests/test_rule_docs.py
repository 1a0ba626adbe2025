"""Every rule's docstring is its documentation, and its examples are run here, so docs cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orglint.docs import rule_text
from orglint.rule_examples import examples
from orglint.rules.registry import registered_rules
from orglint.testing import RuleTester

from .conftest import check_json, run

RULES = registered_rules()
SECTIONS = ("## What it does", "## Why", "## How to fix", "## Example")


def test_the_built_in_rules_are_registered() -> None:
    expected = {"X001", "X002", "S001", "S002", "S003", "S004", "S005", "S006", "D101", "D102", "D103", "D104"}
    assert expected <= set(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_documentation_is_complete(code: str) -> None:
    rule = RULES[code]
    text = rule_text(rule)
    for section in SECTIONS:
        assert section in text, f"{code} docs lack {section}"
    assert rule.basis and rule.fix and rule.summary()
    kinds = [example.kind for example in examples(rule)]
    assert "fail" in kinds and "pass" in kinds, f"{code} needs a failing and a passing example"


@pytest.mark.parametrize("code", list(RULES))
def test_examples_behave_as_documented(code: str, in_tmp: Path) -> None:
    rule = RULES[code]
    for index, example in enumerate(examples(rule)):
        folder = in_tmp / f"{example.kind}{index}"
        folder.mkdir()
        for name, text in example.files.items():
            (folder / name).write_text(text, encoding="utf-8")
        path = folder / example.filename
        path.write_text(example.text, encoding="utf-8")
        # the same choice of rules RuleTester makes for plugin authors, here through the CLI
        select, extend_select = RuleTester(rule).selection(example.kind)
        options = [*(f"--select={c}" for c in select), *(f"--extend-select={c}" for c in extend_select)]
        if example.kind == "fail":
            _, document = check_json(str(path), *options)
            mine = [d for d in document["diagnostics"] if d["code"] == code]
            if example.expected_cells:  # a table: the cells named in the fence
                assert sorted(d["cell"]["ref"] for d in mine) == sorted(example.expected_cells), (
                    f"{code} failing example: found {mine}"
                )
                continue
            found = sorted((d["line"], d["post"]) for d in mine)
            assert example.expected_lines, f"{code}: the failing example marks no line with '# <- {code}'"
            assert [line for line, _ in found] == example.expected_lines, f"{code} failing example: found {found}"
            if code not in ("X001", "X003"):  # YAML faults and comments belong to no post; the rest to the marked line's
                expected_posts = [_post_at(example.text, line) for line in example.expected_lines]
                assert [post for _, post in found] == expected_posts
        else:
            code_, document = check_json(str(path), *options)
            assert document["diagnostics"] == [], f"{code} passing example is not clean: {document['diagnostics']}"
            assert code_ == 0


def _post_at(text: str, line: int) -> str | None:
    """The id of the post the given line of an example belongs to; None above the posts
    (findings about the whole organisation)."""
    lines = text.splitlines()
    if not any(candidate.startswith("posts:") for candidate in lines[: line - 1]):
        return None
    for candidate in reversed(lines[:line]):
        match = re.search(r"\bid: ([^,}\s]+)", candidate)
        if match:
            return match.group(1)
    return None


@pytest.mark.parametrize("code", ["D103", "one-over-one", "d103"])
def test_rule_command_prints_the_docs(code: str) -> None:
    exit_code, out, _ = run("rule", code)
    assert exit_code == 0
    assert "D103 one-over-one" in out
    assert "Basis:" in out and "How to fix" in out


@pytest.mark.parametrize("code", ["L112", "T115"])
def test_rule_command_writes_each_example_line_whole_at_80_columns(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An example copied from the terminal is the YAML (or CSV) itself: never wrapped mid-line."""
    monkeypatch.setenv("COLUMNS", "80")
    exit_code, out, _ = run("rule", code)
    written = out.splitlines()
    long_lines = [line for example in examples(RULES[code]) for line in example.text.splitlines() if len(line) > 80]
    assert exit_code == 0 and long_lines
    assert all(line in written for line in long_lines)


def test_rule_all_and_json() -> None:
    exit_code, out, _ = run("rule", "--all")
    assert exit_code == 0
    assert all(code in out for code in RULES)
    exit_code, out, _ = run("rule", "S003", "--output-format", "json")
    assert exit_code == 0 and '"basis": "Structural integrity: every reporting line ends at a top post' in out


def test_rule_command_rejects_unknown_codes() -> None:
    exit_code, _, err = run("rule", "D199")
    assert exit_code == 2 and "selects no rule" in err


def test_rules_table_shows_the_resolved_ruleset() -> None:
    exit_code, out, _ = run("rules", "--output-format", "json")
    assert exit_code == 0
    import json

    table = {row["code"]: row for row in json.loads(out)["rules"]}
    assert table["D102"]["severity"] == "info" and table["D102"]["enabled"]
    assert set(RULES) == set(table)
