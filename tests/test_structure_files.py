"""Structure files: the format (X002), includes across files, and which files are structures."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import STRUCTURE_HEAD, check_json, findings, run, write

CLEAN_POSTS = """  - {id: CE, title: Chief Executive, tier: 1}
  - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
  - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
  - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
"""


def test_unknown_key_gets_a_did_you_mean_at_the_key(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + CLEAN_POSTS + "  - id: AD4\n    title: X\n    reprots_to: CE\n")
    _, document = check_json("s.yaml")
    x002 = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert len(x002) == 1
    assert (x002[0]["line"], x002[0]["column"], x002[0]["post"]) == (10, 5, "AD4")
    assert "did you mean 'reports_to'?" in x002[0]["message"]


def test_a_misspelt_organisation_key_is_named_at_the_key_not_taken_for_an_included_file(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", "orglint: 1\norganization: {name: X, type: district}\nposts:\n" + CLEAN_POSTS)
    _, document = check_json("s.yaml")
    (finding,) = document["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"], finding["end_column"]) == ("X002", 2, 1, 13)
    assert finding["message"].startswith("unknown key 'organization' (did you mean 'organisation'?)")


def test_an_included_file_no_root_includes_is_one_finding_at_its_start(in_tmp: Path) -> None:
    write(in_tmp, "team.yaml", "orglint: 1\nposts:\n" + CLEAN_POSTS)
    _, document = check_json("team.yaml")
    assert [(d["code"], d["line"], d["column"]) for d in document["diagnostics"]] == [("X002", 1, 1)]
    assert document["diagnostics"][0]["message"] == (
        "an included structure file (it has no `organisation:`), but no root structure in this folder or those above it "
        "includes it"
    )


def test_one_finding_per_field_at_fault_each_at_its_value(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD
        + CLEAN_POSTS
        + "  - id: AD4\n    title: X\n    reports_to: CE\n    tier: two\n    fte: 0\n    salary: {min: 9, max: 5}\n",
    )
    _, document = check_json("s.yaml")
    x002 = sorted((d["line"], d["column"], d["message"]) for d in document["diagnostics"] if d["code"] == "X002")
    assert [(line, column) for line, column, _ in x002] == [(11, 11), (12, 10), (13, 13)]
    assert "whole number" in x002[0][2] and "greater than 0" in x002[1][2] and "min (9) is above max (5)" in x002[2][2]


def test_a_post_with_a_faulty_field_keeps_its_place(in_tmp: Path) -> None:
    # tier is faulty, but AD4 still reports to CE: CE now has four reports, and AD4's reports exist.
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + CLEAN_POSTS + "  - {id: AD4, title: X, reports_to: CE, tier: 0}\n"
        "  - {id: T1, title: T, reports_to: AD4, tier: 3}\n",
    )
    codes = {code for code, _, _ in findings("s.yaml")}
    assert "S002" not in codes and "X002" in codes


def test_a_post_without_a_title_is_left_out_without_breaking_its_reports(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + CLEAN_POSTS + "  - {id: AD4, reports_to: CE}\n  - {id: T1, title: T, reports_to: AD4}\n",
    )
    found = findings("s.yaml")
    assert ("X002", "AD4", 8) in found
    assert not any(code == "S002" for code, _, _ in found)


def test_ids_are_text_as_written(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: '007', title: A}\n  - {id: 007, title: B}\n  - {id: no, title: C, reports_to: 007}\n",
    )
    found = findings("s.yaml", "--select", "S001,S002")
    assert found == [("S001", "007", 5)]


def test_wrong_top_level_types(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", "orglint: 1\norganisation: {name: X, type: shire}\nposts: {id: A}\n")
    found = findings("s.yaml")
    assert ("X002", None, 2) in found and ("X002", None, 3) in found


def test_unsupported_format_version(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", "orglint: 2\norganisation: {name: X}\nposts: []\n")
    _, document = check_json("s.yaml")
    assert document["diagnostics"][0]["line"] == 1 and "format version 2" in document["diagnostics"][0]["message"]


def test_includes_merge_files_and_locate_findings_in_their_own_file(in_tmp: Path) -> None:
    write(in_tmp, "council.yaml", STRUCTURE_HEAD.replace("posts:\n", "include: [depts/*.yaml]\nposts:\n") + CLEAN_POSTS)
    write(
        in_tmp,
        "depts/a.yaml",
        "orglint: 1\nposts:\n"
        "  - {id: H1, title: Head, reports_to: AD1, tier: 3}\n"
        "  - {id: H2, title: Head, reports_to: ADX, tier: 3}\n",
    )
    _, document = check_json("council.yaml")
    assert document["summary"]["files"] == 2 and document["summary"]["posts"] == 6
    s002 = [d for d in document["diagnostics"] if d["code"] == "S002"]
    assert [(d["file"], d["line"], d["post"]) for d in s002] == [(str(Path("depts/a.yaml")), 4, "H2")]


def test_included_file_named_alone_lints_its_root(in_tmp: Path) -> None:
    write(in_tmp, "council.yaml", STRUCTURE_HEAD.replace("posts:\n", "include: [depts/*.yaml]\nposts:\n") + CLEAN_POSTS)
    write(in_tmp, "depts/a.yaml", "orglint: 1\nposts:\n  - {id: H1, title: Head, reports_to: AD1, tier: 3}\n")
    _, document = check_json("depts/a.yaml")
    assert document["summary"]["posts"] == 5
    assert not any(d["code"] == "S002" for d in document["diagnostics"])


def test_orphan_included_file_and_empty_include_are_reported(in_tmp: Path) -> None:
    write(in_tmp, "lonely.yaml", "orglint: 1\nposts: []\n")
    found = findings("lonely.yaml")
    assert found == [("X002", None, 1)]
    write(in_tmp, "council.yaml", STRUCTURE_HEAD.replace("posts:\n", "include: [nothing/*.yaml]\nposts:\n") + CLEAN_POSTS)
    assert ("X002", None, 3) in findings("council.yaml")


def test_an_included_file_may_not_be_a_root(in_tmp: Path) -> None:
    write(in_tmp, "council.yaml", STRUCTURE_HEAD.replace("posts:\n", "include: [other.yaml]\nposts:\n") + CLEAN_POSTS)
    write(in_tmp, "other.yaml", STRUCTURE_HEAD + "  - {id: Z, title: Z}\n")
    _, document = check_json("council.yaml")
    messages = [(d["file"], d["line"], d["message"]) for d in document["diagnostics"] if d["code"] == "X002"]
    assert any(file == "other.yaml" and line == 2 and "own `organisation:`" in m for file, line, m in messages)


def test_directory_walk_skips_files_that_are_not_structures(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + CLEAN_POSTS)
    write(in_tmp, "other/config.yaml", "some: other tool's file\n")
    write(in_tmp, "other/broken.yaml", "not: [yaml\n")
    exit_code, document = check_json(".")
    assert exit_code == 0 and document["diagnostics"] == []
    _, document = check_json("other/config.yaml")
    assert [d["code"] for d in document["diagnostics"]] == ["X002"]


def test_bad_input_gets_a_located_finding_not_a_traceback(in_tmp: Path) -> None:
    write(in_tmp, "truncated.yaml", "orglint: 1\nposts:\n  - id: A\n    title: [unclosed\n")
    write(in_tmp, "types.yaml", "orglint: 1\norganisation: {name: [x]}\nposts:\n  - id: {a: 1}\n    title: T\n")
    write(in_tmp, "empty.yaml", "")
    (in_tmp / "binary.yaml").write_bytes(b"\x00\x01\x02orglint")
    for name, line in [("truncated.yaml", 4), ("types.yaml", 2), ("empty.yaml", 1), ("binary.yaml", 1)]:
        exit_code, out, err = run("check", name, "--output-format", "concise")
        assert exit_code == 1, name
        assert "Traceback" not in out + err
        assert out.startswith(f"{name}:{line}:"), out


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        ("\ufeff\u6587\u5b57".encode("utf-16-le"), 1, 1),  # no NUL byte, which would make it "binary"
        ((STRUCTURE_HEAD + "  - {id: CE, title: Directeur g\u00e9n\u00e9ral}\n").encode("latin-1"), 4, 32),
    ],
    ids=["utf-16 with its BOM", "a latin-1 byte"],
)
def test_a_structure_that_is_not_utf8_is_one_located_finding(in_tmp: Path, data: bytes, line: int, column: int) -> None:
    (in_tmp / "s.yaml").write_bytes(data)
    exit_code, document = check_json("s.yaml")
    assert exit_code == 1
    [finding] = document["diagnostics"]
    assert finding["code"] == "X001" and finding["message"].startswith("not UTF-8 text")
    assert (finding["line"], finding["column"]) == (line, column)


EXTENSION_FIELDS = """orglint: 1
x-common: &officer            # an extension field: orglint reads no x- key, so it holds anchors
  contract: permanent
  fte: 0.5
x-notes: [drafted by HR, see the 2024 review]
organisation: {name: Test District Council, type: district, ruleset: core}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, <<: *officer}
  - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, <<: *officer}
  - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, <<: *officer, fte: 1}
"""


def test_top_level_x_keys_are_extension_fields_that_hold_anchors(in_tmp: Path) -> None:
    from orglint.engine import LintOptions, build_structures
    from orglint.load.discover import discover

    write(in_tmp, "s.yaml", EXTENSION_FIELDS)
    _, document = check_json("s.yaml")
    assert document["diagnostics"] == []
    (built,) = build_structures(discover([in_tmp / "s.yaml"]), LintOptions(isolated=True))
    assert built.structure is not None
    posts = {post.id: post for post in built.structure.posts}
    assert [(posts[id].contract, posts[id].fte) for id in ("AD1", "AD2", "AD3")] == [
        ("permanent", 0.5),
        ("permanent", 0.5),
        ("permanent", 1.0),  # a post's own key wins over the merged one
    ]
    assert posts["CE"].contract is None


def test_a_mistake_in_an_extension_field_s_anchor_is_one_finding_where_it_is_written(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", EXTENSION_FIELDS.replace("  contract: permanent", "  contrct: permanent"))
    _, document = check_json("s.yaml")
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X002" and (finding["line"], finding["column"]) == (3, 3)
    assert finding["message"].startswith("posts 'AD1', 'AD2' and 'AD3': unknown key 'contrct' (did you mean 'contract'?)")


def test_only_top_level_keys_that_start_x_dash_are_extension_fields(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", EXTENSION_FIELDS.replace("x-notes:", "notes:").replace("  - {id: CE,", "  - {x-id: 1, id: CE,"))
    _, document = check_json("s.yaml")
    notes, x_id = sorted((d for d in document["diagnostics"]), key=lambda d: d["line"])
    assert (notes["code"], notes["line"]) == ("X002", 5) and notes["message"].startswith("unknown key 'notes'")
    assert (x_id["code"], x_id["line"]) == ("X002", 8) and x_id["message"].startswith("post 'CE': unknown key 'x-id'")


def test_fix_leaves_extension_fields_alone(in_tmp: Path) -> None:
    """``x-profile:`` is not a misspelt ``profiles:``: an extension field is never renamed or read."""
    text = EXTENSION_FIELDS.replace("x-notes:", "x-profile:")
    write(in_tmp, "s.yaml", text)
    code, out, err = run("check", "--fix", "s.yaml")
    assert code == 0, out + err
    assert (in_tmp / "s.yaml").read_text(encoding="utf-8") == text


def test_the_format_reference_s_shared_fields_example_holds(in_tmp: Path) -> None:
    from .conftest import REPO

    page = (REPO / "docs" / "structure-format.md").read_text(encoding="utf-8")
    section = page[page.index("## Shared fields") :]
    example = section[section.index("```yaml\n") + len("```yaml\n") : section.index("```\n", section.index("```yaml"))]
    write(in_tmp, "s.yaml", example)
    assert [d["code"] for d in check_json("s.yaml", "--isolated")[1]["diagnostics"] if d["code"].startswith("X")] == []
    write(in_tmp, "s.yaml", example.replace("  contract: permanent", "  contrct: permanent"))
    (finding,) = [d for d in check_json("s.yaml", "--isolated")[1]["diagnostics"] if d["code"].startswith("X")]
    assert finding["line"] == 3 and finding["message"].startswith("posts 'CE', 'AD1' and 'AD2': unknown key 'contrct'")


def test_a_root_whose_include_comes_after_its_posts_is_found_for_a_file_named_alone(in_tmp: Path) -> None:
    """However many posts come before ``include:``: the file is judged by all its bytes."""
    many = "".join(f"  - {{id: T{n}, title: Officer {n}, reports_to: AD3, tier: 3}}\n" for n in range(2000))
    assert len(many) > 1 << 16
    write(in_tmp, "council.yaml", STRUCTURE_HEAD + CLEAN_POSTS + many + "include: [depts/*.yaml]\n")
    write(in_tmp, "depts/a.yaml", "orglint: 1\nposts:\n  - {id: H1, title: Head, reports_to: AD1, tier: 3}\n")
    _, document = check_json("depts/a.yaml")
    assert document["summary"]["posts"] == 2005
    assert [d["code"] for d in document["diagnostics"] if d["file"] == str(Path("depts/a.yaml"))] == []


@pytest.mark.parametrize("at", [(1 << 20) - 4, (1 << 20) - 9, (1 << 20) + 3, 5])
def test_a_marker_is_found_wherever_it_falls_with_what_follows_it(tmp_path: Path, at: int) -> None:
    """Read a piece at a time: a marker cut by a piece's end, and the context after it, are whole."""
    from orglint.load.source import MARKER_CONTEXT, markers_in

    data = bytearray(b" " * (3 << 20))
    data[at : at + 8] = b"include:"
    data[at + 8 : at + 8 + MARKER_CONTEXT] = b"x" * MARKER_CONTEXT
    (tmp_path / "big.yaml").write_bytes(bytes(data))
    found = markers_in(tmp_path / "big.yaml", (b"include:", b"organisation:"))
    assert found == {b"include:": b"x" * MARKER_CONTEXT}


def test_a_misspelt_key_beside_the_key_it_is_a_slip_for_says_so(in_tmp: Path) -> None:
    """`grdae: G11` beside `grade: G10`: not "did you mean 'grade'?" (it is there), and no fix that
    would make a second `grade`."""
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1, grade: G10, grdae: G11}\n")
    _, document = check_json("s.yaml")
    (finding,) = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert finding["message"] == "post 'CE': unknown key 'grdae' (a misspelling of 'grade'? it is given as well: keep one)"
    assert run("check", "--diff", "s.yaml")[0] == 0  # nothing --fix would change


def test_a_folder_s_other_yaml_files_are_not_counted_as_files_checked(in_tmp: Path) -> None:
    """A ruleset or a CI file beside the structures: read to see it is none, not a file checked."""
    write(in_tmp, "council.yaml", STRUCTURE_HEAD + CLEAN_POSTS)
    write(in_tmp, "ours.yaml", "orglint-ruleset: 1\nname: ours\nextends: [core]\n")
    write(in_tmp, "ci.yaml", "jobs: {lint: {runs-on: ubuntu-latest}}\n")
    assert check_json(".")[1]["summary"]["files"] == check_json("council.yaml")[1]["summary"]["files"] == 1


UNREAD_TEAM = {
    "a tab": "orglint: 1\nposts:\n  - id: H1\n    title: Head of Law\n\treports_to: AD2\n",
    "not a structure": "posts:\n  - {id: H1, title: Head of Law, reports_to: AD2, tier: 3}\n",
    "a root of its own": "orglint: 1\norganisation: {name: T}\nposts:\n  - {id: H1, title: Head of Law, reports_to: AD2, tier: 3}\n",
}


@pytest.mark.parametrize("team", UNREAD_TEAM.values(), ids=UNREAD_TEAM.keys())
def test_an_included_file_that_cannot_be_read_is_the_one_finding(in_tmp: Path, team: str) -> None:
    """Its posts are unknown, not absent: no 'no monitoring officer', no narrow span of the post
    whose team it holds; the summary says the structure waits for it."""
    root = (
        "orglint: 1\n"
        "organisation: {name: Test District Council, type: district, ruleset: uk-local-government}\n"
        "include: [teams/*.yaml]\n"
        "posts:\n"
        "  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}\n"
        "  - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}\n"
    )
    write(in_tmp, "structure.yaml", root)
    write(in_tmp, "teams/law.yaml", team)
    codes = [code for code, _, _ in findings("structure.yaml")]
    assert len(codes) == 1 and codes[0] in {"X001", "X002"}, codes
    _, out, _ = run("check", "structure.yaml", "--output-format", "concise")
    assert out.splitlines()[-1].endswith("; 1 structure not checked until every file of it can be read).")


def test_an_include_pattern_that_matches_nothing_is_the_one_finding(in_tmp: Path) -> None:
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: T, type: district, ruleset: uk-local-government}\ninclude: [department/*.yaml]\n"
        "posts:\n  - {id: CE, title: Chief Executive, tier: 1}\n",
    )
    write(in_tmp, "departments/law.yaml", "orglint: 1\nposts:\n  - {id: MO, title: Monitoring Officer, reports_to: CE}\n")
    assert [(code, line) for code, _, line in findings("structure.yaml")] == [("X002", 3)]


def test_a_post_of_thousands_of_unknown_keys_is_read_in_linear_time(in_tmp: Path) -> None:
    """Each unknown key was found by a search of the mapping, and searched for a slip three times:
    a 1 MB post of 100,000 keys took two minutes. Past the thousandth, no did-you-mean."""
    keys = ", ".join(f"k{n}: 1" for n in range(20_000))
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + f"  - {{id: CE, title: Chief Executive, tier: 1, titer: x, {keys}}}\n")
    _, document = check_json("s.yaml")
    messages = [d["message"] for d in document["diagnostics"]]
    assert len(messages) == 20_001 and all(d["code"] == "X002" for d in document["diagnostics"])
    assert messages[0] == "post 'CE': unknown key 'titer' (a misspelling of 'tier'? it is given as well: keep one)"
    assert "did you mean" not in messages[-1] and "expected one of" in messages[-1]


@pytest.mark.parametrize(
    ("posts", "place", "cause"),
    [
        ("  - id: CE\n    title: Chief Executive\n      tier: 1\n", (6, 11), "or a key indented deeper than the keys beside it"),
        ("  - id: CE\n    title: Head: Law\n", (5, 16), "a value with ': ' in it (quote it)"),
        ("  - id: CE\n    title: Chief Executive\n  tier: 1\n", (6, 3), "a line indented less than the list's '- ' entries"),
        ("  - {id: CE, title: Head: Law, tier: 1}\n", (4, 25), "quote a value with ',', ': ', '{' or '}' in it"),
        ("  - id: CE\n    title: @home\n", (5, 12), "quote a value that starts with '@'"),
        ("  - id: CE\n    title: CE\n  bad\n", (6, 6), "a line that is neither a key with its ':' nor a '- ' entry"),
    ],
    ids=["over-indented key", "colon in a value", "under-indented key", "colon in a flow value", "at sign", "no colon"],
)
def test_a_yaml_fault_says_what_it_usually_means(in_tmp: Path, posts: str, place: tuple[int, int], cause: str) -> None:
    """libyaml's words ("mapping values are not allowed in this context") name no fix: the likely
    cause in a structure file follows them."""
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + posts)
    _, document = check_json("s.yaml")
    (fault,) = document["diagnostics"]
    assert fault["code"] == "X001" and cause in fault["message"], fault["message"]
    assert (fault["line"], fault["column"]) == place


def test_a_structure_not_checked_shows_why_whichever_of_its_files_is_named(in_tmp: Path) -> None:
    """pre-commit names the files that changed: a department file whose root's include pattern
    matches nothing passed ("All checks passed") with its own mistake unjudged."""
    (in_tmp / ".git").mkdir()
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: T, type: district, ruleset: core}\ninclude: [departments/*.yaml, archive/*.yaml]\n"
        "posts:\n  - {id: CE, title: Chief Executive, tier: 1}\n",
    )
    write(in_tmp, "departments/place.yaml", "orglint: 1\nposts:\n  - {id: D1, title: Director, reports_to: CEX, tier: 2}\n")
    code, document = check_json("departments/place.yaml")
    assert code == 1 and [(d["code"], d["file"], d["line"]) for d in document["diagnostics"]] == [("X002", "structure.yaml", 3)]
