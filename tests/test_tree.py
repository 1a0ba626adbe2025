"""`orglint tree`: the structure as a tree, with each post's findings marked on it."""

from __future__ import annotations

from pathlib import Path

from orglint.engine import LintOptions, lint
from orglint.output.html import DEEPEST_INDENT, _Chart, _tree
from orglint.output.outline import depth_within, outline
from orglint.report.post_findings import PostFindings
from tests.conftest import STRUCTURE_HEAD, check_json, run, write

CARLISLE_PROPOSED = "sample_structures/carlisle-2009/proposed.yaml"


def _line_of(out: str, post_id: str) -> str:
    return next(line for line in out.splitlines() if f" {post_id} " in f" {line.split('── ', 1)[-1]}")


def test_a_post_s_codes_are_marked_by_severity_worst_first(at_repo: Path) -> None:
    """Errors, warnings and information told apart without colour (a pipe, a file, paper)."""
    _, out, _ = run("tree", "sample_structures/broken")
    assert _line_of(out, "HOS-C3").endswith("Head of Revenues ▲ S006") and _line_of(out, "DIR-A").endswith("● D102")
    assert _line_of(out, "HOS-C2").endswith("✖ S005")


def test_every_post_is_drawn_under_its_manager_with_its_findings(at_repo: Path) -> None:
    exit_code, out, _ = run("tree", CARLISLE_PROPOSED)
    assert exit_code == 1
    _, document = check_json(CARLISLE_PROPOSED)
    codes: dict[str, set[tuple[str, str]]] = {}
    for diagnostic in document["diagnostics"]:
        if diagnostic["post"]:
            codes.setdefault(diagnostic["post"], set()).add((diagnostic["severity"], diagnostic["code"]))
    assert codes == {
        "AD-RES": {("error", "L105"), ("error", "L113")},
        "SD2": {("error", "L113")},
        "AD-CE": {("error", "G102")},
        "AD-LE": {("error", "E101")},
    }
    mark = {"error": "✖", "warning": "▲", "info": "●"}
    lines = out.splitlines()
    for post_id in ("TCCE", "SD1", "SD2", "AD-RES", "AD-GOV", "AD-OD", "AD-CE", "AD-ED", "AD-LE"):
        line = _line_of(out, post_id)
        if post_id in codes:
            ((severity,),) = {(severity,) for severity, _ in codes[post_id]}
            assert line.endswith(f"{mark[severity]} " + ", ".join(sorted(code for _, code in codes[post_id])))
        else:
            assert not any(sign in line for sign in mark.values())
    # indentation follows the reporting lines: the ADs sit one level below their Strategic Directors
    indent = {post_id: _line_of(out, post_id).index(post_id) for post_id in ("TCCE", "SD1", "SD2", "AD-RES", "AD-LE")}
    assert indent["TCCE"] < indent["SD1"] == indent["SD2"] < indent["AD-RES"] == indent["AD-LE"]
    assert lines.index(_line_of(out, "SD2")) < lines.index(_line_of(out, "AD-LE"))


def test_depth_and_from(at_repo: Path) -> None:
    _, out, _ = run("tree", CARLISLE_PROPOSED, "--depth", "1")
    assert "SD1" in out and "AD-RES" not in out
    assert out.count("… 3 more below") == 2
    _, out, _ = run("tree", CARLISLE_PROPOSED, "--from", "SD2", "--exit-zero")
    assert "SD2" in out and "AD-CE" in out and "AD-LE" in out and "SD1" not in out and "TCCE" not in out
    exit_code, _, err = run("tree", CARLISLE_PROPOSED, "--from", "AD-LX")
    assert exit_code == 2 and "no post 'AD-LX'" in err and "did you mean 'AD-LE'?" in err


def test_posts_outside_the_reporting_lines_are_shown_apart(in_tmp: Path) -> None:
    write(
        in_tmp,
        "structure.yaml",
        STRUCTURE_HEAD
        + """  - {id: CE, title: Chief Executive, tier: 1}
  - {id: A, title: Loop A, reports_to: B, tier: 2}
  - {id: B, title: Loop B, reports_to: A, tier: 2}
  - {id: C, title: Orphan, reports_to: GONE, tier: 2}
""",
    )
    _, out, _ = run("tree", "structure.yaml")
    head, outside = out.split("Outside the reporting lines (3)")
    assert "CE" in head and "Loop A" not in head
    assert "Loop A" in outside and "Loop B" in outside and "Orphan ✖ S002" in outside


def test_deep_structures_are_drawn_without_recursion(in_tmp: Path) -> None:
    chain = "".join(f"  - {{id: P{i}, title: Post {i}, reports_to: P{i - 1}}}\n" for i in range(1, 3000))
    write(in_tmp, "structure.yaml", STRUCTURE_HEAD + "  - {id: P0, title: Top}\n" + chain)
    result = lint([Path("structure.yaml")], LintOptions())
    graph = result.runs[0].graph
    drawn = outline(graph)
    assert not drawn.outside and drawn.hidden == 0
    html = _tree(drawn.roots, _Chart(PostFindings({})))
    assert html.count('class="post"') == 3000 and html.count("<ul") == html.count("</ul>")
    assert html.count("<details") == html.count("</details>") == DEEPEST_INDENT + 1  # nested no deeper; flat below
    limited = outline(graph, depth=depth_within(graph, 1500))
    assert limited.hidden == 3000 - 1500
    _, out, _ = run("tree", "structure.yaml", "--depth", "2")
    assert "P2" in out and "P3 " not in out and "… 2,997 more below" in out


def test_text_in_colons_is_shown_as_written_not_as_an_emoji(in_tmp: Path) -> None:
    write(in_tmp, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: 'Chief :100: Executive', tier: 1}\n")
    _, out, _ = run("tree", "structure.yaml")
    assert "Chief :100: Executive" in out and "\U0001f4af" not in out


def test_findings_on_no_post_head_the_tree(at_repo: Path) -> None:
    """A statutory officer missing (on the organisation) shows as it does in the HTML chart."""
    _, out, _ = run("tree", CARLISLE_PROPOSED)
    assert out.splitlines()[1] == "├── The whole organisation ✖ R102 ▲ L112"
    _, document = check_json(CARLISLE_PROPOSED)
    assert {d["code"] for d in document["diagnostics"] if d["post"] is None} == {"R102", "L112"}


def test_a_group_of_posts_shows_its_size_and_says_nothing_its_id_says(at_repo: Path) -> None:
    """An organogram's junior row is named by its key (senior post, grade, title, group): its title
    and grade are not repeated after it, and its FTE is shown."""
    _, out, _ = run("tree", "tests/data/organograms/asset_protection_agency-2012-03-31-senior.csv")
    group = "17004 › All staff below SCS2 › Managers, Specialists & Support Staff › Policy"
    assert _line_of(out, "17004 ›").split("── ", 1)[1] == f"{group} 1.6 FTE"


def test_a_group_named_by_its_own_id_keeps_its_title_and_grade(in_tmp: Path) -> None:
    write(
        in_tmp,
        "structure.yaml",
        STRUCTURE_HEAD
        + "  - {id: CE, title: Chief Executive, tier: 1}\n"
        + "  - {id: CLERKS, title: Clerks, grade: G3, reports_to: CE, group: true, fte: 4.5}\n"
        + "  - {id: AD, title: Assistant Director, grade: G9, reports_to: CE}\n",
    )
    _, out, _ = run("tree", "structure.yaml")
    assert _line_of(out, "CLERKS").split("── ", 1)[1] == "CLERKS Clerks G3 4.5 FTE"
    assert _line_of(out, "AD").split("── ", 1)[1].startswith("AD Assistant Director G9")
    assert "FTE" not in _line_of(out, "AD")


def test_another_row_s_findings_are_marked_with_its_row_not_as_the_drawn_post_s(at_repo: Path) -> None:
    """MoD 2012 gives reference 1463923 twice: row 255, Air Vice Marshal Morrison (OF-7), drawn; and
    row 256, N/D at OF-6. The N/D name (T107) and the second reference (T102) are row 256's: the
    named officer's post is not marked as if its name were withheld."""
    code, out, _ = run(
        "tree", "tests/data/organograms/ministry_of_defence-2012-03-31-senior.csv", "--from", "1463923", "--depth", "0"
    )
    (line,) = [line for line in out.splitlines() if "1463923" in line]
    assert code == 1
    assert "OF-7 row 256: ✖ T102, T107" in line
