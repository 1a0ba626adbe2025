"""A manager's own spreadsheet of posts (columns mapped in the config), and `orglint import`:
organograms and spreadsheets written out as structure files that lint as the tables do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from ruamel.yaml import YAML

from tests.conftest import check_json, run, write
from tests.workbooks import write_workbook

CONFIG = """[spreadsheet]
organisation = "Example Shire County Council"
council-type = "county"
sheet = "Posts"

[spreadsheet.columns]
id = "Post number"
title = "Job title"
reports_to = "Line manager"
tier = "Tier"
grade = "Grade"
department = "Directorate"
designations = "Statutory roles"
salary_min = "Salary from"
salary_max = "Salary to"
"""
HEADER = [
    "Post number",
    "Job title",
    "Line manager",
    "Tier",
    "Grade",
    "Directorate",
    "Statutory roles",
    "Salary from",
    "Salary to",
]
POSTS = [
    ["CE", "Chief Executive", None, 1, "CEX", None, "head-of-paid-service", 150000, 160000],
    ["DCS", "Director of Children's Services", "CE", 2, "DIR", "children", "director-of-childrens-services", 120000, 130000],
    ["DAS", "Director of Adults", "CE", 2, "DIR", "adults", "director-of-adult-social-services", 120000, 130000],
    ["DCR", "Director of Resources", "CE", 2, "DIR", "resources", "chief-finance-officer; monitoring-officer", 120000, 130000],
    ["HOF", "Head of Finance", "DCR", "three", "HOS", "resources", None, 70000, 80000],
]


def workbook(path: Path, rows: list[list[Any]], sheet: str = "Posts") -> None:
    book = Workbook()
    first = book.active
    first.title = "Notes"
    first.append(["This workbook's posts are on the Posts sheet."])
    posts = book.create_sheet(sheet)
    posts.append(HEADER)
    for row in rows:
        posts.append(row)
    book.save(path)


def found(document: dict[str, Any]) -> list[tuple[str, str | None]]:
    return sorted((d["code"], d["post"]) for d in document["diagnostics"])


def test_a_mapped_spreadsheet_is_linted_with_every_rule_family(in_tmp: Path) -> None:
    (in_tmp / "orglint.toml").write_text('ruleset = "uk-local-government"\n' + CONFIG, encoding="utf-8")
    workbook(in_tmp / "proposal.xlsx", POSTS)
    exit_code, document = check_json("proposal.xlsx")
    assert exit_code == 1
    by_code = {d["code"]: d for d in document["diagnostics"]}
    # the tier "three" is a format fault at its cell; the post keeps its place without it
    assert by_code["X002"]["cell"] == {"sheet": "Posts", "ref": "D6", "header": "Tier"}
    assert by_code["X002"]["message"] == "tier: should be a whole number, got 'three'"  # the cell is the location, not the text
    # statutory rules see the council type and designations: the MO is also the CFO; no DPH
    assert by_code["L105"]["post"] == "DCR" and by_code["L105"]["cell"]["ref"] == "G5"
    assert any(d["code"] == "L108" and "Public Health" in d["message"] for d in document["diagnostics"])
    assert ("D103", "DCR") in found(document)  # one-over-one: DCR manages only HOF


def test_a_baseline_survives_a_row_inserted_above_its_findings(in_tmp: Path) -> None:
    (in_tmp / "orglint.toml").write_text('ruleset = "uk-local-government"\n' + CONFIG, encoding="utf-8")
    workbook(in_tmp / "proposal.xlsx", POSTS)
    _, before = check_json("proposal.xlsx")
    assert run("baseline", "write", "baseline.json", "proposal.xlsx")[0] == 0
    inserted = ["CSC", "Head of Children's Social Care", "DCS", 3, "HOS", "children", None, 70000, 80000]
    workbook(in_tmp / "proposal.xlsx", [POSTS[0], inserted, *POSTS[1:]])  # every post's row moves down one
    _, after = check_json("proposal.xlsx")
    rows = {(d["code"], d["post"], d["message"]): d["line"] for d in after["diagnostics"]}
    for finding in before["diagnostics"]:  # each old finding is still there, one row down (the file's own stay)
        assert rows[(finding["code"], finding["post"], finding["message"])] == finding["line"] + (finding["line"] > 1)
    exit_code, document = check_json("proposal.xlsx", "--baseline", "baseline.json")
    # the new post's finding is new, a warning (DCS now manages one post); the workbook's input
    # finding is no baseline's to accept, and stays, one row down
    (fault,) = [d for d in before["diagnostics"] if d["code"].startswith("X")]
    assert exit_code == 1
    assert [(d["code"], d["post"], d["line"]) for d in document["diagnostics"]] == [
        (fault["code"], fault["post"], fault["line"] + (fault["line"] > 1)),
        ("D103", "DCS", 4),
    ]


def test_unmapped_columns_and_unconfigured_tables_are_located(in_tmp: Path) -> None:
    (in_tmp / "orglint.toml").write_text(CONFIG.replace('"Line manager"', '"Manager"'), encoding="utf-8")
    workbook(in_tmp / "proposal.xlsx", POSTS)
    exit_code, document = check_json("proposal.xlsx")
    (finding,) = document["diagnostics"]
    assert exit_code == 1 and (finding["code"], finding["line"], finding["column"]) == ("X002", 1, 1)
    assert "no 'Manager' column" in finding["message"]
    write(in_tmp, "elsewhere/notes.csv", "a,b\n1,2\n")  # no configuration maps this folder's tables
    _, document = check_json("elsewhere/notes.csv", "--isolated")
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X002" and "[tool.orglint.spreadsheet]" in finding["message"]


def test_a_bad_spreadsheet_setting_is_a_located_configuration_error(in_tmp: Path) -> None:
    (in_tmp / "orglint.toml").write_text(CONFIG.replace('grade = "Grade"', 'grad = "Grade"'), encoding="utf-8")
    workbook(in_tmp / "proposal.xlsx", POSTS)
    exit_code, _, err = run("check", "proposal.xlsx")
    assert exit_code == 2 and "orglint.toml:11:1: unknown key 'grad' (did you mean 'grade'?)" in err


def _yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def test_a_spreadsheet_round_trips_through_import_and_check(in_tmp: Path) -> None:
    (in_tmp / "orglint.toml").write_text(CONFIG, encoding="utf-8")
    rows = [[*row[:3], row[3] if row[3] != "three" else 3, *row[4:]] for row in POSTS]
    workbook(in_tmp / "proposal.xlsx", rows)
    original = (in_tmp / "proposal.xlsx").read_bytes()
    _, direct = check_json("proposal.xlsx")
    exit_code, _, err = run("import", "proposal.xlsx")
    assert exit_code == 0 and "wrote 5 posts to proposal.yaml" in err
    text = (in_tmp / "proposal.yaml").read_text(encoding="utf-8")
    assert "  # proposal.xlsx, sheet 'Posts', row 6\n  - id: HOF" in text
    assert "reports_to: null" in text
    data = _yaml(in_tmp / "proposal.yaml")
    assert data["organisation"] == {"name": "Example Shire County Council", "type": "county"}
    assert [post["id"] for post in data["posts"]] == [row[0] for row in POSTS]
    assert data["posts"][3]["designations"] == ["chief-finance-officer", "monitoring-officer"]
    _, imported = check_json("proposal.yaml")
    assert found(imported) == found(direct)
    assert (in_tmp / "proposal.xlsx").read_bytes() == original
    exit_code, _, err = run("import", "proposal.xlsx")
    assert exit_code == 2 and "proposal.yaml is a structure file" in err and "--force" in err
    assert run("import", "proposal.xlsx", "--force")[0] == 0


def test_a_workbook_s_faults_say_what_was_written_and_what_it_may_be_a_slip_for(in_tmp: Path) -> None:
    """As a structure file's do: a drop-down word mistyped is one edit from its choice."""
    data = {
        "orglint": 1,
        "organisation": {"name": "Test District Council", "type": "Distrct"},
        "departments": [{"id": "res", "kind": "Suport"}, {"id": "ops", "kind": "Servce"}],
        "posts": [{"id": "CE", "title": "Chief Executive", "tier": "one", "department": "res"}],
    }
    write_workbook(data, in_tmp / "wb.xlsx")
    _, document = check_json("wb.xlsx", "--isolated")
    # each sheet's findings together (Departments C2, C3 ...), not row by row across the sheets
    sheets = [d["cell"]["sheet"] for d in document["diagnostics"]]
    assert len(set(sheets)) == 3 and sheets == sorted(sheets, key=sheets.index), sheets
    messages = {d["cell"]["ref"]: d["message"] for d in document["diagnostics"] if d["code"] == "X002"}
    assert messages["B2"].endswith("(did you mean 'district'?), got 'Distrct'")
    assert messages["C2"] == "kind: input should be 'service' or 'support' (did you mean 'support'?), got 'Suport'"


def test_a_workbook_s_drop_down_words_are_taken_in_any_case(in_tmp: Path) -> None:
    """Excel's list validation takes "District" for "district": so does orglint, and import
    writes the word as the format does (it left the council type, kinds and contracts out)."""
    data = {
        "orglint": 1,
        "organisation": {"name": "Test District Council", "type": "District"},
        "departments": [{"id": "res", "kind": "Support"}],
        "posts": [{"id": "CE", "title": "Chief Executive", "tier": 1, "department": "res", "contract": "Permanent"}],
    }
    write_workbook(data, in_tmp / "wb.xlsx")
    _, document = check_json("wb.xlsx", "--isolated")
    assert [d["code"] for d in document["diagnostics"] if d["code"].startswith("X")] == []
    assert run("import", "wb.xlsx", "-o", "wb.yaml")[0] == 0
    imported = _yaml(in_tmp / "wb.yaml")
    assert imported["organisation"]["type"] == "district" and imported["departments"][0]["kind"] == "support"
    assert imported["posts"][0]["contract"] == "permanent"


def test_a_workbook_s_finding_about_the_whole_organisation_is_at_its_organisation_sheet(in_tmp: Path) -> None:
    data = {
        "orglint": 1,
        "organisation": {"name": "Test District Council", "type": "district", "ruleset": "uk-local-government"},
        "posts": [{"id": "CE", "title": "Chief Executive", "tier": 1}],
    }
    write_workbook(data, in_tmp / "wb.xlsx")
    _, document = check_json("wb.xlsx", "--isolated")
    missing = [d for d in document["diagnostics"] if d["code"] == "L103"]
    assert [d["cell"] for d in missing] == [{"sheet": "Organisation", "ref": "B1", "header": "Name"}]


def test_an_xlsx_organogram_round_trips_through_import_and_check(in_tmp: Path) -> None:
    book = Workbook()
    senior = book.active
    senior.title = "(final data) senior-staff"
    senior.append(["Post Unique Reference", "Name", "Grade (or equivalent)", "Job Title", "Job/Team Function", "Organisation",
                   "Unit", "Contact Phone", "Contact E-mail", "Reports to Senior Post", "FTE", "Actual Pay Floor (£)",
                   "Actual Pay Ceiling (£)"])  # fmt: skip
    senior.append(
        [
            "CEO",
            "Jane Smith",
            "SCS3",
            "Chief Executive",
            "Leads",
            "Agency",
            "Executive",
            "0300",
            "a@b.gov.uk",
            "XX",
            1,
            150000,
            154999,
        ]
    )
    senior.append(
        ["DIR", "N/D", "SCS2", "Director", "Runs", "Agency", "Operations", "0300", "c@b.gov.uk", "CEO", 1, "N/D", "N/D"]
    )
    senior.append(
        ["DD", "Vacant", "SCS1", "Deputy Director", "Helps", "Agency", "Operations", "0300", "d@b.gov.uk", "DIR", 0.5, 0, 0]
    )
    junior = book.create_sheet("(final data) junior-staff")
    junior.append(["Organisation", "Unit", "Reporting Senior Post", "Grade", "Payscale Minimum (£)", "Payscale Maximum (£)",
                   "Generic Job Title", "Number of Posts in FTE"])  # fmt: skip
    junior.append(["Agency", "Operations", "DD", "HEO", 30000, 36000, "Manager", 4])
    book.save(in_tmp / "organogram.xlsx")
    _, direct = check_json("organogram.xlsx", "--ruleset", "core")
    assert ("D103", "CEO") in found(direct) and ("D103", "DIR") in found(direct)
    exit_code, _, _ = run("import", "organogram.xlsx", "-o", "imported.yaml")
    assert exit_code == 0
    data = _yaml(in_tmp / "imported.yaml")
    assert [(p["id"], p.get("group", False)) for p in data["posts"]] == [
        ("CEO", False), ("DIR", False), ("DD", False), ("DD › HEO › Manager", True)
    ]  # fmt: skip
    assert data["posts"][2]["holder"] == "vacant" and data["posts"][2]["fte"] == 0.5
    assert data["posts"][3]["fte"] == 4 and data["posts"][3]["salary"] == {"min": 30000, "max": 36000}
    _, imported = check_json("imported.yaml", "--ruleset", "core")
    assert found(imported) == found(direct)
    # without --ruleset: the organogram's own ruleset, which the imported file names
    assert data["organisation"]["ruleset"] == "uk-organogram"
    _, direct = check_json("organogram.xlsx")
    _, imported = check_json("imported.yaml")
    assert [(code, post) for code, post in found(direct) if not code.startswith("T")] == found(imported)


def test_import_refuses_to_write_over_its_source_and_reports_unreadable_input(in_tmp: Path) -> None:
    (in_tmp / "junk.xlsx").write_bytes(b"PK\x03\x04 junk")
    exit_code, _, err = run("import", "junk.xlsx")
    assert exit_code == 1 and "X001" in err and not (in_tmp / "junk.yaml").exists()
    (in_tmp / "junk-link.yaml").symlink_to("junk.xlsx")
    exit_code, _, err = run("import", "junk.xlsx", "-o", "junk-link.yaml")
    assert exit_code == 2 and "is the file being imported" in err
    assert (in_tmp / "junk.xlsx").read_bytes() == b"PK\x03\x04 junk"
    exit_code, _, err = run(
        "import", "junk.xlsx", "-o", "junk-link.yaml", "--force"
    )  # --force replaces others' files, never its source
    assert exit_code == 2 and "is the file being imported" in err
    assert (in_tmp / "junk.xlsx").read_bytes() == b"PK\x03\x04 junk"


@pytest.mark.parametrize("name", ["structure.xlsx", "posts.csv", "structure.json"])
def test_import_writes_yaml_and_refuses_an_output_named_as_another_format(in_tmp: Path, name: str) -> None:
    """YAML written to ``structure.xlsx`` would fail every later check as "not a workbook"."""
    write(in_tmp, "posts.csv", "id,title,reports_to\nCE,Chief Executive,\n")
    exit_code, _, err = run("import", "posts.csv", "-o", name)
    assert exit_code == 2 and "name it .yaml" in err
    assert (in_tmp / "posts.csv").read_text(encoding="utf-8").startswith("id,title")
    assert not (in_tmp / "structure.xlsx").exists() and not (in_tmp / "structure.json").exists()


def test_contract_and_contact_columns_can_be_mapped(in_tmp: Path) -> None:
    """The Transparency Code's fields (P101) come from a manager's spreadsheet as the others do,
    and ``import`` writes them out."""
    config = CONFIG + 'contract = "Permanent or temporary"\ncontact_email = "Email"\ncontact_phone = "Telephone"\n'
    (in_tmp / "orglint.toml").write_text(config, encoding="utf-8")
    book = Workbook()
    posts = book.active
    posts.title = "Posts"
    posts.append([*HEADER, "Permanent or temporary", "Email", "Telephone"])
    posts.append([*POSTS[0], "permanent", "ce@example.gov.uk", "01234 567890"])
    posts.append([*POSTS[1], "interim", None, None])
    book.save(in_tmp / "proposal.xlsx")
    assert run("import", "proposal.xlsx")[0] == 0
    chief, director = _yaml(in_tmp / "proposal.yaml")["posts"]
    assert chief["contract"] == "permanent"
    assert chief["contact"] == {"email": "ce@example.gov.uk", "phone": "01234 567890"}
    assert director["contract"] == "interim" and "contact" not in director


def test_import_of_an_organogram_keeps_its_contacts_and_not_those_withheld(in_tmp: Path) -> None:
    """The Contact Phone and Contact E-mail of each senior post are the structure's `contact`
    (the Transparency Code's chart shows them, P101); N/D (withheld) and N/A are no contact."""
    senior = (
        "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,"
        "Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
        "CEO,Jane Smith,SCS3,Chief Executive,Leads,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999\n"
        "DIR,N/D,SCS1,Director,Runs it,Example Agency,Ops,N/D,N/A,CEO,1,N/D,N/D\n"
    )
    write(in_tmp, "agency-senior.csv", senior)
    assert run("import", "agency-senior.csv")[0] == 0
    posts = {post["id"]: post for post in _yaml(in_tmp / "agency-senior.yaml")["posts"]}
    assert posts["CEO"]["contact"] == {"email": "ceo@example.gov.uk", "phone": "0300 123 4567"}
    assert "contact" not in posts["DIR"]
