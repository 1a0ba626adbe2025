"""A value written once and shared by several records (a YAML anchor merged with `<<: *name`, or an
alias) is one piece of text: a mistake in it gives one finding (an X002, or a rule's), at the
place it is written, naming the records that share it; the records themselves still read around
it."""

from __future__ import annotations

import json
from pathlib import Path

from orglint.diagnostics import Diagnostic, Span, fingerprint
from tests.conftest import STRUCTURE_HEAD, check_json, run, write

MERGED = STRUCTURE_HEAD + (
    "  - {id: CE, title: Chief Executive, tier: 1}\n"
    "  - &director {id: D1, title: Director One, tier: 2, reports_to: CE, grdae: DIR, fte: lots}\n"
    "  - {<<: *director, id: D2, title: Director Two}\n"
    "  - {<<: *director, id: D3, title: Director Three}\n"
    "  - {<<: *director, id: D4, title: Director Four}\n"
)


def test_a_typo_in_a_merged_anchor_is_one_finding_at_the_anchor(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", MERGED)
    _, document = check_json("s.yaml")
    found = [(d["code"], d["line"], d["column"], d["post"], d["message"]) for d in document["diagnostics"] if d["code"] == "X002"]
    typo_column, fte_column = MERGED.splitlines()[4].index("grdae") + 1, MERGED.splitlines()[4].index("lots") + 1
    shared = "posts 'D1', 'D2', 'D3' and 'D4'"
    assert found == [
        ("X002", 5, typo_column, "D1", f"{shared}: unknown key 'grdae' (did you mean 'grade'?)"),
        ("X002", 5, fte_column, "D1", f"{shared}: fte: should be a number, got 'lots'"),
    ]
    assert all(d["code"] == "X002" for d in document["diagnostics"])  # read as meant: no finding for a missing grade


def test_a_typo_in_an_aliased_mapping_is_one_finding(in_tmp: Path) -> None:
    posts = (
        "  - {id: CE, title: Chief Executive, tier: 1, salary: &pay {min: 100, mxa: 120}}\n"
        "  - {id: D1, title: Director One, tier: 2, reports_to: CE, salary: *pay}\n"
        "  - {id: D2, title: Director Two, tier: 2, reports_to: CE, salary: *pay}\n"
    )
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + posts)
    _, document = check_json("s.yaml")
    found = [(d["line"], d["post"], d["message"]) for d in document["diagnostics"] if d["code"] == "X002"]
    assert found == [(4, "CE", "posts 'CE', 'D1' and 'D2': salary: unknown key 'mxa' (did you mean 'max'?)")]


def test_the_fix_of_a_typo_in_a_merged_anchor_renames_it_once(in_tmp: Path) -> None:
    path = write(in_tmp, "s.yaml", MERGED.replace(", fte: lots", ""))
    exit_code, _, err = run("check", "--fix", "s.yaml")
    assert exit_code == 0 and "Traceback" not in err  # fixed: nothing left
    fixed = path.read_text(encoding="utf-8")
    assert fixed == MERGED.replace(", fte: lots", "").replace("grdae", "grade")
    _, document = check_json("s.yaml")
    assert [d["code"] for d in document["diagnostics"]] == []


SHARED_MANAGER = MERGED.replace("reports_to: CE, grdae: DIR, fte: lots}", "reports_to: NOPE}").replace(
    "  - {<<: *director, id: D4, title: Director Four}\n", ""
)


def test_a_rule_s_finding_on_a_shared_value_is_one_finding_naming_the_posts(in_tmp: Path) -> None:
    """The wrong manager is written once, in the anchor: one S002 there, not one per post."""
    write(in_tmp, "s.yaml", SHARED_MANAGER)
    _, document = check_json("s.yaml")
    column = SHARED_MANAGER.splitlines()[4].index("NOPE") + 1
    found = [(d["code"], d["line"], d["column"], d["post"], d["message"]) for d in document["diagnostics"]]
    assert found == [("S002", 5, column, "D1", "posts 'D1', 'D2' and 'D3': reports_to 'NOPE' names no post")]


def test_one_comment_at_the_shared_value_suppresses_its_one_finding(in_tmp: Path) -> None:
    text = SHARED_MANAGER.replace("reports_to: NOPE}\n", "reports_to: NOPE}  # orglint: ignore[S002] -- moving\n")
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml")
    assert document["diagnostics"] == []  # and the suppression is used: no X003


def test_findings_at_different_places_or_in_other_words_are_not_merged(in_tmp: Path) -> None:
    """Posts that each write the same wrong manager are as many mistakes."""
    posts = "".join(f"  - {{id: D{n}, title: Director, tier: 2, reports_to: NOPE}}\n" for n in (1, 2))
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + posts)
    _, document = check_json("s.yaml")
    assert [(d["code"], d["post"], d["message"]) for d in document["diagnostics"]] == [
        ("S002", "D1", "reports_to 'NOPE' names no post"),
        ("S002", "D2", "reports_to 'NOPE' names no post"),
    ]


SHARED_TIER = STRUCTURE_HEAD + (
    "  - {id: CE, title: Chief Executive, tier: 1}\n"
    "  - id: D1\n"
    "    title: Director One\n"
    "    <<: &director {reports_to: CE, tier: 3}\n"
    "  - {id: D2, title: Director Two, <<: *director}\n"
    "  - {id: D3, title: Director Three, <<: *director}\n"
)


def test_a_finding_naming_each_post_on_a_shared_value_is_one_finding(in_tmp: Path) -> None:
    """S006's message names its post's line of command (`CE > D2`), but the wrong tier is written
    once: one finding, in the first post's words, naming the posts; fixed once, and counted once."""
    path = write(in_tmp, "s.yaml", SHARED_TIER)
    _, document = check_json("s.yaml")
    column = SHARED_TIER.splitlines()[6].index("3}") + 1
    found = [(d["code"], d["line"], d["column"], d["post"], d["message"]) for d in document["diagnostics"]]
    assert found == [
        ("S006", 7, column, "D1", "posts 'D1', 'D2' and 'D3': declared tier 3, but its manager 'CE' is tier 1 (CE > D1)")
    ]
    code, out, err = run("check", "--diff", "s.yaml")
    assert code == 1 and out.count("\n+    <<: &director {reports_to: CE, tier: 2}\n") == 1
    assert err == "orglint: --fix would fix 1 finding in 1 file\n"
    code, _, err = run("check", "--fix", "s.yaml")
    assert (code, err) == (0, "orglint: fixed 1 finding in 1 file\n")
    assert path.read_text(encoding="utf-8") == SHARED_TIER.replace("tier: 3}", "tier: 2}")


def test_findings_at_one_place_that_say_different_things_stay_apart(in_tmp: Path) -> None:
    """The shared tier 3 is one too many under the Chief Executive and one too few under a tier 3
    manager: two mistakes for one value, each with its own fix."""
    text = SHARED_TIER.replace("  - {id: D3, title: Director Three, <<: *director}\n", "") + (
        "  - {id: D3, title: Director Three, reports_to: CE, tier: 2}\n"
        "  - {id: H1, title: Head, reports_to: H0, <<: *director}\n"
        "  - {id: H0, title: Head, reports_to: D3, tier: 3}\n"
    )
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml", "--select", "S006")
    assert sorted((d["post"], d["fix"]) for d in document["diagnostics"]) == [
        ("D1", "Set `tier: 2`, or correct `reports_to`."),
        ("H1", "Set `tier: 4`, or correct `reports_to`."),
    ]


def test_a_shared_value_right_for_some_posts_is_not_fixed_and_fix_says_why(in_tmp: Path) -> None:
    """H1 and H2 report to a tier 2 Director and H3 to the Chief Executive: the shared tier 3 is
    right for two and wrong for one, so `--fix` leaves it, and says so plainly."""
    text = STRUCTURE_HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - {id: D1, title: Director, reports_to: CE, tier: 2}\n"
        "  - id: H1\n"
        "    title: Head\n"
        "    <<: &head {reports_to: D1, tier: 3}\n"
        "  - {id: H2, title: Head, <<: *head}\n"
        "  - {id: H3, title: Head, <<: *head, reports_to: CE}\n"
    )
    path = write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml", "--select", "S006")
    (s006,) = document["diagnostics"]
    assert s006["post"] == "H3" and s006["fix"] == (
        "The `tier` is shared (a YAML anchor or alias) with 'H1' and 'H2', for which it is right: "
        "give 'H3' `tier: 2` of its own, or correct `reports_to`."
    )  # not "Set `tier: 2`", which would make it wrong for them
    code, out, err = run("check", "--diff", "s.yaml", "--select", "S006")
    assert (code, out) == (0, "")
    assert err == (
        "orglint: s.yaml not fixed: the value at line 8 is shared by posts 'H1', 'H2' and 'H3' (a YAML anchor or alias), "
        "and no one value is right for all of them: give each post its own\n"
        "orglint: nothing else to fix\n"
    )
    run("check", "--fix", "s.yaml")
    assert path.read_text(encoding="utf-8") == text


def test_a_baseline_of_a_shared_value_s_finding_survives_a_post_more_sharing_it(in_tmp: Path) -> None:
    """The posts named are left out of the fingerprint: one more post merging the anchor is not a
    new finding, and an entry written per post (before findings were merged) still matches."""
    write(in_tmp, "s.yaml", SHARED_MANAGER)
    run("baseline", "write", "b.json", "s.yaml")
    write(in_tmp, "s.yaml", SHARED_MANAGER + "  - {<<: *director, id: D4, title: Director Four}\n")
    exit_code, out, err = run("check", "s.yaml", "--baseline", "b.json", "--output-format", "concise")
    assert exit_code == 0 and "S002" not in out and "baseline entr" not in err
    per_post = Diagnostic("S002", "reports_to 'NOPE' names no post", Span.start_of("s.yaml"), post="D1")
    entry = {"file": "s.yaml", "code": "S002", "post": "D1", "fingerprint": fingerprint(per_post), "message": per_post.message}
    write(in_tmp, "old.json", json.dumps({"orglint-baseline": 1, "findings": [entry]}))
    exit_code, _, err = run("check", "s.yaml", "--baseline", "old.json")
    assert exit_code == 0 and "baseline entr" not in err


def test_a_shared_value_s_finding_is_on_every_post_sharing_it_in_the_report_and_tree(in_tmp: Path) -> None:
    """Each department whose post shares the wrong value fails; the tree marks every sharer."""
    text = SHARED_MANAGER.replace("posts:\n", "departments: [{id: A, name: Alpha}, {id: B, name: Beta}]\nposts:\n", 1).replace(
        "reports_to: NOPE}", "reports_to: NOPE, department: A}"
    )
    text = text.replace("title: Director Three}", "title: Director Three, department: B}")
    write(in_tmp, "s.yaml", text)
    _, out, _ = run("report", "s.yaml", "--format", "markdown")
    rows = [line.split("|") for line in out.splitlines() if line.startswith(("| Alpha", "| Beta"))]
    verdicts = {cells[1].strip(): cells[-2].strip() for cells in rows if cells[-2].strip() in ("pass", "**fail**")}
    assert verdicts == {"Alpha": "**fail**", "Beta": "**fail**"}  # the compliance table
    _, out, _ = run("tree", "s.yaml")
    marked = {post: "S002" in line for line in out.splitlines() for post in ("D1", "D2", "D3") if f" {post} " in line}
    assert marked == {"D1": True, "D2": True, "D3": True}


def test_a_baseline_survives_a_post_sharing_the_value_added_above_the_others(in_tmp: Path) -> None:
    """With the shared fields in an `x-` block, a post merging them may come first: the finding's
    first post changes, and the baseline still accepts it."""
    common = "x-director: &director {tier: 2, reports_to: NOPE}\n"
    text = STRUCTURE_HEAD.replace("posts:\n", common + "posts:\n") + (
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - {<<: *director, id: D2, title: Director Two}\n"
        "  - {<<: *director, id: D3, title: Director Three}\n"
    )
    write(in_tmp, "s.yaml", text)
    run("baseline", "write", "b.json", "s.yaml")
    write(
        in_tmp,
        "s.yaml",
        text.replace(
            "  - {<<: *director, id: D2", "  - {<<: *director, id: D1, title: Director One}\n  - {<<: *director, id: D2", 1
        ),
    )
    exit_code, out, err = run("check", "s.yaml", "--baseline", "b.json", "--output-format", "concise")
    assert exit_code == 0 and "S002" not in out and "baseline entr" not in err
