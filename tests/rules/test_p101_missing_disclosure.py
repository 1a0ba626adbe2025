"""P101 missing-disclosure: a post in the top three levels lacks what the Transparency Code's
organisation chart shows of it (paragraph 41)."""

from pathlib import Path

import pytest

from orglint.testing import Expected, Found, RuleTester

from . import where
from .published import COUNCIL, FILES, TRANSPARENCY, change

P101 = RuleTester("P101", FILES)


def test_the_fourth_level_is_not_the_chart_s(tmp_path: Path) -> None:
    """The 27 Team Managers give no contract or contact details, and none is reported."""
    assert "contract" not in next(line for line in COUNCIL.splitlines() if "{id: T-RES11," in line)
    assert P101.findings(tmp_path, COUNCIL, FILES) == []


@pytest.mark.parametrize(
    ("post", "old", "new", "lacks"),
    [
        pytest.param("CE", "grade: CE, ", "", "grade", id="grade"),
        pytest.param("D-LAW", "department: law, ", "", "department", id="department"),
        pytest.param("H-PLA3", "contract: permanent, ", "", "contract (permanent or temporary)", id="contract"),
        pytest.param("D-RES", "contact: {email: res@example.gov.uk}, ", "", "contact details", id="contact"),
        pytest.param("H-RES2", "contact: {email: res2@example.gov.uk}", "contact: {}", "contact details", id="empty-contact"),
        pytest.param("H-LAW1", "salary: {min: 65000, max: 69999}, ", "", "salary", id="salary"),
    ],
)
def test_each_item_of_paragraph_41_missing_is_named(tmp_path: Path, post: str, old: str, new: str, lacks: str) -> None:
    message = f"post {post!r} is in the top 3 levels but does not give its {lacks}"
    P101.only_finding(tmp_path, change(COUNCIL, post, old, new), expected=Expected(post, (f"{{id: {post},", post), message))


def test_one_post_lacking_several_items_is_one_finding_naming_them_all(tmp_path: Path) -> None:
    text = change(change(COUNCIL, "D-PLA", "contract: interim, ", ""), "D-PLA", "department: place, ", "")
    (finding,) = P101.lint(tmp_path, text, FILES)
    assert finding.post == "D-PLA"
    assert finding.message.endswith("does not give its department or contract (permanent or temporary)")


def test_several_posts_are_several_findings_in_file_order(tmp_path: Path) -> None:
    text = COUNCIL
    for post in ("H-RES1", "D-LAW", "H-PLA2"):
        text = change(text, post, "contract: permanent, ", "")
    assert [(f.code, f.post) for f in P101.findings(tmp_path, text, FILES)] == [
        ("P101", "H-RES1"),
        ("P101", "D-LAW"),
        ("P101", "H-PLA2"),
    ]


def test_a_missing_grade_is_not_also_a_missing_ceiling(tmp_path: Path) -> None:
    (finding,) = P101.lint(tmp_path, change(COUNCIL, "H-LAW2", "grade: HOS, ", ""), FILES)
    assert finding.message.endswith("does not give its grade")


def test_a_vacant_post_is_not_asked_whether_permanent_or_temporary(tmp_path: Path) -> None:
    text = change(change(COUNCIL, "H-RES3", "contract: permanent, ", ""), "H-RES3", "holder: Head RES3", "holder: vacant")
    assert P101.findings(tmp_path, text, FILES) == []


def test_a_grade_without_a_pay_band_is_one_finding_at_its_first_charted_post_s_grade(tmp_path: Path) -> None:
    """Two Directors on a grade the ruleset does not band: one mistake (in the policy), one finding,
    the grade's (no post's), at the first one's `grade`; the posts themselves lack nothing."""
    text = change(change(COUNCIL, "D-LAW", "grade: DIR", "grade: DIR2"), "D-PLA", "grade: DIR", "grade: DIR2")
    (finding,) = P101.lint(tmp_path, text, FILES)
    assert Found.of(finding) == Found("P101", None, where(text, "{id: D-LAW,", "DIR2"))
    assert finding.message == (
        "grade 'DIR2' is not among the ruleset's grades (policy `grades`), "
        "so the chart cannot show a salary ceiling for the posts on it in the top 3 levels"
    )
    assert "Give grade 'DIR2' a pay band" in finding.fix


def test_a_post_lacking_items_on_a_grade_without_a_band_is_two_findings_at_two_places(tmp_path: Path) -> None:
    text = change(change(COUNCIL, "D-LAW", "grade: DIR", "grade: DIR2"), "D-LAW", "department: law, ", "")
    assert P101.findings(tmp_path, text, FILES) == [
        Found("P101", "D-LAW", where(text, "{id: D-LAW,", "D-LAW")),
        Found("P101", None, where(text, "{id: D-LAW,", "DIR2")),
    ]


WITH_G104 = {"transparency.yaml": TRANSPARENCY.replace("policy:", "rules: {G104: error}\npolicy:")}


def test_a_grade_the_ruleset_lacks_is_g104_s_finding_where_g104_runs(tmp_path: Path) -> None:
    """A mistyped grade on a director: G104 says so (with the grade meant), and that the grade has
    no pay band follows from it; the post's own missing department is still P101's."""
    text = change(change(COUNCIL, "D-LAW", "grade: DIR", "grade: DIRR"), "D-LAW", "department: law, ", "")
    assert P101.findings(tmp_path, text, WITH_G104, alone=False) == [
        Found("P101", "D-LAW", where(text, "{id: D-LAW,", "D-LAW")),
        Found("G104", "D-LAW", where(text, "{id: D-LAW,", "DIRR")),
    ]


def test_a_grade_without_a_band_written_another_way_is_two_mistakes_and_two_findings(tmp_path: Path) -> None:
    """DIR has no band (P101's, the ruleset's gap) and the director writes it by its name (G104's,
    the post's slip): fixing the G104 would not mend the P101, so both are reported."""
    ruleset = WITH_G104["transparency.yaml"].replace(
        "DIR: {rank: 3, pay: {min: 95000, max: 110000}}", "DIR: {rank: 3, name: Director}"
    )
    text = change(COUNCIL, "D-RES", "grade: DIR,", "grade: Director,")
    found = P101.findings(tmp_path, text, {"transparency.yaml": ruleset}, alone=False)
    assert sorted((f.code, f.post) for f in found) == [("G104", "D-RES"), ("P101", None)]


def test_a_grade_g104_is_told_to_accept_still_lacks_its_pay_band(tmp_path: Path) -> None:
    text = change(COUNCIL, "D-LAW", "grade: DIR,", "grade: DIRR,")
    line = next(line for line in text.splitlines(keepends=True) if "{id: D-LAW," in line)
    text = text.replace(line, line.rstrip("\n") + "  # orglint: ignore[G104] -- a local grade\n")
    found = P101.findings(tmp_path, text, WITH_G104, alone=False)
    assert found == [Found("P101", None, where(text, "{id: D-LAW,", "DIRR"))]


def test_the_plain_transparency_ruleset_reports_each_charted_grade_once(tmp_path: Path) -> None:
    """`uk-transparency-code` knows no council's pay bands: the 13 charted posts on three grades
    (CE, DIR, HOS) give three findings, each at the grade of the grade's first post; the fourth
    level's TM grade is not on the chart."""
    found = P101.lint(tmp_path, COUNCIL, {"transparency.yaml": TRANSPARENCY.split("policy:")[0]})
    assert [(f.post, f.message.split(" is not ")[0], Found.of(f).where) for f in found] == [
        (None, "grade 'CE'", where(COUNCIL, "{id: CE,", "CE, department")),
        (None, "grade 'DIR'", where(COUNCIL, "{id: D-RES,", "DIR, department")),
        (None, "grade 'HOS'", where(COUNCIL, "{id: H-RES1,", "HOS, department")),
    ]
    assert [Found.of(f).where for f in found] == [
        where(COUNCIL, f"{{id: {post},", f"{grade}, department")
        for post, grade in (("CE", "CE"), ("D-RES", "DIR"), ("H-RES1", "HOS"))
    ]


@pytest.mark.parametrize(("levels", "count"), [(1, 1), (2, 4), (3, 13), (4, 40)])
def test_the_levels_are_layers_of_reporting_lines_from_the_top(tmp_path: Path, levels: int, count: int) -> None:
    """With every post lacking its contact details, the chart's `levels` decide how many are reported."""
    text = "".join(
        line.replace(line[line.index("contact: {") : line.index("}, ", line.index("contact: {")) + 3], "")
        if "contact: {" in line
        else line
        for line in COUNCIL.splitlines(keepends=True)
    )
    ruleset = TRANSPARENCY.replace("policy:", f"rules:\n  P101: {{levels: {levels}}}\npolicy:")
    assert len(P101.findings(tmp_path, text, {"transparency.yaml": ruleset})) == count


def test_a_declared_tier_does_not_move_a_post_into_or_out_of_the_chart(tmp_path: Path) -> None:
    """A Team Manager declaring tier 3 is still in the fourth level (S006 says the tier is wrong)."""
    text = change(COUNCIL, "T-LAW11", "tier: 4", "tier: 3")
    assert P101.findings(tmp_path, text, FILES) == []


def test_no_top_post_places_no_post_in_the_chart(tmp_path: Path) -> None:
    text = change(COUNCIL, "CE", "tier: 1, ", "reports_to: T-LAW11, tier: 1, ")
    text = change(text, "CE", "grade: CE, ", "")
    assert P101.findings(tmp_path, text, FILES) == []  # a loop (S003) has no top three levels


def test_a_grade_the_ruleset_defines_without_a_band_is_said_so(tmp_path: Path) -> None:
    ruleset = TRANSPARENCY.replace("DIR: {rank: 3, pay: {min: 95000, max: 110000}}", "DIR: {rank: 3}")
    (finding,) = P101.lint(tmp_path, COUNCIL, {"transparency.yaml": ruleset})
    assert (finding.post, Found.of(finding).where) == (None, where(COUNCIL, "{id: D-RES,", "DIR, department"))
    assert finding.message == (
        "grade 'DIR' has no pay band in the ruleset (policy `grades`), "
        "so the chart cannot show a salary ceiling for the posts on it in the top 3 levels"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("salary: {min: 65000, max: 69999}", "salary: £65k-£70k"),
        ("contract: permanent", "contract: perm"),
        ("contact: {email: law1@example.gov.uk}", "contact: law1@example.gov.uk"),
    ],
    ids=["salary", "contract", "contact"],
)
def test_a_field_given_but_unreadable_is_its_x002_not_also_missing(tmp_path: Path, old: str, new: str) -> None:
    text = change(COUNCIL, "H-LAW1", old, new)
    assert old in next(line for line in COUNCIL.splitlines() if "{id: H-LAW1," in line)
    assert [found.code for found in P101.findings(tmp_path, text, FILES, alone=False)] == ["X002"]
