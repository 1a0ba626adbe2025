"""Issue 18 section 1, one mistake, one finding, and two points of section 6 (X003).

Built on Brookfield Council (`tests/data/councils/brookfield/structure.yaml`), clean under
`core`, `uk-local-government` and `leicestershire-odp`: each test copies it, makes one mistake
as a manager would, and holds the findings that differ from the clean council's to exactly the
finding(s) that mistake should give, under all three rulesets.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, check_json, run, write

COUNCIL = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"
RULESETS = ["core", "uk-local-government", "leicestershire-odp"]

Found = Counter[tuple[str, str | None]]


def lint(path: Path, ruleset: str | None = None) -> Found:
    options = ["--isolated", "--ruleset", ruleset] if ruleset else []
    _, document = check_json(str(path), *options)
    return Counter((d["code"], d["post"]) for d in document["diagnostics"])


def edit_post(text: str, post_id: str, old: str, new: str) -> str:
    """The council's text with one whole line of one post's record changed."""
    start = text.index(f"  - id: {post_id}\n")
    end = text.find("\n  - id: ", start + 1)
    lines = text[start:end].split("\n")
    assert lines.count(old) == 1, (post_id, old)
    lines[lines.index(old)] = new
    return text[:start] + "\n".join(lines) + text[end:]


def mistake(tmp_path: Path, ruleset: str, post_id: str, old: str, new: str) -> Found:
    """The findings one mistake adds to the clean council's (and none it takes away)."""
    clean = tmp_path / "clean.yaml"
    shutil.copyfile(COUNCIL, clean)
    changed = tmp_path / "changed.yaml"
    changed.write_text(edit_post(COUNCIL.read_text(encoding="utf-8"), post_id, old, new), encoding="utf-8")
    before, after = lint(clean, ruleset), lint(changed, ruleset)
    assert not before - after, f"the mistake hid findings: {before - after}"
    return after - before


SMALL = """orglint: 1
organisation: {name: Example District Council, type: district, ruleset: core}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: AD1, title: AD, reports_to: CE, tier: 2}
  - {id: AD2, title: AD, reports_to: CE, tier: 2}
  - {id: AD3, title: AD, reports_to: CE, tier: 2}
"""
"""A small structure, clean under core, for the mechanism's own tests."""


# A finding that only follows from another is not raised


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("post_id", ["AD-PH-COM", "DPH"])
def test_a_misspelt_reports_to_is_its_x002_alone(tmp_path: Path, ruleset: str, post_id: str) -> None:
    """Not also a second top post (S004), a tier mismatch on it and each post below it (S006), a
    narrow span on its manager (D102: the Director of Public Health keeps three reports), nor,
    for the Director of Public Health, a statutory line to nowhere (L110)."""
    manager = {"AD-PH-COM": "DPH", "DPH": "CE"}[post_id]
    added = mistake(tmp_path, ruleset, post_id, f"    reports_to: {manager}", f"    reprots_to: {manager}")
    assert added == Counter({("X002", post_id): 1})
    _, document = check_json(str(tmp_path / "changed.yaml"), "--isolated", "--ruleset", ruleset)
    (x002,) = document["diagnostics"]
    assert x002["message"] == f"post {post_id!r}: unknown key 'reprots_to' (did you mean 'reports_to'?)"


@pytest.mark.parametrize("ruleset", RULESETS)
def test_any_misspelt_key_is_read_as_the_key_it_was_meant_to_be(tmp_path: Path, ruleset: str) -> None:
    """The mechanism is the did-you-mean, not one key: the s151 officer's misspelt
    `designations` is not also "no chief finance officer" (L102)."""
    added = mistake(tmp_path, ruleset, "DCR", "    designations:", "    desigantions:")
    assert added == Counter({("X002", "DCR"): 1})


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_misspelt_posts_list_is_read_as_the_posts(tmp_path: Path, ruleset: str) -> None:
    """`post:` for `posts:` is one X002, not a structure with no posts (S004, S005 on every
    business partner, every statutory officer missing)."""
    changed = tmp_path / "changed.yaml"
    text = COUNCIL.read_text(encoding="utf-8")
    assert text.count("\nposts:\n") == 1
    changed.write_text(text.replace("\nposts:\n", "\npost:\n"), encoding="utf-8")
    assert lint(changed, ruleset) == Counter({("X002", None): 1})
    _, document = check_json(str(changed), "--isolated", "--ruleset", ruleset)
    assert document["summary"]["posts"] == 121


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_reporting_line_that_cannot_be_read_places_the_post_nowhere(tmp_path: Path, ruleset: str) -> None:
    """Two managers given as a list: its X002 alone, not also a second top post (S004) whose
    tier is wrong for a top post (S006)."""
    added = mistake(tmp_path, ruleset, "HOS-CR-SF", "    reports_to: AD-FIN", "    reports_to: [AD-FIN, DCR]")
    assert added == Counter({("X002", "HOS-CR-SF"): 1})


AS_A_TITLE = " an entry is one designation, not a job title"
MISWRITTEN_DESIGNATIONS = [
    # a near miss of one designation's names: read as that designation
    ("CE", "head-of-paid-service", "Head of Paid Services", ""),
    ("DCR", "chief-finance-officer", "Chief Finance Oficer", ""),
    ("AD-LG", "monitoring-officer", "Monitering Officer", ""),
    ("HLS", "deputy-monitoring-officer", "deputy monitoring oficer", ""),
    # a job title listing the role: not read as it (a guess could put one role's duty on another's
    # post), but named by the X002
    ("CE", "head-of-paid-service", "Chief Executive & Head of Paid Service", AS_A_TITLE),
    ("DCR", "chief-finance-officer", "Director of Corporate Resources (S151 Officer)", AS_A_TITLE),
    ("AD-LG", "monitoring-officer", "Head of Legal and Monitoring Officer", AS_A_TITLE),
    ("HLS", "deputy-monitoring-officer", "Head of Legal Services / Deputy Monitoring Officer", AS_A_TITLE),
]


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize(("post_id", "designation", "written", "hint"), MISWRITTEN_DESIGNATIONS)
def test_a_miswritten_designation_is_its_x002_alone(
    tmp_path: Path, ruleset: str, post_id: str, designation: str, written: str, hint: str
) -> None:
    """A misspelt key is read as the key meant; likewise a designation misspelt or written
    within a job title is its X002 alone: not also "no post is designated ..." (L101, L102, L103,
    L112), nor "written by another name" (L115) once the X002 says which name."""
    added = mistake(tmp_path, ruleset, post_id, f"      - {designation}", f"      - {written}")
    assert added == Counter({("X002", post_id): 1})
    _, document = check_json(str(tmp_path / "changed.yaml"), "--isolated", "--ruleset", ruleset, "--extend-select", "L115")
    (x002,) = [d for d in document["diagnostics"] if d["code"] in ("X002", "L115")]
    assert x002["message"] == f"post {post_id!r}: unknown designation {written!r} (did you mean {designation!r}?{hint})"


GRADES_WRITTEN_ANOTHER_WAY = [
    ("DCFS", "DIR", "Director", "DIR"),  # the grade's name
    ("AD-CFS-ESC", "AD", "A.D.", "AD"),  # its id, punctuated
    ("HOS-CFS-COM", "'15'", "Grade 15", "15"),  # its id after the word "grade"
]


@pytest.mark.parametrize(("post_id", "grade", "written", "meant"), GRADES_WRITTEN_ANOTHER_WAY)
def test_a_grade_written_another_way_is_its_g104_alone(
    tmp_path: Path, post_id: str, grade: str, written: str, meant: str
) -> None:
    """A grade that is no grade's id but names one is read as that grade, as a misspelt key is read
    as the key meant: its G104 says which, and the post is not also taken for no level (a Team
    Manager's G105, a department's missing Assistant Director lead, C102)."""
    added = mistake(tmp_path, "leicestershire-odp", post_id, f"    grade: {grade}", f"    grade: {written}")
    assert added == Counter({("G104", post_id): 1})
    _, document = check_json(str(tmp_path / "changed.yaml"), "--isolated")
    (g104,) = [d for d in document["diagnostics"] if d["code"] == "G104"]
    assert g104["message"] == f"grade {written!r} is not defined by the ruleset (did you mean {meant!r}?)"


# S006 reports the post whose tier disagrees with its manager's, not every post below it

MOVED_DPH = {
    "core": Counter({("S006", "DPH"): 1}),
    # the move also breaks the statutory line (L110) and, under the framework's grades, puts a
    # Director under a Director (G103): other rules, each the mistake seen from its own law
    "uk-local-government": Counter({("S006", "DPH"): 1, ("L110", "DPH"): 1}),
    "leicestershire-odp": Counter({("S006", "DPH"): 1, ("L110", "DPH"): 1, ("G103", "DPH"): 1}),
}


@pytest.mark.parametrize("ruleset", RULESETS)
def test_moving_the_director_of_public_health_under_the_dass_is_one_s006(tmp_path: Path, ruleset: str) -> None:
    added = mistake(tmp_path, ruleset, "DPH", "    reports_to: CE", "    reports_to: DAC")
    assert added == MOVED_DPH[ruleset]  # not the fifteen posts below the Director as well
    _, document = check_json(str(tmp_path / "changed.yaml"), "--isolated", "--ruleset", ruleset)
    (s006,) = [d for d in document["diagnostics"] if d["code"] == "S006"]
    assert s006["message"] == "declared tier 2, but its manager 'DAC' is tier 2 (CE > DAC > DPH)"
    assert s006["fix"] == "Set `tier: 3`, or correct `reports_to`."


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_wrong_tier_on_a_director_is_one_s006_and_its_team_is_judged_by_either_tier(tmp_path: Path, ruleset: str) -> None:
    """The Chief Executive declared tier 2: one finding on it, none on the Directors (tier 2,
    one below what the Chief Executive is, though not below what it declares)."""
    assert mistake(tmp_path, ruleset, "CE", "    tier: 1", "    tier: 2") == Counter({("S006", "CE"): 1})


def test_s006_follows_the_manager_s_tier_where_the_team_is_not_reached_from_the_top(in_tmp: Path) -> None:
    """A second top post is S004 alone (its tier is right, its manager missing) and the team
    below it is judged by its tier; a post under an unknown manager is S002 alone, and its team
    is judged by its tier too."""
    write(
        in_tmp,
        "s.yaml",
        SMALL
        + """  - {id: AD4, title: AD, tier: 2}
  - {id: HOS1, title: Head of Service, reports_to: AD4, tier: 3}
  - {id: HOS2, title: Head of Service, reports_to: AD4, tier: 3}
  - {id: HOS3, title: Head of Service, reports_to: AD4, tier: 4}
  - {id: HOS4, title: Head of Service, reports_to: AD9, tier: 3}
  - {id: TM1, title: Team Manager, reports_to: HOS4, tier: 4}
  - {id: TM2, title: Team Manager, reports_to: HOS4, tier: 4}
  - {id: TM3, title: Team Manager, reports_to: HOS4, tier: 5}
""",
    )
    found = lint(in_tmp / "s.yaml")
    assert found == Counter({("S004", "AD4"): 1, ("S006", "HOS3"): 1, ("S002", "HOS4"): 1, ("S006", "TM3"): 1})


# One bad value keeps the rest of its record


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_bad_evaluation_date_is_its_x002_alone(tmp_path: Path, ruleset: str) -> None:
    """Not also "the evaluation record has no date" (E102, under leicestershire-odp)."""
    added = mistake(tmp_path, ruleset, "AD-PH-COM", "      date: 2024-01-23", "      date: 2024-01-32")
    assert added == Counter({("X002", "AD-PH-COM"): 1})


SPREADSHEET_CONFIG = """ruleset = "leicestershire-odp"
[spreadsheet]
organisation = "Brookfield Council"
council-type = "unitary"
[spreadsheet.columns]
id = "Post"
title = "Title"
reports_to = "Line manager"
tier = "Tier"
grade = "Grade"
department = "Department"
function = "Function"
designations = "Statutory roles"
qualifications = "Qualifications"
evaluation_scheme = "Evaluation scheme"
evaluation_date = "Evaluation date"
evaluation_grade = "Evaluated grade"
evaluation_rationale = "Evaluation rationale"
"""
COLUMNS = {
    "Post": "id",
    "Title": "title",
    "Line manager": "reports_to",
    "Tier": "tier",
    "Grade": "grade",
    "Department": "department",
    "Function": "function",
    "Statutory roles": "designations",
    "Qualifications": "qualifications",
    "Evaluation scheme": "evaluation.scheme",
    "Evaluation date": "evaluation.date",
    "Evaluated grade": "evaluation.grade",
    "Evaluation rationale": "evaluation.rationale",
}


def council_rows() -> list[list[str]]:
    """The council's posts as a manager's spreadsheet would hold them, a row each."""
    posts: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(COUNCIL.read_text(encoding="utf-8"))["posts"]
    rows = [list(COLUMNS)]
    for post in posts:
        row = []
        for field in COLUMNS.values():
            value: Any = post
            for step in field.split("."):
                value = value.get(step) if isinstance(value, dict) else None
            row.append("; ".join(value) if isinstance(value, list) else "" if value is None else str(value))
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


def test_a_bad_evaluation_date_in_a_spreadsheet_keeps_the_evaluation_record(in_tmp: Path) -> None:
    """Not also "no job evaluation record" (E101): the rest of the row's record stands."""
    write(in_tmp, "orglint.toml", SPREADSHEET_CONFIG)
    rows = council_rows()
    write_csv(in_tmp / "posts.csv", rows)
    before = lint(in_tmp / "posts.csv")
    post = next(row for row in rows if row[0] == "AD-PH-COM")
    post[list(COLUMNS).index("Evaluation date")] = "2024-01-32"
    write_csv(in_tmp / "posts.csv", rows)
    after = lint(in_tmp / "posts.csv")
    assert not before - after
    assert after - before == Counter({("X002", "AD-PH-COM"): 1})
    _, document = check_json("posts.csv")
    (x002,) = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert x002["cell"]["header"] == "Evaluation date"


# Input findings come first in every view


def two_mistakes(folder: Path) -> Path:
    """A misspelt key late in the file (X002) and a wrong tier early in it (S006)."""
    text = edit_post(COUNCIL.read_text(encoding="utf-8"), "HOS-CR-FM", "    grade: '15'", "    grdae: '15'")
    text = edit_post(text, "DCFS", "    tier: 2", "    tier: 3")
    path = folder / "brookfield.yaml"
    path.write_text(text, encoding="utf-8")
    return path


VIEWS = {
    "full": ["check", "--output-format", "full"],
    "concise": ["check", "--output-format", "concise"],
    "json": ["check", "--output-format", "json"],
    "sarif": ["check", "--output-format", "sarif"],
    "github": ["check", "--output-format", "github"],
    "junit": ["check", "--output-format", "junit"],
    "report": ["report", "--format", "markdown", "--exit-zero"],
}


def codes_in_order(view: str, out: str) -> list[str]:
    if view == "json":
        return [d["code"] for d in json.loads(out)["diagnostics"]]
    if view == "sarif":
        return [result["ruleId"] for result in json.loads(out)["runs"][0]["results"]]
    if view == "junit":
        return [case.get("name", "").split()[0] for case in ElementTree.fromstring(out).iter("testcase")]
    return re.findall(r"\b(X002|S006)\b", out)


@pytest.mark.parametrize("view", list(VIEWS))
def test_input_findings_come_first_in_every_view(in_tmp: Path, view: str) -> None:
    path = two_mistakes(in_tmp)
    _, out, _ = run(*VIEWS[view], str(path.name), "--isolated", "--ruleset", "core")
    codes = [code for code in codes_in_order(view, out) if code in ("X002", "S006")]
    assert codes and codes[0] == "X002" and "S006" in codes and codes.index("X002") < codes.index("S006"), codes


# X003 names its post; input findings cannot be suppressed


def test_an_unused_suppression_names_the_post_it_sits_on(tmp_path: Path) -> None:
    stale = "  # orglint: ignore[D103] -- the old one-over-one, since restructured"
    added = mistake(tmp_path, "core", "AD-PH-COM", "    reports_to: DPH", f"    reports_to: DPH{stale}")
    assert added == Counter({("X003", "AD-PH-COM"): 1})


def test_suppressing_an_input_finding_says_it_cannot_be(tmp_path: Path) -> None:
    changed = tmp_path / "changed.yaml"
    text = edit_post(COUNCIL.read_text(encoding="utf-8"), "AD-PH-COM", "    grade: AD", "    grdae: AD  # orglint: ignore[X002]")
    changed.write_text(text, encoding="utf-8")
    _, document = check_json(str(changed), "--isolated", "--ruleset", "core")
    found = {d["code"]: d for d in document["diagnostics"]}
    assert set(found) == {"X002", "X003"}
    assert found["X003"]["post"] == "AD-PH-COM"
    assert found["X003"]["message"] == "input findings cannot be suppressed: correct the input that X002 reports instead"


# The mechanism, on small structures


def concise(folder: Path, text: str, *options: str) -> list[str]:
    write(folder, "s.yaml", text)
    _, out, _ = run("check", "s.yaml", "--output-format", "concise", *options)
    return out.splitlines()[:-1]


def test_a_misspelt_key_s_value_is_checked_where_it_was_written(in_tmp: Path) -> None:
    """Read as meant, the value is checked like any other, and findings on it point at it."""
    lines = concise(in_tmp, SMALL + "  - {id: AD4, title: AD, reprots_to: CEO, tier: 2}\n")
    assert lines == [
        "s.yaml:8:26: X002 [invalid-structure] post 'AD4': unknown key 'reprots_to' (did you mean 'reports_to'?)",
        "s.yaml:8:38: S002 [unknown-manager] reports_to 'CEO' names no post (did you mean 'CE'?)",
    ]


def test_a_misspelt_required_key_is_not_also_missing(in_tmp: Path) -> None:
    lines = concise(in_tmp, SMALL + "  - {id: AD4, titel: AD, reports_to: CE, tier: 2}\n")
    assert lines == ["s.yaml:8:15: X002 [invalid-structure] post 'AD4': unknown key 'titel' (did you mean 'title'?)"]


def test_misspellings_inside_a_misspelt_key_are_each_reported_and_read_as_meant(in_tmp: Path) -> None:
    record = "{scheme: HAY, dat: 2024-01-10, grade: AD, rationale: Panel.}"
    text = SMALL + f"  - {{id: AD4, title: AD, reports_to: CE, tier: 2, evaluaton: {record}}}\n"
    write(in_tmp, "s.yaml", text)
    _, document = check_json("s.yaml", "--select", "X,E")
    on_ad4 = [(d["code"], d["message"]) for d in document["diagnostics"] if d["post"] == "AD4"]
    assert on_ad4 == [  # and no E101 or E102: the record and its date are read
        ("X002", "post 'AD4': unknown key 'evaluaton' (did you mean 'evaluation'?)"),
        ("X002", "post 'AD4': evaluation: unknown key 'dat' (did you mean 'date'?)"),
    ]


def test_two_keys_misspelt_for_one_field_are_read_as_neither(in_tmp: Path) -> None:
    lines = concise(in_tmp, SMALL + "  - {id: AD4, title: AD, reprots_to: CE, reports_too: AD1, tier: 2}\n")
    assert [line.split()[1] for line in lines] == ["X002", "X002"]  # not S004: its reporting line is unknown


@pytest.mark.parametrize(("key", "value"), [("posts", "3"), ("post", "[3]"), ("departments", "{}")])
def test_a_list_that_cannot_be_read_is_not_taken_for_empty(in_tmp: Path, key: str, value: str) -> None:
    text = "orglint: 1\norganisation: {name: Example District Council, type: district, ruleset: core}\n"
    if key != "departments":
        lines = concise(in_tmp, f"{text}{key}: {value}\n")
    else:
        lines = concise(
            in_tmp, f"{text}{key}: {value}\n" + SMALL.split("\n", 2)[2].replace("tier: 2}", "tier: 2, department: d}")
        )
    assert lines and all(" X002 " in line for line in lines), lines  # not "no posts" (S004) or "not defined" (S005)


def test_a_stale_file_wide_suppression_names_no_post(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", SMALL + "# orglint: ignore-file[S006]\n")
    assert lint(in_tmp / "s.yaml") == Counter({("X003", None): 1})


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_post_id_written_twice_is_its_s001_alone(tmp_path: Path, ruleset: str) -> None:
    """The second post with an id is outside the reporting lines, but it still stands under its
    manager: that manager's span is not one less (no D102 or D103 for the S001's one mistake)."""
    text = COUNCIL.read_text(encoding="utf-8")
    manager = _manager_of_exactly_three_leaves(text)
    first, second = manager[1][0], manager[1][1]
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace(f"  - id: {second}\n", f"  - id: {first}\n", 1), encoding="utf-8")
    clean = tmp_path / "clean.yaml"
    shutil.copyfile(COUNCIL, clean)
    assert lint(changed, ruleset) - lint(clean, ruleset) == Counter({("S001", first): 1})


def _manager_of_exactly_three_leaves(text: str) -> tuple[str, list[str]]:
    """A manager in the council whose direct reports are three posts managing no one."""
    reports: dict[str, list[str]] = {}
    for post_id, manager in re.findall(r"  - id: (\S+)\n(?:    (?!reports_to).*\n)*    reports_to: (\S+)\n", text):
        reports.setdefault(manager, []).append(post_id)
    return next((m, ids) for m, ids in reports.items() if len(ids) == 3 and not any(i in reports for i in ids))


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("slip", ["lower", "extra"])
def test_a_reports_to_one_slip_from_one_post_is_its_s002_alone(tmp_path: Path, ruleset: str, slip: str) -> None:
    """`reports_to: HOS-PLN` for `HOS-PL` (or the id in the wrong case): the S002, with its
    did-you-mean, and not also a narrow span (D102) or a one-over-one (D103) on the manager meant,
    which is a report short only through the one slip."""
    text = COUNCIL.read_text(encoding="utf-8")
    manager, (_, report, _) = _manager_of_exactly_three_leaves(text)
    written = manager.lower() if slip == "lower" else f"{manager}N"
    added = mistake(tmp_path, ruleset, report, f"    reports_to: {manager}", f"    reports_to: {written}")
    assert added == Counter({("S002", report): 1})
    _, document = check_json(str(tmp_path / "changed.yaml"), "--isolated", "--ruleset", ruleset)
    (s002,) = [d for d in document["diagnostics"] if d["code"] == "S002"]
    assert s002["message"] == f"reports_to {written!r} names no post (did you mean {manager!r}?)"


def test_a_reports_to_as_close_to_two_posts_is_counted_under_neither(in_tmp: Path) -> None:
    """`AD` is one edit from `AD1`, `AD2` and `AD3`: the S002 suggests the first, but which was
    meant is a guess, and a guess is not counted in anyone's span."""
    text = (
        SMALL
        + "  - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}\n  - {id: HOS2, title: Head of Service, reports_to: AD, tier: 3}\n"
    )
    lines = concise(in_tmp, text, "--select", "S002,D103")
    assert [line.split(" ", 1)[1] for line in lines] == [
        "D103 [one-over-one] 'AD' has one direct report (HOS1): a one-over-one layer",
        "S002 [unknown-manager] reports_to 'AD' names no post (did you mean 'AD1'?)",
    ]
