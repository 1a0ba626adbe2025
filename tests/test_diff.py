"""`orglint diff` and `check --new-only`: every change category, the cost delta worked out here
from the raw YAML, shape, and findings introduced, resolved and persisting."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SAMPLES, STRUCTURE_HEAD, check_json, git, raw, run, write

CARLISLE, CARLISLE_PROPOSED = SAMPLES / "carlisle-2009" / "structure.yaml", SAMPLES / "carlisle-2009" / "proposed.yaml"
LEICESTERSHIRE, LEICESTERSHIRE_PROPOSED = (
    SAMPLES / "leicestershire" / "structure.yaml",
    SAMPLES / "leicestershire" / "proposed.yaml",
)


def diff_json(*args: str) -> tuple[int, dict[str, Any]]:
    exit_code, out, err = run("diff", *args, "--format", "json")
    assert "Traceback" not in out + err, err
    return exit_code, json.loads(out) if out else {}


def pay(path: Path) -> tuple[float, float]:
    posts = raw(path)["posts"]
    return (
        sum(p["salary"]["min"] * p.get("fte", 1.0) for p in posts if "salary" in p),
        sum(p["salary"]["max"] * p.get("fte", 1.0) for p in posts if "salary" in p),
    )


def by_id(path: Path) -> dict[str, dict[str, Any]]:
    return {post["id"]: post for post in raw(path)["posts"]}


def test_the_carlisle_proposal(at_repo: Path) -> None:
    exit_code, document = diff_json(str(CARLISLE.relative_to(REPO)), str(CARLISLE_PROPOSED.relative_to(REPO)))
    assert exit_code == 1  # the proposal introduces errors
    old, new = by_id(CARLISLE), by_id(CARLISLE_PROPOSED)
    changed = {
        post_id: (sorted(old[post_id].get("designations", [])), sorted(new[post_id].get("designations", [])))
        for post_id in old
        if sorted(old[post_id].get("designations", [])) != sorted(new[post_id].get("designations", []))
    }
    assert {c["post"]: (c["before"], c["after"]) for c in document["posts"]["designations"]} == changed
    moves = {m["designation"]: (m["before"], m["after"]) for m in document["designations"]}
    assert moves["monitoring-officer"] == (["AD-GOV"], ["AD-RES"])
    (before_min, before_max), (after_min, after_max) = pay(CARLISLE), pay(CARLISLE_PROPOSED)
    total = document["cost"]["total"]
    assert total["before"] == {"min": before_min, "max": before_max}
    assert total["delta"] == {"min": after_min - before_min, "max": after_max - before_max} == {"min": 3500, "max": 3000}
    assert total["partial"] and total["pay_unknown"] == {"before": ["TCCE"], "after": ["TCCE"]}  # no salary given
    assert [(entry["post"], entry["before"], entry["after"]) for entry in document["cost"]["pay_unknown"]] == [
        ("TCCE", "unknown", "unknown")
    ]
    _, old_check = check_json(str(CARLISLE.relative_to(REPO)))
    _, new_check = check_json(str(CARLISLE_PROPOSED.relative_to(REPO)))
    assert old_check["diagnostics"] == []
    assert [(d["code"], d["post"], d["line"]) for d in document["findings"]["introduced"]] == [
        (d["code"], d["post"], d["line"]) for d in new_check["diagnostics"]
    ]
    assert document["findings"]["resolved"] == [] and document["findings"]["persisting"] == 0


def test_a_line_with_no_pay_known_on_either_side_shows_no_change_not_pounds_0(at_repo: Path) -> None:
    """Carlisle's tier 1 (the Chief Executive, TCCE) has no salary in either version."""
    _, out, _ = run("diff", str(CARLISLE.relative_to(REPO)), str(CARLISLE_PROPOSED.relative_to(REPO)), "--format", "markdown")
    assert "| Tier 1 (partial) | — | — | — |" in out
    assert "+£3,500 at the minimum and +£3,000 at the maximum a year." in out


PART_TIME = """  - {id: CE, title: Chief Executive, tier: 1, salary: {min: 100000.1, max: 110000.1}}
  - {id: A, title: Officer, reports_to: CE, tier: 2, fte: 0.6, salary: {min: 28750.45, max: 31000.45}}
  - {id: B, title: Officer, reports_to: CE, tier: 2, fte: 0.7, salary: {min: 29000.7, max: 31000.9}}
"""


def test_json_money_is_to_the_penny(in_tmp: Path) -> None:
    """Range × FTE added up in floats carries noise (682037.6799999999 in the Home Office diff):
    the JSON gives pounds to the penny, worked out here in decimals from the YAML."""
    write(in_tmp, "old.yaml", STRUCTURE_HEAD + PART_TIME)
    write(in_tmp, "new.yaml", STRUCTURE_HEAD + PART_TIME.replace("fte: 0.7", "fte: 0.3"))
    floats = {
        side: sum(p["salary"]["min"] * p.get("fte", 1.0) for p in raw(in_tmp / f"{side}.yaml")["posts"])
        for side in ("old", "new")
    }
    assert any(round(value, 2) != value for value in floats.values())  # the noise is there to round away

    def pence(side: str, bound: str) -> float:
        posts = raw(in_tmp / f"{side}.yaml")["posts"]
        exact = sum(Decimal(str(p["salary"][bound])) * Decimal(str(p.get("fte", 1.0))) for p in posts)
        return float(exact.quantize(Decimal("0.01")))

    _, document = diff_json("old.yaml", "new.yaml")
    total = document["cost"]["total"]
    assert total["before"] == {"min": pence("old", "min"), "max": pence("old", "max")}
    assert total["after"] == {"min": pence("new", "min"), "max": pence("new", "max")}
    assert total["delta"] == {
        "min": float(Decimal(str(pence("new", "min"))) - Decimal(str(pence("old", "min")))),
        "max": float(Decimal(str(pence("new", "max"))) - Decimal(str(pence("old", "max")))),
    }
    _, out, _ = run("diff", "old.yaml", "new.yaml", "--format", "json")
    assert not re.search(r"\d\.\d{3,}", out)  # no amount, anywhere, with more than pence


def test_no_pay_data_says_so_rather_than_pounds_0(in_tmp: Path) -> None:
    posts = "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: A, title: Officer, reports_to: CE, tier: 2}\n"
    write(in_tmp, "old.yaml", STRUCTURE_HEAD + posts)
    write(in_tmp, "new.yaml", STRUCTURE_HEAD + posts + "  - {id: B, title: Officer, reports_to: CE, tier: 2}\n")
    _, out, _ = run("diff", "old.yaml", "new.yaml", "--format", "markdown")
    cost = out[out.index("## Cost") : out.index("## Shape")]
    assert "no post gives its pay (a salary range) in either version, so there is no cost to compare" in cost
    assert "£0" not in cost and "|" not in cost  # no headline of £0, and no tables of dashes
    _, document = diff_json("old.yaml", "new.yaml")
    total = document["cost"]["total"]  # the JSON too: a sum over no post is null, not 0
    assert (total["before"], total["after"], total["delta"], total["partial"]) == (None, None, None, True)


def test_the_leicestershire_proposal_moves_and_retiers_a_team_manager(at_repo: Path) -> None:
    _, document = diff_json(str(LEICESTERSHIRE.relative_to(REPO)), str(LEICESTERSHIRE_PROPOSED.relative_to(REPO)))
    old, new = by_id(LEICESTERSHIRE), by_id(LEICESTERSHIRE_PROPOSED)
    moved = [
        {"post": i, "before": old[i]["reports_to"], "after": new[i]["reports_to"]}
        for i in old
        if old[i]["reports_to"] != new[i]["reports_to"]
    ]
    retiered = [{"post": i, "before": old[i]["tier"], "after": new[i]["tier"]} for i in old if old[i]["tier"] != new[i]["tier"]]
    assert document["posts"]["moved"] == moved == [{"post": "AD-SC-H1-TM3", "before": "AD-SC-H1", "after": "AD-SC"}]
    assert document["posts"]["tier"] == retiered
    assert document["shape"]["before"]["span"]["min"] == 3 and document["shape"]["after"]["span"]["min"] == 2


OLD = (
    STRUCTURE_HEAD.replace("ruleset: core}", "ruleset: core}\ndepartments: [{id: ops}, {id: fin}]")
    + """  - {id: CE, title: Chief Executive, tier: 1, grade: A, salary: {min: 100, max: 200}, designations: [head-of-paid-service]}
  - {id: D1, title: Director One, reports_to: CE, tier: 2, grade: B, department: ops, salary: {min: 50, max: 60}}
  - {id: D2, title: Director Two, reports_to: CE, tier: 2, grade: B, department: ops, salary: {min: 50, max: 60}, designations: [monitoring-officer]}
  - {id: D3, title: Director Three, reports_to: CE, tier: 2, grade: B, department: fin, salary: {min: 50, max: 60}}
  - {id: M1, title: Manager, reports_to: D1, tier: 3, grade: C, department: ops, salary: {min: 30, max: 40}}
  - {id: OLD-9, title: Finance Lead, reports_to: D3, tier: 3, grade: C, department: fin, salary: {min: 30, max: 40}}
  - {id: GONE, title: Clerk, reports_to: D3, tier: 3, grade: D, department: fin, salary: {min: 10, max: 20}}
"""
)
NEW = (
    STRUCTURE_HEAD.replace("ruleset: core}", "ruleset: core}\ndepartments: [{id: ops}, {id: fin}]")
    + """  - {id: CE, title: Chief Executive, tier: 1, grade: A, salary: {min: 100, max: 200}, designations: [head-of-paid-service]}
  - {id: D1, title: Director of Operations, reports_to: CE, tier: 2, grade: B, department: ops, salary: {min: 50, max: 60}}
  - {id: D2, title: Director Two, reports_to: CE, tier: 2, grade: A, department: fin, salary: {min: 50, max: 60}, fte: 0.5}
  - {id: D3, title: Director Three, reports_to: CE, tier: 2, grade: B, department: fin, salary: {min: 50, max: 60}, designations: [monitoring-officer]}
  - {id: M1, title: Manager, reports_to: D2, tier: 4, grade: C, department: ops, salary: {min: 30, max: 40}}
  - {id: FIN-1, title: Finance Lead, reports_to: D3, tier: 3, grade: C, department: fin, salary: {min: 30, max: 40}}
  - {id: NEW, title: Analyst, reports_to: D3, tier: 3, grade: D, department: fin}
"""
)


def test_every_change_category_and_the_cost_delta(in_tmp: Path) -> None:
    write(in_tmp, "old.yaml", OLD)
    write(in_tmp, "new.yaml", NEW)
    exit_code, document = diff_json("old.yaml", "new.yaml")
    posts = document["posts"]
    assert [p["id"] for p in posts["added"]] == ["NEW"] and [p["id"] for p in posts["deleted"]] == ["GONE"]
    assert posts["renumbered"] == [{"before": "OLD-9", "after": "FIN-1", "title": "Finance Lead"}]  # same title, same manager
    assert posts["moved"] == [{"post": "M1", "before": "D1", "after": "D2"}]
    assert posts["regraded"] == [{"post": "D2", "before": "B", "after": "A"}]
    assert posts["retitled"] == [{"post": "D1", "before": "Director One", "after": "Director of Operations"}]
    assert posts["tier"] == [{"post": "M1", "before": 3, "after": 4}]
    assert posts["fte"] == [{"post": "D2", "before": 1.0, "after": 0.5}]
    assert posts["department"] == [{"post": "D2", "before": "ops", "after": "fin"}]
    assert document["designations"] == [{"designation": "monitoring-officer", "before": ["D2"], "after": ["D3"]}]
    # cost, worked out: D2 now half time (-25/-30), GONE deleted (-10/-20), NEW has no pay yet
    assert document["cost"]["total"]["delta"] == {"min": -35, "max": -50}
    fin = next(line for line in document["cost"]["by_department"] if line["label"] == "fin")
    assert fin["before"] == {"min": 90, "max": 120} and fin["after"] == {"min": 105, "max": 130}
    assert document["cost"]["total"]["pay_unknown"] == {"before": [], "after": ["NEW"]} and document["cost"]["partial"]
    assert (document["shape"]["before"]["layers"], document["shape"]["after"]["layers"]) == (3, 3)
    assert document["shape"]["before"]["one_over_one"] == ["D1"] and document["shape"]["after"]["one_over_one"] == ["D2"]
    introduced = {(d["code"], d["post"]) for d in document["findings"]["introduced"]}
    resolved = {(d["code"], d["post"]) for d in document["findings"]["resolved"]}
    assert ("S006", "M1") in introduced and ("D103", "D2") in introduced and ("D103", "D1") in resolved
    assert exit_code == 0  # what it introduces are warnings (S006, D103): diff fails only on new errors
    _, markdown, _ = run("diff", "old.yaml", "new.yaml", "--format", "markdown")
    assert [line for line in markdown.splitlines() if line.startswith("#")] == [
        "# Test District Council: what the restructure changes", "## Posts", "## Cost", "## Shape", "## Compliance"
    ]  # fmt: skip


def test_diff_needs_one_structure_a_side(in_tmp: Path, at_repo: Path) -> None:
    exit_code, _, err = run("diff", "sample_structures", "sample_structures/riverside")
    assert exit_code == 2 and "diff compares one structure with one" in err
    assert run("diff", "sample_structures/riverside")[0] == 2


@pytest.fixture
def repository(in_tmp: Path) -> Path:
    git(in_tmp, "init", "-q")
    write(in_tmp, "council/structure.yaml", OLD)
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "old")
    write(in_tmp, "council/structure.yaml", NEW)
    return in_tmp


def test_diff_against_a_git_revision(repository: Path) -> None:
    exit_code, document = diff_json("council/structure.yaml", "--base", "HEAD")
    assert document["before"] == "HEAD:council/structure.yaml" and document["after"] == "council/structure.yaml"
    assert [p["id"] for p in document["posts"]["added"]] == ["NEW"]
    assert {(d["code"], d["post"]) for d in document["findings"]["resolved"]} >= {("D103", "D1")}
    assert all(d["file"] == "HEAD:council/structure.yaml" for d in document["findings"]["resolved"])
    exit_code, _, err = run("diff", "council/structure.yaml", "--base", "no-such-rev")
    assert exit_code == 2 and "--base no-such-rev" in err


def test_check_new_only_fails_only_on_new_findings(repository: Path) -> None:
    _, everything = check_json("council")
    exit_code, document = check_json("council", "--new-only")
    assert exit_code == 0  # new warnings only
    new_keys = {(d["code"], d["post"]) for d in document["diagnostics"]}
    assert ("S006", "M1") in new_keys and ("D103", "D2") in new_keys
    assert len(document["diagnostics"]) + document["summary"]["suppressed"] == len(everything["diagnostics"])
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "new")
    exit_code, document = check_json("council", "--new-only")
    assert (exit_code, document["diagnostics"]) == (0, [])
    assert document["summary"]["suppressed"] == len(everything["diagnostics"])
    assert run("check", "council", "--base", "HEAD")[0] == 2  # --base goes with --new-only
    write(repository, "council/structure.yaml", NEW + "  - {id: NEW, title: Second Analyst, reports_to: D3, tier: 3}\n")
    exit_code, document = check_json("council", "--new-only", "--base", "HEAD")
    assert exit_code == 1 and [(d["code"], d["post"]) for d in document["diagnostics"]] == [("S001", "NEW")]


def test_diff_json_carries_a_log_command_in_the_data_as_it_is(in_tmp: Path) -> None:
    """As check's JSON does: `::` and `##[` are data (a JSON string never starts a line, and `##`
    goes out as a JSON escape), and a control character is still never written raw."""
    head = "  - {id: CE, title: Chief Executive, tier: 1}\n"
    write(in_tmp, "old.yaml", STRUCTURE_HEAD + head + "  - {id: D1, title: Director, reports_to: CE, tier: 2}\n")
    title = "::error::Director ##[error]x"
    new = f'  - {{id: D1, title: "{title}\\e[2J", reports_to: CE, tier: 2}}\n  - {{id: "::warning::D2", title: "{title}", tier: 2}}\n'
    write(in_tmp, "new.yaml", STRUCTURE_HEAD + head + new)
    _, out, err = run("diff", "old.yaml", "new.yaml", "--format", "json")
    assert "Traceback" not in err and "\\x3a" not in out and "##" not in out
    assert not any(ord(char) < 32 and char != "\n" for char in out)
    document = json.loads(out)
    assert document["posts"]["retitled"] == [{"post": "D1", "before": "Director", "after": f"{title}\\x1b[2J"}]
    assert [(post["id"], post["title"]) for post in document["posts"]["added"]] == [("::warning::D2", title)]
    assert "::warning::D2" in {d["post"] for d in document["findings"]["introduced"]}


def test_department_costs_are_matched_by_department_not_by_name(in_tmp: Path) -> None:
    """Two departments named alike, and a post whose department is written by a name: each line
    is its own department's, so nothing that did not change shows a change."""
    head = STRUCTURE_HEAD.replace(
        "posts:\n", "departments:\n  - {id: fin, name: Finance}\n  - {id: fin2, name: Finance}\nposts:\n"
    )
    posts = (
        "  - {id: CE, title: Chief Executive, tier: 1, department: fin, salary: {min: 100000, max: 100000}}\n"
        "  - {id: A, title: Officer, reports_to: CE, tier: 2, department: fin2, salary: {min: 40000, max: 40000}}\n"
        "  - {id: B, title: Officer, reports_to: CE, tier: 2, department: fin, salary: {min: 20000, max: 20000}}\n"
    )
    write(in_tmp, "old.yaml", head + posts)
    write(
        in_tmp,
        "new.yaml",
        head + posts.replace("department: fin, salary: {min: 20000", "department: Finance, salary: {min: 20000"),
    )
    _, document = diff_json("old.yaml", "new.yaml")
    lines = {line["label"]: (line["before"], line["after"]) for line in document["cost"]["by_department"]}
    assert lines == {
        "Finance (fin)": ({"min": 120000, "max": 120000}, {"min": 100000, "max": 100000}),
        "Finance (fin2)": ({"min": 40000, "max": 40000}, {"min": 40000, "max": 40000}),
        "Finance (not defined)": (None, {"min": 20000, "max": 20000}),
    }


def test_pay_function_qualifications_and_evaluation_changes_are_listed(in_tmp: Path) -> None:
    """The changes behind G102, C103, L107 and E101-E104: a new salary range, function,
    qualification or evaluation record was in no list, so the findings a restructure introduced
    could not be traced to a change."""
    old_post = (
        "function: provider, qualifications: [CIPFA], salary: {min: 52500, max: 58000}, "
        "evaluation: {scheme: HAY, date: 2009-07-20, grade: AD}"
    )
    new_post = (
        "function: operational-commissioning, qualifications: [MBA], salary: {min: 56000, max: 61000}, "
        "evaluation: {scheme: HAY, date: 2024-01-15, grade: AD}"
    )
    before = STRUCTURE_HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1, salary: {min: 100000, max: 110000}}\n"
        f"  - {{id: AD, title: AD, reports_to: CE, tier: 2, {old_post}}}\n"
    )
    write(in_tmp, "old.yaml", before)
    write(in_tmp, "new.yaml", before.replace(old_post, new_post))
    _, document = diff_json("old.yaml", "new.yaml")
    posts = document["posts"]
    assert posts["pay"] == [{"post": "AD", "before": {"min": 52500, "max": 58000}, "after": {"min": 56000, "max": 61000}}]
    assert posts["function"] == [{"post": "AD", "before": "provider", "after": "operational-commissioning"}]
    assert posts["qualifications"] == [{"post": "AD", "before": ["CIPFA"], "after": ["MBA"]}]
    assert posts["evaluation"] == [
        {
            "post": "AD",
            "before": {"scheme": "HAY", "date": "2009-07-20", "grade": "AD"},
            "after": {"scheme": "HAY", "date": "2024-01-15", "grade": "AD"},
        }
    ]
    _, markdown, _ = run("diff", "old.yaml", "new.yaml", "--format", "markdown")
    assert "| AD | £52,500–£58,000 | £56,000–£61,000 |" in markdown
    assert "| AD | HAY 2009-07-20 AD | HAY 2024-01-15 AD |" in markdown


def test_a_job_title_written_as_a_designation_moves_no_designation(in_tmp: Path) -> None:
    """The new version writes the monitoring officer's designation as a job title: its X002 says
    so, and the report has no one holding monitoring-officer. The moves agree: the designation
    goes from D2 to nobody, and the title is no designation held."""
    head = STRUCTURE_HEAD.replace("ruleset: core", "ruleset: uk-local-government")
    posts = "  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}\n"
    write(
        in_tmp,
        "old.yaml",
        head + posts + "  - {id: D2, title: Head of Legal, reports_to: CE, tier: 2, designations: [monitoring-officer]}\n",
    )
    write(
        in_tmp,
        "new.yaml",
        head
        + posts
        + "  - {id: D2, title: Head of Legal, reports_to: CE, tier: 2, designations: [Head of Legal and Monitoring Officer]}\n",
    )
    _, document = diff_json("old.yaml", "new.yaml")
    assert document["designations"] == [{"designation": "monitoring-officer", "before": ["D2"], "after": []}]
