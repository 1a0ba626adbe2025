"""Rulesets as data: extends, severities, off, settings, and exit 2 with a location for faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from orglint.ruleset import RulesetError, builtin_rulesets, load_ruleset

from .conftest import REPO, STRUCTURE_HEAD, check_json, run, write

ONE_OVER_ONE = (
    STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n"
)


def test_core_is_built_in_and_holds_the_policy_values() -> None:
    assert "core" in builtin_rulesets()
    core = load_ruleset(["core"], REPO)
    assert core.rules["D101"].settings == {"max-direct-reports": "12"}
    assert core.rules["D104"].settings == {"max-layers": "7"}
    assert core.rules["S004"].settings == {"max-top-posts": "1"}
    assert (
        core.instantiate(
            __import__("orglint.rules.registry", fromlist=["x"]).registered_rules()["D102"]
        ).settings.min_direct_reports
        == 3
    )


def test_the_built_in_ruleset_read_is_the_repository_file() -> None:
    from orglint.ruleset import load_ruleset

    (path,) = load_ruleset(["core"], REPO).files
    assert path.read_text() == (REPO / "rules" / "core.yaml").read_text()


def test_extends_overrides_severity_settings_and_turns_rules_off(in_tmp: Path) -> None:
    write(
        in_tmp,
        "mine.yaml",
        "orglint-ruleset: 1\nname: mine\nextends: [core]\nrules:\n  D103: error\n  one-over-one: error\n  S006: off\n",
    )
    write(in_tmp, "s.yaml", ONE_OVER_ONE.replace("ruleset: core", "ruleset: ./mine.yaml").replace("tier: 2}", "tier: 5}"))
    exit_code, document = check_json("s.yaml")
    assert [(d["code"], d["severity"]) for d in document["diagnostics"]] == [("D103", "error")]
    assert exit_code == 1


def test_cli_ruleset_replaces_the_structure_s(in_tmp: Path) -> None:
    write(in_tmp, "quiet.yaml", "orglint-ruleset: 1\nname: quiet\nextends: [core]\nrules:\n  D103: off\n")
    write(in_tmp, "s.yaml", ONE_OVER_ONE)
    exit_code, document = check_json("s.yaml", "--ruleset", "quiet.yaml")
    assert document["diagnostics"] == [] and exit_code == 0


@pytest.mark.parametrize(
    ("ruleset", "line", "column", "words"),
    [
        ("orglint-ruleset: 1\nname: x\nrules:\n  D110: error\n", 4, 3, "unknown rule 'D110'"),
        ("orglint-ruleset: 1\nname: x\nrules:\n  D101: {max-direct-report: 3}\n", 4, 10, "did you mean 'max-direct-reports'"),
        (
            "orglint-ruleset: 1\nname: x\nrules:\n  D101: {max-direct-reports: many}\n",
            4,
            30,
            "should be a whole number, got 'many'",
        ),
        ("orglint-ruleset: 1\nname: x\nrules:\n  D101: loud\n", 4, 9, "rules.D101"),
        ("orglint-ruleset: 1\nname: x\nextends: [cor]\n", 3, 11, "did you mean 'core'"),
        ("orglint-ruleset: 1\nname: x\nextnds: core\n", 3, 1, "unknown key 'extnds' (did you mean 'extends'?)"),
        ("orglint-ruleset: 1\nname: x\npolicy: 5\n", 3, 9, "policy: should be a mapping, got '5'"),
        ("orglint-ruleset: 1\nname: x\nextends: [./x.yaml]\n", 1, 1, "loop"),
        ("orglint-ruleset: 1\nname: x\nrules: [\n", 3, 9, "not valid YAML"),
        ("name: x\n", 1, 1, "orglint-ruleset"),
    ],
)
def test_bad_rulesets_exit_2_naming_file_line_and_column(in_tmp: Path, ruleset: str, line: int, column: int, words: str) -> None:
    write(in_tmp, "x.yaml", ruleset)
    write(in_tmp, "s.yaml", ONE_OVER_ONE)
    exit_code, out, err = run("check", "s.yaml", "--ruleset", "./x.yaml")
    assert exit_code == 2, out + err
    assert "Traceback" not in err
    assert f"x.yaml:{line}:{column}:" in err, err
    assert words in err


def test_a_setting_a_ruleset_omits_is_a_configuration_error(in_tmp: Path) -> None:
    write(in_tmp, "bare.yaml", "orglint-ruleset: 1\nname: bare\nrules:\n  D101: warning\n")
    write(in_tmp, "s.yaml", ONE_OVER_ONE)
    exit_code, _, err = run("check", "s.yaml", "--ruleset", "bare.yaml")
    assert exit_code == 2 and "needs the setting 'max-direct-reports'" in err


def test_unknown_ruleset_named_in_a_structure_is_exit_2_at_that_value(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", ONE_OVER_ONE.replace("ruleset: core", "ruleset: cor"))
    exit_code, _, err = run("check", "s.yaml")
    assert exit_code == 2
    assert "s.yaml:2:" in err and "did you mean 'core'" in err


def test_ruleset_error_carries_a_span() -> None:
    with pytest.raises(RulesetError) as caught:
        load_ruleset(["nonexistent"], REPO)
    assert "unknown ruleset" in str(caught.value)


def test_orglint_rules_refuses_a_setting_at_fault_as_check_does(in_tmp: Path) -> None:
    """`orglint rules --ruleset FILE` listed the table (exit 0) for a ruleset check refuses."""
    write(in_tmp, "bad.yaml", "orglint-ruleset: 1\nname: bad\nextends: [core]\nrules:\n  S001: {x: 1}\n")
    write(in_tmp, "s.yaml", STRUCTURE_HEAD.replace("ruleset: core", "ruleset: ./bad.yaml") + "  - {id: CE, title: CE, tier: 1}\n")
    checked, listed = run("check", "s.yaml"), run("rules", "--ruleset", "./bad.yaml")
    assert checked[0] == listed[0] == 2 and listed[1] == ""
    assert "bad.yaml:5:10: rule S001 has no setting 'x'; it takes none" in checked[2] == listed[2]


@pytest.mark.parametrize(("make", "said"), [("folder", "is a folder"), ("pipe", "is not a regular file")])
def test_a_ruleset_path_naming_no_file_says_what_it_names(in_tmp: Path, make: str, said: str) -> None:
    """A folder, or a pipe, is there: "not found" sent the user looking for a missing file."""
    import os

    (in_tmp / "own").mkdir() if make == "folder" else os.mkfifo(in_tmp / "own")
    write(in_tmp, "s.yaml", STRUCTURE_HEAD.replace("ruleset: core", "ruleset: ./own") + "  - {id: CE, title: CE, tier: 1}\n")
    code, _, err = run("check", "s.yaml")
    assert code == 2 and f"ruleset file './own' {said}" in err
