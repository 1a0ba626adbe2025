"""A value written once and shared by several records (a YAML anchor merged with `<<: *name`, or an
alias) is one piece of text: a mistake in it gives one X002, at the place it is written, naming
the records that share it; the records themselves still read around it."""

from __future__ import annotations

from pathlib import Path

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
