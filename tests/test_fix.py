"""Safe fixes (issue 22 §2): ``fix_text``, ``orglint check --fix`` and ``--diff``.

The fixes of each rule are tested beside the rule (``tests/rules/test_s006_*``, ``test_x002_*``,
``test_x003_*``, ``test_l114_*``); this module tests what holds for every fix: only the fixed
characters change, the files are written whole and only when they may be, a second run changes
nothing, and after ``--fix`` the fixed findings are gone and no other finding appears."""

from __future__ import annotations

import difflib
import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import structure_yaml
from orglint.diagnostics import Diagnostic, location_free
from orglint.engine import LintOptions, LintResult, lint
from orglint.fix import fix_text
from orglint.rules.registry import registered_rules
from tests.conftest import SAMPLES, check_json, run, write
from tests.rules.core import CLEAN, HEAD
from tests.workbooks import read_structure, write_workbook

FIXABLE = {"S006", "X002", "X003", "L115"}

# A structure written the way people write them: comments, blank lines, quoting, odd spacing.
MESSY = """\
# Riverside's proposal, v3 (comments, blank lines and quoting must survive a fix)
orglint: 1
organisation: {name: "Example District Council", type: district, ruleset: core}

posts:
  # the top
  - id: CE
    title: 'Chief Executive'     # appointed 2021
    tier: 1

  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: 3}   # moved under the CE
  - {id: AD2,   title: Assistant Director, reports_to: CE,   tier: 2}
  - id: AD3
    title: Assistant Director
    reports_to: CE
    tier:   '2'
    grdae: G6    # typo
"""


def findings_of(path: Path, *extra: str) -> list[Diagnostic]:
    options = LintOptions(isolated=True, extend_select=list(extra))
    return lint([path], options).diagnostics


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old line, new line) for each line the change replaced; lines are never added or removed here."""
    pairs = []
    matcher = difflib.SequenceMatcher(None, before.splitlines(keepends=True), after.splitlines(keepends=True))
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        assert tag == "replace" and i2 - i1 == j2 - j1, (tag, before.splitlines()[i1:i2], after.splitlines()[j1:j2])
        pairs.extend(zip(before.splitlines(keepends=True)[i1:i2], after.splitlines(keepends=True)[j1:j2], strict=True))
    return pairs


def key(finding: Diagnostic) -> tuple[str, str | None, str]:
    """A finding as it survives edits elsewhere in its file (no line or column)."""
    return (finding.code, finding.post, location_free(finding.message))


# fix_text


def test_only_the_fixed_characters_change(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", MESSY)
    found = findings_of(path)
    assert sorted(d.code for d in found) == ["S006", "X002"]
    fixed = fix_text(MESSY, found)
    assert sorted(d.code for d in fixed.fixed) == ["S006", "X002"]
    assert changed_lines(MESSY, fixed.text) == [
        (
            '  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: 3}   # moved under the CE\n',
            '  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: 2}   # moved under the CE\n',
        ),
        ("    grdae: G6    # typo\n", "    grade: G6    # typo\n"),
    ]


def test_comment_text_inside_a_value_is_never_edited(in_tmp: Path) -> None:
    text = (
        HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n"
        '  - {id: AD1, title: "AD # orglint: ignore[S001, S002]", reports_to: CE, tier: 2}\n'
        "  - id: AD2\n    title: |\n      AD # orglint: ignore[D103]\n    reports_to: CE\n    tier: 2\n"
        "  - {id: AD3, title: AD, reports_to: CE, tier: 2}   # orglint: ignore[S001] -- stale\n"
    )
    write(in_tmp, "s.yaml", text)
    _, out, _ = run("check", "--diff", "s.yaml")
    assert [line for line in out.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))] == [
        "-  - {id: AD3, title: AD, reports_to: CE, tier: 2}   # orglint: ignore[S001] -- stale",
        "+  - {id: AD3, title: AD, reports_to: CE, tier: 2}",
    ]


def test_a_quoted_value_or_key_keeps_its_quotes(tmp_path: Path) -> None:
    text = MESSY.replace("tier: 3}", 'tier: "3"}').replace("grdae:", "'grdae':")
    fixed = fix_text(text, findings_of(write(tmp_path, "s.yaml", text)))
    assert [new for _, new in changed_lines(text, fixed.text)] == [
        '  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: "2"}   # moved under the CE\n',
        "    'grade': G6    # typo\n",
    ]


def test_findings_without_a_fix_are_ignored_and_not_counted_fixed(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 2, fte: 0}\n  - {id: AD2", 1)  # an X002 about a value
    found = findings_of(write(tmp_path, "s.yaml", text))
    assert [d.code for d in found] == ["X002"] and found[0].replacement is None
    assert fix_text(text, found) == type(fix_text(text, []))(text, ())


def test_text_that_does_not_read_as_yaml_is_left_as_it_is(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1)
    found = findings_of(write(tmp_path, "s.yaml", text))
    assert [d.code for d in found] == ["S006"]
    broken = text + "  - {id: X, title: [unclosed\n"
    assert fix_text(broken, found).text == broken
    assert fix_text(broken, found).fixed == ()


def test_a_fix_is_applied_once_even_if_its_finding_is_given_twice(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1)
    found = findings_of(write(tmp_path, "s.yaml", text))
    fixed = fix_text(text, [*found, *found])
    assert fixed.text == CLEAN and len(fixed.fixed) == 1


def test_every_fixable_rule_says_so_in_its_docs() -> None:
    rules = registered_rules()
    assert {code for code, rule in rules.items() if rule.fixable} == FIXABLE
    for code in FIXABLE:
        assert "This rule is fixable" in (rules[code].__doc__ or ""), code


# check --fix and --diff


def test_diff_shows_what_fix_writes_and_fix_is_idempotent(in_tmp: Path) -> None:
    path = write(in_tmp, "s.yaml", MESSY)
    code, out, err = run("check", "--diff", "s.yaml")
    assert code == 1 and "--fix would fix 2 findings in 1 file" in err
    assert path.read_text(encoding="utf-8") == MESSY  # --diff writes nothing
    assert out.splitlines()[:2] == ["--- a/s.yaml", "+++ b/s.yaml"]
    assert [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")] == [
        '-  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: 3}   # moved under the CE',
        '+  - {id: AD1, title: "Assistant Director", reports_to: CE, tier: 2}   # moved under the CE',
        "-    grdae: G6    # typo",
        "+    grade: G6    # typo",
    ]
    code, out, err = run("check", "--fix", "--output-format", "json", "s.yaml")
    assert "fixed 2 findings in 1 file" in err
    assert json.loads(out)["diagnostics"] == [] and code == 0
    fixed = path.read_bytes()
    assert run("check", "--diff", "s.yaml")[:2] == (0, "")
    run("check", "--fix", "s.yaml")
    assert path.read_bytes() == fixed  # a second run changes nothing


def test_fix_and_diff_together_are_refused(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", CLEAN)
    code, _, err = run("check", "--fix", "--diff", "s.yaml")
    assert code == 2 and "give one of them" in err


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fixing_what_a_suppression_hides_is_refused(in_tmp: Path, mode: str) -> None:
    write(in_tmp, "s.yaml", CLEAN)
    code, _, err = run("check", mode, "--ignore-suppressions", "s.yaml")
    assert code == 2 and "--ignore-suppressions cannot go with it" in err


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["-o", "out.txt"], "-o/--output-file"),
        (["--output-format", "json"], "--output-format"),
        (["--statistics"], "--statistics"),
        (["--exit-zero"], "--exit-zero"),
        (["--max-warnings", "3"], "--max-warnings"),
    ],
)
def test_diff_refuses_the_options_it_would_not_honour(in_tmp: Path, options: list[str], named: str) -> None:
    """--diff prints the patch and exits 1 if there is one: an option about the findings' output
    or exit code would be dropped without a word, so it is a usage error (docs/command-line.md)."""
    write(in_tmp, "s.yaml", MESSY)
    code, out, err = run("check", "--diff", *options, "s.yaml")
    assert (code, out) == (2, "")
    assert named in err and "cannot go with it" in err
    assert not (in_tmp / "out.txt").exists()


def test_a_moved_director_s_team_is_fixed_in_the_same_run(in_tmp: Path) -> None:
    """Setting AD1's tier right leaves its team's tiers (which followed the old one) to be set:
    --fix goes on until nothing is left, and --diff shows all of it."""
    team = "".join(f"  - {{id: H{n}, title: Head, reports_to: AD1, tier: 4}}\n" for n in (1, 2, 3))
    text = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1) + team
    path = write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    assert [d["code"] for d in document["diagnostics"]] == ["S006"]  # what the user sees: one finding
    code, out, err = run("check", "--diff", "s.yaml")
    assert code == 1 and out.count("\n+  - {id: H") == 3 and "tier: 2}" in out
    assert err == "orglint: --fix would fix 1 finding in 1 file (and 3 more that those fixes lead to)\n"
    run("check", "--fix", "s.yaml")
    assert path.read_text(encoding="utf-8") == CLEAN + team.replace("tier: 4", "tier: 3")


def test_line_breaks_and_a_bom_are_kept(in_tmp: Path) -> None:
    text = CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1)
    path = in_tmp / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run("check", "--fix", "s.yaml")
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode("utf-8")


def test_a_file_with_an_x001_is_never_touched(in_tmp: Path) -> None:
    """The included file that does not read as YAML is left byte for byte, and so is the root:
    until every file of the structure reads, no rule judges it, and no fix follows a guess."""
    root = HEAD.replace("posts:\n", "include: [team.yaml]\nposts:\n") + CLEAN.removeprefix(HEAD).replace(
        "tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1
    )
    broken = "orglint: 1\nposts:\n  - {id: X1, title: X, reports_to: CE, tier: 5   # unclosed\n"
    write(in_tmp, "s.yaml", root)
    write(in_tmp, "team.yaml", broken)
    assert "X001" in {d["code"] for d in check_json("s.yaml")[1]["diagnostics"]}
    run("check", "--fix", "s.yaml")
    assert (in_tmp / "team.yaml").read_text(encoding="utf-8") == broken
    assert (in_tmp / "s.yaml").read_text(encoding="utf-8") == root


def test_a_workbook_is_left_alone_and_fix_says_so(in_tmp: Path) -> None:
    structure = write(in_tmp, "s.yaml", CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1))
    workbook = write_workbook(read_structure(structure), in_tmp / "proposal.xlsx")
    structure.unlink()
    before = workbook.read_bytes()
    assert [d["code"] for d in check_json("proposal.xlsx")[1]["diagnostics"]] == ["S006"]
    code, _, err = run("check", "--fix", "proposal.xlsx")
    assert code == 0  # S006 is a warning, and it is still there
    assert "proposal.xlsx not fixed: a workbook or table is not rewritten" in err
    assert workbook.read_bytes() == before
    code, out, err = run("check", "--diff", "proposal.xlsx")
    assert (code, out) == (0, "") and "not rewritten" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_inside_the_repository_is_fixed_where_it_leads_and_stays_a_link(in_tmp: Path) -> None:
    (in_tmp / ".git").mkdir()
    real = write(in_tmp, "real/s.yaml", CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1))
    (in_tmp / "s.yaml").symlink_to(real)
    run("check", "--fix", "s.yaml")
    assert (in_tmp / "s.yaml").is_symlink()
    assert real.read_text(encoding="utf-8") == CLEAN


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_out_of_the_repository_is_never_written_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = write(tmp_path, "outside/s.yaml", CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 3}\n  - {id: AD2", 1))
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / "s.yaml").symlink_to(outside)
    before = outside.read_bytes()
    monkeypatch.chdir(repository)
    run("check", "--fix", "s.yaml")
    assert outside.read_bytes() == before and (repository / "s.yaml").is_symlink()


def test_orglint_rules_marks_the_fixable_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run("rules", "--output-format", "json")
    assert code == 0
    assert {row["code"] for row in json.loads(out)["rules"] if row["fixable"]} == FIXABLE
    _, stacked, _ = run("rules")  # at 80 columns the longest rule names only fit stacked
    assert any(line.split()[-2:] == ["fix", "yes"] for line in stacked.splitlines())
    monkeypatch.setenv("COLUMNS", "200")
    _, text, _ = run("rules")
    header = next(line for line in text.splitlines() if line.strip().startswith("code"))
    assert header.split()[:5] == ["code", "name", "enabled", "severity", "fix"]
    row = next(line for line in text.splitlines() if line.strip().startswith("S006"))
    assert row.split()[:5] == ["S006", "tier-mismatch", "yes", "warning", "yes"]


# the samples and a mutated 1,000-post structure


@pytest.mark.parametrize("sample", sorted(path.name for path in SAMPLES.iterdir() if path.is_dir()))
def test_fix_on_each_sample_removes_only_fixed_findings(sample: str, in_tmp: Path) -> None:
    """No finding appears, and those that go are fixable ones; a sample with an X001 (`broken`)
    is not touched at all; a second run has nothing to do."""
    shutil.copytree(SAMPLES / sample, in_tmp / sample)
    files = {path: path.read_bytes() for path in (in_tmp / sample).rglob("*") if path.is_file()}
    _, before = check_json(sample, "--extend-select", "L115")
    _, _, err = run("check", "--fix", "--extend-select", "L115", sample)
    assert "Traceback" not in err
    _, after = check_json(sample, "--extend-select", "L115")
    was = {(d["code"], d["post"], location_free(d["message"])) for d in before["diagnostics"]}
    left = {(d["code"], d["post"], location_free(d["message"])) for d in after["diagnostics"]}
    assert left <= was
    assert {code for code, _, _ in was - left} <= FIXABLE
    if any(d["code"] == "X001" for d in before["diagnostics"]):
        assert all(path.read_bytes() == content for path, content in files.items())
    assert run("check", "--diff", "--extend-select", "L115", sample)[:2] == (0, "")


def _with_fixable_faults(text: str) -> str:
    """A sample file with one of each fixable fault, each on a post chosen by where it stands in
    the file: a tier one too many (the last post's, whose team, if any, follows it), a misspelt
    `reports_to`, a stale suppression, a designation by its alias."""
    lines = text.splitlines(keepends=True)
    tiers = [index for index, line in enumerate(lines) if line.startswith("    tier: ")]
    if tiers:
        at = tiers[-1]
        lines[at] = (
            f"    tier: {int(lines[at].split(':')[1].split('#')[0]) + 1}" + lines[at][len(lines[at].split("#")[0].rstrip()) :]
        )
    managers = [index for index, line in enumerate(lines) if line.startswith("    reports_to: ")]
    if managers:
        lines[managers[0]] = lines[managers[0]].replace("reports_to:", "reprots_to:", 1)
    posts = [index for index, line in enumerate(lines) if line.startswith("  - id: ") and "#" not in line]
    if posts:
        lines[posts[len(posts) // 2]] = lines[posts[len(posts) // 2]].rstrip("\n") + "   # orglint: ignore[S001] -- interim\n"
    officers = [index for index, line in enumerate(lines) if line.strip() == "- chief-finance-officer"]
    if officers:
        lines[officers[0]] = lines[officers[0]].replace("chief-finance-officer", "s151 officer")
    return "".join(lines)


@pytest.mark.parametrize("sample", ["carlisle-2009", "leicestershire", "riverside"])
def test_fix_mends_faults_put_in_each_sample_and_nothing_else(sample: str, in_tmp: Path) -> None:
    """Each YAML file of the sample gets one fault of each kind; --fix gives every file back byte
    for byte, with the sample's own findings, no more and no fewer."""
    shutil.copytree(SAMPLES / sample, in_tmp / sample)
    originals = {path: path.read_text(encoding="utf-8") for path in sorted((in_tmp / sample).rglob("*.yaml"))}
    _, clean = check_json(sample, "--extend-select", "L115")
    for path, text in originals.items():
        path.write_text(_with_fixable_faults(text), encoding="utf-8")
    _, faulty = check_json(sample, "--extend-select", "L115")
    put = {d["code"] for d in faulty["diagnostics"]} - {d["code"] for d in clean["diagnostics"]}
    assert put >= {"S006", "X002", "X003"} | ({"L115"} if "- chief-finance-officer\n" in "".join(originals.values()) else set())
    _, _, err = run("check", "--fix", "--extend-select", "L115", sample)
    assert "not fixed" not in err
    assert {path: path.read_text(encoding="utf-8") for path in originals} == originals
    _, fixed = check_json(sample, "--extend-select", "L115")
    assert fixed["diagnostics"] == clean["diagnostics"]


def test_fix_on_the_broken_sample_without_its_x001(in_tmp: Path) -> None:
    """`broken` has one of each fixable fault but also a key given twice (X001), which keeps --fix
    away from the file: without that line, its S006, X002 and X003 are fixed, and nothing else changes."""
    text = (SAMPLES / "broken" / "structure.yaml").read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if "<- X001" not in line)
    path = write(in_tmp, "broken/structure.yaml", text)
    _, before = check_json("broken")
    run("check", "--fix", "broken")
    _, after = check_json("broken")
    was = {(d["code"], d["post"], location_free(d["message"])) for d in before["diagnostics"]}
    left = {(d["code"], d["post"], location_free(d["message"])) for d in after["diagnostics"]}
    assert left <= was
    assert sorted((code, post) for code, post, _ in was - left) == [("S006", "HOS-C3"), ("X002", "CLERK-2"), ("X003", "CLERK-3")]
    assert changed_lines(text, path.read_text(encoding="utf-8")) == [
        ("    tier: 5   # <- S006: it is tier 3\n", "    tier: 3   # <- S006: it is tier 3\n"),
        ("    grdae: G6   # <- X002: did you mean grade?\n", "    grade: G6   # <- X002: did you mean grade?\n"),
        ("  - id: CLERK-3   # orglint: ignore[D103] -- stale   # <- X003: nothing here to suppress\n", "  - id: CLERK-3\n"),
    ]


def _mutated(clean: str, seed: int) -> tuple[str, int]:
    """The clean 1,000-post structure with faults every fixable rule mends: tiers of posts (and of
    whole teams, moved a tier down) that do not follow the lines, misspelt keys, stale suppression
    comments, designations by their aliases. Returns the text and how many lines were changed."""
    lines = clean.splitlines(keepends=True)
    chooser = random.Random(seed)
    id_lines = [index for index, line in enumerate(lines) if line.startswith("  - id: P")]
    changed = 0
    for index in chooser.sample(id_lines[1:], 60):
        kind = chooser.choice(["tier", "grade", "comment", "reports"])
        record_end = next((i for i in range(index + 1, len(lines)) if lines[i].startswith("  - ")), len(lines))
        record = range(index, record_end)
        if kind == "tier":
            at = next(i for i in record if lines[i].startswith("    tier: "))
            lines[at] = f"    tier: {int(lines[at].split(':')[1]) + chooser.choice([1, 2])}\n"
        elif kind == "grade":
            at = next(i for i in record if lines[i].startswith("    grade: "))
            lines[at] = lines[at].replace("grade:", "grdae:")
        elif kind == "comment":
            lines[index] = lines[index].rstrip("\n") + "   # orglint: ignore[D103, S001] -- interim\n"
        else:
            at = next(i for i in record if lines[i].startswith("    reports_to: "))
            lines[at] = lines[at].replace("reports_to:", "reprots_to:")
        changed += 1
    return "".join(lines), changed


def test_fix_mends_a_mutated_thousand_post_structure_back_to_its_original(in_tmp: Path) -> None:
    clean = structure_yaml(1000).replace(
        "    holder: Holder 1\n", "    holder: Holder 1\n    designations: [chief-finance-officer, monitoring-officer]\n"
    )
    aliased = clean.replace("[chief-finance-officer, monitoring-officer]", "[s151, Monitoring Officer]")
    mutated, changed = _mutated(aliased, seed=22)
    assert changed == 60
    path = write(in_tmp, "big.yaml", mutated)
    clean_findings = {key(d) for d in findings_of(write(in_tmp, "clean/big.yaml", clean), "L115")}
    before = findings_of(path, "L115")
    assert {d.code for d in before} - {code for code, _, _ in clean_findings} >= {"S006", "X002", "X003", "L115"}
    _, _, err = run("check", "--fix", "--extend-select", "L115", "big.yaml")
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == clean  # every fault mended, and only the faults
    assert {key(d) for d in findings_of(path, "L115")} == clean_findings  # no finding new, none of the fixed left
    assert run("check", "--diff", "--extend-select", "L115", "big.yaml")[:2] == (0, "")


def test_a_value_merged_into_two_posts_is_not_fixed_for_one_at_the_other_s_cost(in_tmp: Path) -> None:
    """AD2 takes AD1's fields through a merge key (`<<: *ad1`), `tier` among them. AD1's tier is
    wrong and AD2's right: setting the one value right for AD1 would make it wrong for AD2 (and
    AD2's fix back again), so the file is left as it was, and --fix says why."""
    text = HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - &ad1\n    id: AD1\n    title: Assistant Director\n    reports_to: CE\n    tier: 3\n"
        "  - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}\n"
        "  - {<<: *ad1, id: AD2, reports_to: AD3}\n"
    )
    path = write(in_tmp, "s.yaml", text)
    assert {(d["code"], d["post"]) for d in check_json("s.yaml")[1]["diagnostics"] if d["code"] == "S006"} == {("S006", "AD1")}
    code, out, err = run("check", "--diff", "s.yaml")
    assert (code, out) == (0, "")
    assert err == (
        "orglint: s.yaml not fixed: the value at line 9 is shared by posts 'AD1' and 'AD2' (a YAML anchor or alias), "
        "and no one value is right for all of them: give each post its own\n"
        "orglint: nothing else to fix\n"  # not "nothing to fix", nor "nothing it can fix", after "not fixed"
    )
    run("check", "--fix", "s.yaml")
    assert path.read_text(encoding="utf-8") == text


def test_an_anchored_or_aliased_value_is_not_rewritten(tmp_path: Path) -> None:
    text = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: &t 3}\n  - {id: AD2", 1)
    found = findings_of(write(tmp_path, "s.yaml", text))
    assert [d.code for d in found] == ["S006"] and found[0].replacement == "2"
    assert fix_text(text, found).text == text


def test_a_file_changed_on_disk_since_it_was_read_is_not_written(in_tmp: Path) -> None:
    from orglint.fix import CHANGED_MEANWHILE, fix_rounds, write_fixes

    path = write(
        in_tmp, "s.yaml", CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1)
    )
    options = LintOptions(isolated=True)
    outcome = fix_rounds(lambda: lint([path], options))
    assert [fix.display for fix in outcome.changed] == ["s.yaml"]
    path.write_text(CLEAN + "  - {id: AD4, title: Assistant Director, reports_to: CE, tier: 2}\n", encoding="utf-8")
    assert write_fixes(outcome) == {"s.yaml": CHANGED_MEANWHILE}
    assert "AD4" in path.read_text(encoding="utf-8")  # the edit made meanwhile is kept
    assert not [name for name in os.listdir(in_tmp) if name.endswith(".tmp")]


def test_a_fix_that_would_spoil_the_yaml_is_left_out_and_the_others_made(tmp_path: Path) -> None:
    """The safety net under every fix: the fixed text must read as YAML as well as before. A
    fix whose replacement would open a quote it never closes (made up here: no rule's fix does
    so) is left out alone, and the file's other fixes are made."""
    text = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1)
    (s006,) = findings_of(write(tmp_path, "s.yaml", text))
    line = next(number for number, line in enumerate(text.splitlines(), start=1) if "id: AD3" in line)
    column = text.splitlines()[line - 1].index("Assistant Director") + 1
    spoiling = replace(s006, span=s006.span._replace(line=line, column=column, end_line=line, end_column=column + 9))
    spoiling.replacement = '"Assistant'
    fixed = fix_text(text, [s006, spoiling])
    assert fixed.fixed == (s006,)
    assert fixed.text == text.replace("reports_to: CE, tier: 3}", "reports_to: CE, tier: 2}")


def test_the_diff_is_the_one_difflib_makes(in_tmp: Path) -> None:
    """`--diff` groups the changes it knows into hunks as difflib does, lines removed included
    (it does not search for them: difflib's search took minutes on 10,000 posts)."""
    lines = MESSY.splitlines(keepends=True)
    lines.insert(6, "  # orglint: ignore-file[S002] -- stale\n")
    text = "".join(lines) + "".join(f"  - {{id: T{n}, title: Team, reports_to: AD2, tier: 3}}\n" for n in range(12))
    text += "  - {id: T99, title: Team, reports_to: AD2, tier: 4}   # orglint: ignore[D103]\n"
    path = write(in_tmp, "s.yaml", text)
    code, out, _ = run("check", "--diff", "s.yaml")
    assert code == 1
    run("check", "--fix", "s.yaml")
    after = path.read_text(encoding="utf-8")
    assert len(after.splitlines()) == len(text.splitlines()) - 1
    expected = difflib.unified_diff(text.splitlines(), after.splitlines(), "a/s.yaml", "b/s.yaml", lineterm="")
    assert out == "".join(line + "\n" for line in expected)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("crlf", MESSY.replace("\n", "\r\n")),
        ("no final newline", MESSY.rstrip("\n")),
        ("crlf, no final newline", MESSY.rstrip("\n").replace("\n", "\r\n")),
    ],
)
@pytest.mark.slow  # runs orglint and git apply (or patch) as processes
def test_the_diff_applies_with_git_apply_and_patch(in_tmp: Path, name: str, text: str) -> None:
    """--diff keeps each line's own break (a CRLF file's patch has `\\r\\n` lines) and marks a last
    line without one (`\\ No newline at end of file`), as diff and git do: the patch applies."""
    subprocess.run(["git", "init", "-q", "."], check=True, cwd=in_tmp)
    path = in_tmp / "s.yaml"
    path.write_bytes(text.encode("utf-8"))
    done = subprocess.run([sys.executable, "-m", "orglint", "check", "--diff", "s.yaml"], capture_output=True, cwd=in_tmp)
    assert done.returncode == 1
    out = done.stdout.decode("utf-8")  # as written: the test runner's output would fold \r\n
    (in_tmp / "fix.patch").write_bytes(done.stdout)
    if "\r\n" in text:
        assert "\r\n" in out
    if not text.endswith("\n"):
        assert out.endswith("\\ No newline at end of file\n")
    subprocess.run(["git", "apply", "--check", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    if shutil.which("patch"):
        subprocess.run(["patch", "-p1", "--dry-run", "-i", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    subprocess.run(["git", "apply", "fix.patch"], check=True, cwd=in_tmp, capture_output=True)
    fixed = path.read_bytes()
    path.write_bytes(text.encode("utf-8"))
    run("check", "--fix", "s.yaml")
    assert fixed == path.read_bytes()  # the patch does what --fix does


def test_the_fixes_are_made_to_the_bytes_the_lint_read_and_a_file_changed_since_is_left_alone(in_tmp: Path) -> None:
    """An editor saves the file after the lint read it and before --fix edits it: the findings'
    lines and columns are about the text the lint read, so the file is neither fixed nor written."""
    from orglint.fix import CHANGED_MEANWHILE, fix_rounds, write_fixes

    wrong = CLEAN.replace("reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 3}\n  - {id: AD2", 1)
    path = write(in_tmp, "s.yaml", wrong)
    saved = "# a comment line the editor added: every span below it moves\n" + wrong
    options = LintOptions(isolated=True)
    lints = []

    def lint_and_then_the_editor_saves() -> LintResult:
        result = lint([path], options)
        if not lints:
            path.write_text(saved, encoding="utf-8")
        lints.append(result)
        return result

    outcome = fix_rounds(lint_and_then_the_editor_saves)
    assert outcome.changed == [] and outcome.left_alone == {"s.yaml": CHANGED_MEANWHILE}
    assert write_fixes(outcome) == {}
    assert path.read_text(encoding="utf-8") == saved


def test_a_fix_that_mends_one_yaml_fault_and_makes_another_is_no_better() -> None:
    """The YAML faults before and after a fix are compared as (message, line), not counted; a
    line a fix removed moves no fault below it."""
    from orglint.fix import _yaml_problems

    head = "orglint: 1\nposts:\n"
    twice_a = [head, "  - {id: A, title: x, title: y}\n", "  - {id: B, title: x}\n"]
    twice_b = [head, "  - {id: A, title: x}\n", "  - {id: B, title: x, title: y}\n"]
    before, after = _yaml_problems(twice_a), _yaml_problems(twice_b)
    assert before is not None and after is not None and len(before) == len(after) == 1
    assert not after <= before
    with_comment = [head, "  # orglint: ignore[D103] -- stale\n", *twice_b[1:]]
    removed = [head, "", *twice_b[1:]]  # the comment's line removed, as mend_lines leaves it
    assert _yaml_problems(removed) == _yaml_problems(with_comment)


@pytest.mark.parametrize(
    ("written", "new", "shown"),
    [
        ("3", "2", "2"),  # a plain number stays a plain number
        ("'3'", "2", "'2'"),  # a quoted value stays quoted
        ('"3"', "2", '"2"'),
        ("grdae", "grade", "grade"),
        ("s151", "chief-finance-officer", "chief-finance-officer"),
        ("G6", "123", "'123'"),  # a plain string is never replaced by what other tools read as a number
        ("G6", "1.5", "'1.5'"),
        ("G6", "1e5", "'1e5'"),
        ("G6", "0x1F", "'0x1F'"),
        ("G6", "2024-01-01", "'2024-01-01'"),  # ... or a date
        ("G6", "yes", "'yes'"),  # ... or a boolean
        ("G6", "null", "'null'"),
        ("yes", "no", "no"),
        ("G6", "it's: here", "'it''s: here'"),
    ],
)
def test_a_replacement_keeps_the_value_s_quoting_and_its_type_in_other_yaml_tools(written: str, new: str, shown: str) -> None:
    from ruamel.yaml import YAML

    from orglint.text_edits import rewritten_scalar

    assert rewritten_scalar(written, new) == shown
    before, after = (YAML(typ="safe", pure=True).load(f"v: {text}")["v"] for text in (written, shown))
    assert type(after) is type(before) or isinstance(after, str)  # the type other readers see is kept
    assert str(after) == new or after == new
