"""The CI output formats: SARIF 2.1.0 (validated against the official schema), JUnit XML
(parsed back) and GitHub workflow commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from .conftest import REPO, SAMPLES, run, write

SARIF_SCHEMA = REPO / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
BROKEN = "sample_structures/broken/structure.yaml"


def test_sarif_is_valid_sarif_2_1_0_with_rules_regions_and_fingerprints(at_repo: Path) -> None:
    exit_code, out, _ = run("check", BROKEN, "--output-format", "sarif")
    assert exit_code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {"S003", "L105", "C103"} <= {rule["id"] for rule in rules}
    s003 = next(rule for rule in rules if rule["id"] == "S003")
    assert "Structural integrity" in s003["help"]["text"] and s003["fullDescription"]["text"]
    results = sarif_run["results"]
    assert len(results) == 16
    loop = next(result for result in results if result["ruleId"] == "S003")
    assert rules[loop["ruleIndex"]]["id"] == "S003"
    assert loop["level"] == "error"
    location = loop["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == BROKEN
    assert location["region"] == {"startLine": 183, "startColumn": 17, "endLine": 183, "endColumn": 23}
    assert len({result["partialFingerprints"]["orglint/v1"] for result in results}) == len(results)
    assert {result["level"] for result in results} == {"error", "warning", "note"}


def test_sarif_fingerprints_ignore_line_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (REPO / BROKEN).read_text(encoding="utf-8")
    Path("s.yaml").write_text(text, encoding="utf-8")
    before = {
        r["partialFingerprints"]["orglint/v1"]
        for r in json.loads(run("check", "s.yaml", "--output-format", "sarif")[1])["runs"][0]["results"]
    }
    Path("s.yaml").write_text("# a new comment line\n" + text, encoding="utf-8")
    after = {
        r["partialFingerprints"]["orglint/v1"]
        for r in json.loads(run("check", "s.yaml", "--output-format", "sarif")[1])["runs"][0]["results"]
    }
    assert before == after


def test_junit_has_a_case_per_file_and_rule(at_repo: Path) -> None:
    exit_code, out, _ = run("check", BROKEN, str(SAMPLES / "riverside"), "--output-format", "junit")
    assert exit_code == 1
    suite = ElementTree.fromstring(out).find("testsuite")
    assert suite is not None
    cases = [(case.get("classname"), case.get("name"), case.find("failure") is not None) for case in suite.iter("testcase")]
    failed = {(file, name.split()[0]) for file, name, failing in cases if failing}
    assert failed == {
        (BROKEN, code)
        for code in (
            "S001",
            "S002",
            "S003",
            "S004",
            "S005",
            "S006",
            "D101",
            "D102",
            "D103",
            "D104",
            "X001",
            "X002",
            "X003",
            "X004",
        )
    }
    passed = [file for file, _name, failing in cases if not failing]
    assert len(passed) == 4 and all("riverside" in file for file in passed)
    assert suite.get("tests") == str(len(cases)) and suite.get("failures") == "14"
    d104 = next(case for case in suite.iter("testcase") if case.get("name", "").startswith("D104"))
    assert d104.find("failure").text.count("\n") == 2  # three findings, one a line


def test_github_annotations(at_repo: Path) -> None:
    _, out, _ = run("check", BROKEN, "--output-format", "github")
    lines = out.splitlines()
    assert len(lines) == 16
    assert (
        f"::error file={BROKEN},line=183,col=17,endLine=183,endColumn=23,title=S003 reporting-cycle::"
        "reporting loop: LOOP-1 → LOOP-2 → LOOP-1 (each reports to the next)"
    ) in lines
    assert any(line.startswith("::warning ") for line in lines) and any(line.startswith("::notice ") for line in lines)
    # commas and colons in properties, and percent signs and newlines in messages, are escaped
    from orglint.output.check.github import _data, _property

    assert _property("a,b:c") == "a%2Cb%3Ac" and _data("50%\nnext") == "50%25%0Anext"


LOG_COMMAND_IDS = """orglint: 1
organisation: {name: Test District Council, type: district, ruleset: core}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: "::error::hacked", title: Head, reports_to: "::error::hacker", tier: 2}
"""
LOG_COMMAND_MESSAGE = "reports_to '::error::hacker' names no post (did you mean '::error::hacked'?)"


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_a_post_id_s_control_and_bidi_characters_never_decode_raw(in_tmp: Path, output_format: str) -> None:
    """`jq -r '.diagnostics[].post'` writes what the field decodes to: an escape sequence or a
    right-to-left override in an id is shown as its escape, as in the message."""
    write(in_tmp, "s.yaml", LOG_COMMAND_IDS.replace('"::error::hacked"', '"\\e[31m::x\\u202e"'))
    _, out, _ = run("check", "s.yaml", "--output-format", output_format)
    document = json.loads(out)
    findings = document["diagnostics"] if output_format == "json" else document["runs"][0]["results"]
    posts = [finding["post"] if output_format == "json" else finding["properties"]["post"] for finding in findings]
    assert "\\x1b[31m::x\\u202e" in posts and all(post is None or post.isprintable() for post in posts)


@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "github", "concise", "full"])
def test_a_post_id_with_a_log_command_is_carried_as_it_is_and_escaped_only_as_each_format_needs(
    in_tmp: Path, output_format: str
) -> None:
    """`::` in user text is the data: JSON, SARIF and JUnit carry it exactly (a reader decodes
    what the format escaped); the github format, where it would end the command, uses GitHub's
    own `%3A` in properties; the text views show it as written, where no runner reads it."""
    write(in_tmp, "s.yaml", LOG_COMMAND_IDS)
    code, out, _ = run("check", "s.yaml", "--output-format", output_format)
    assert code == 1
    assert "\\x3a" not in out
    if output_format == "json":
        (finding,) = json.loads(out)["diagnostics"]
        assert (finding["post"], finding["message"]) == ("::error::hacked", LOG_COMMAND_MESSAGE)
    elif output_format == "sarif":
        (finding,) = json.loads(out)["runs"][0]["results"]
        assert (finding["properties"]["post"], finding["message"]["text"]) == ("::error::hacked", LOG_COMMAND_MESSAGE)
    elif output_format == "junit":
        (failure,) = ElementTree.fromstring(out).iter("failure")
        assert failure.text == f"s.yaml:5:54: S002 [unknown-manager] {LOG_COMMAND_MESSAGE}"
        assert "::" not in out  # inert in a CI log: the failure's text has lines of its own
    elif output_format == "github":
        (line,) = out.splitlines()
        assert line.startswith("::error file=s.yaml,line=5,") and line.endswith(f"::{LOG_COMMAND_MESSAGE}")
    else:
        assert f"s.yaml:5:54: S002 [unknown-manager] {LOG_COMMAND_MESSAGE}" in out


def test_each_ci_format_names_a_workbook_finding_s_cell(in_tmp: Path) -> None:
    """A workbook's row is no line GitHub or a SARIF viewer can show: the sheet and cell go where
    each format has room for them (GitHub's title, SARIF's properties as JSON gives them, JUnit's
    lines as the concise format writes them)."""
    from tests.workbooks import write_workbook

    data = {
        "orglint": 1,
        "organisation": {"name": "Test District Council", "type": "district"},
        "posts": [{"id": "CE", "title": "Chief Executive", "tier": 1}, {"id": "X", "title": "Clerk", "reports_to": "NOBODY"}],
    }
    write_workbook(data, in_tmp / "wb.xlsx")
    github = run("check", "--isolated", "--output-format", "github", "wb.xlsx")[1]
    assert "title=S002 unknown-manager at Posts!C3 (Reports to)::reports_to 'NOBODY' names no post\n" in github
    sarif = json.loads(run("check", "--isolated", "--output-format", "sarif", "wb.xlsx")[1])
    cells = {r["ruleId"]: r["properties"].get("cell") for r in sarif["runs"][0]["results"]}
    assert cells["S002"] == {"sheet": "Posts", "ref": "C3", "header": "Reports to"}
    # and SARIF's own place for it, a logical location, beside the region of no use in a zip's bytes
    places = {r["ruleId"]: r["locations"][0].get("logicalLocations") for r in sarif["runs"][0]["results"]}
    assert places["S002"] == [{"name": "C3", "fullyQualifiedName": "Posts!C3", "kind": "element"}]
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    junit = ElementTree.fromstring(run("check", "--isolated", "--output-format", "junit", "wb.xlsx")[1])
    failures = [failure.text or "" for failure in junit.iter("failure")]
    assert any(text.startswith("wb.xlsx:3:3: Posts!C3 (Reports to): S002 [unknown-manager]") for text in failures), failures
    concise = run("check", "--isolated", "--output-format", "concise", "wb.xlsx")[1]
    assert concise.splitlines()[0] in "\n".join(failures)
    # a YAML file's findings have no cell: nothing is added
    structure = write(
        in_tmp,
        "s.yaml",
        "orglint: 1\norganisation: {name: T, type: district}\nposts:\n  - {id: X, title: C, reports_to: NOBODY}\n",
    )
    sarif = json.loads(run("check", "--isolated", "--output-format", "sarif", str(structure))[1])
    assert all("cell" not in r["properties"] and "logicalLocations" not in r["locations"][0] for r in sarif["runs"][0]["results"])
    assert " at " not in run("check", "--isolated", "--output-format", "github", str(structure))[1].split("::")[1]
