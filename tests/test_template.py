"""``orglint template``: the structure workbook a manager fills in (orglint/load/workbook_layout.py),
empty or filled from a structure, and the round trip through ``orglint import``."""

from __future__ import annotations

import datetime
import typing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from ruamel.yaml import YAML

from orglint.engine import LintOptions, build_structures
from orglint.load.discover import discover
from orglint.load.workbook_layout import POSTS, WORKBOOK, Column, Sheet
from orglint.model.schema import (
    BusinessPartners,
    Contract,
    CouncilType,
    Department,
    DepartmentKind,
    Function,
    Organisation,
    Post,
    Profile,
    fields_of,
)
from orglint.model.structure import Structure
from orglint.output.workbook import LISTS_SHEET
from orglint.ruleset import load_ruleset
from tests.conftest import REPO, SAMPLES, check_json, run, write

BROOKFIELD = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"


def _structure(path: Path) -> Structure:
    (built,) = build_structures(discover([path]), LintOptions(isolated=True))
    assert built.structure is not None, built.input_findings
    return built.structure


def _list_values(book: Workbook, formula: str) -> list[str]:
    """A drop-down list's values: inline ("a,b") or a range of the hidden Lists sheet."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet_name, cells = formula.split("!")
    assert sheet_name.strip("'") == LISTS_SHEET
    return [str(cell.value) for (cell,) in book[LISTS_SHEET][cells.replace("$", "")]]


def _choices(book: Workbook, worksheet: Worksheet, cell: str) -> list[str] | None:
    for validation in worksheet.data_validations.dataValidation:
        if cell in validation.sqref:
            assert validation.type == "list"
            return _list_values(book, validation.formula1)
    return None


def _header_cells(worksheet: Worksheet, sheet: Sheet) -> list[tuple[Column, Any]]:
    if sheet.fields_in_rows:
        return [(column, worksheet.cell(row=row, column=1)) for row, column in enumerate(sheet.columns, start=1)]
    return [(column, worksheet.cell(row=1, column=index)) for index, column in enumerate(sheet.columns, start=1)]


def _value_cell(sheet: Sheet, column: Column) -> str:
    """The first cell a column's values go in (a letter and row)."""
    if sheet.fields_in_rows:
        return f"B{sheet.columns.index(column) + 1}"
    return f"{chr(ord('A') + sheet.columns.index(column))}2"


@pytest.mark.parametrize("ruleset", ["core", "leicestershire-odp", "uk-local-government"])
def test_the_template_has_the_layouts_sheets_headers_notes_panes_and_the_rulesets_lists(in_tmp: Path, ruleset: str) -> None:
    code, _, err = run("template", "proposal.xlsx", "--ruleset", ruleset)
    assert code == 0, err
    assert "wrote a template to proposal.xlsx" in err
    book = load_workbook(in_tmp / "proposal.xlsx")
    assert book.sheetnames[: len(WORKBOOK)] == [sheet.name for sheet in WORKBOOK]
    assert set(book.sheetnames[len(WORKBOOK) :]) <= {LISTS_SHEET}
    if LISTS_SHEET in book.sheetnames:
        assert book[LISTS_SHEET].sheet_state == "hidden"
    policy = load_ruleset([ruleset], REPO).policy
    expected: dict[str, set[str]] = {
        "contracts": set(typing.get_args(Contract)),
        "council-types": set(typing.get_args(CouncilType)),
        "department-kinds": set(typing.get_args(DepartmentKind)),
        "functions": set(typing.get_args(Function)),
        "grades": set(policy.grades),
        "levels": set(policy.roles),
        "yes-no": {"yes", "no"},
    }
    for sheet in WORKBOOK:
        worksheet = book[sheet.name]
        assert worksheet.freeze_panes == ("B1" if sheet.fields_in_rows else "A2")
        for column, cell in _header_cells(worksheet, sheet):
            assert cell.value == column.header
            assert cell.font.bold
            assert cell.comment is not None and cell.comment.text == column.note
            choices = _choices(book, worksheet, _value_cell(sheet, column))
            if column.choices is None:
                assert choices is None, column.header
            elif column.choices == "designations":
                if not policy.designations:
                    assert choices is None
                    continue
                assert choices is not None
                # shown by name, each a name the rules read as its designation; every designation offered
                assert {policy.designation_for(choice) for choice in choices} == set(policy.designations)
            elif expected[column.choices]:
                assert choices is not None and set(choices) == expected[column.choices], column.header
                assert len(choices) == len(set(choices))
        if not sheet.fields_in_rows:
            assert all(worksheet.column_dimensions[chr(ord("A") + i)].width >= len(c.header) for i, c in enumerate(sheet.columns))


def test_the_template_names_its_ruleset_so_the_filled_workbook_is_checked_against_it(in_tmp: Path) -> None:
    """A manager makes the template for a ruleset, fills it in and checks it: the statutory rules
    of that ruleset run, without the ruleset named again."""
    (in_tmp / ".git").mkdir()  # a repository: a ruleset beside the workbook's folder is inside it
    write(in_tmp, "rules/ours.yaml", "orglint-ruleset: 1\nname: ours\nextends: [uk-local-government]\n")
    for name, ruleset, written in (
        ("a.xlsx", "uk-local-government", "uk-local-government"),
        ("sub/b.xlsx", "rules/ours.yaml", "../rules/ours.yaml"),
    ):
        (in_tmp / name).parent.mkdir(exist_ok=True)
        assert run("template", name, "--ruleset", ruleset)[0] == 0
        book = load_workbook(in_tmp / name)
        assert book["Organisation"]["A3"].value == "Ruleset" and book["Organisation"]["B3"].value == written
        book["Organisation"]["B1"] = "Test District Council"
        book["Organisation"]["B2"] = "district"
        book["Posts"].append(["CE", "Chief Executive", None, 1])
        book.save(in_tmp / name)
        _, document = check_json(name)
        assert "L103" in {d["code"] for d in document["diagnostics"]}  # no monitoring officer: uk-local-government's


def test_a_ruleset_file_a_check_of_the_workbook_would_refuse_is_not_named_in_it(in_tmp: Path) -> None:
    """No .git: the workbook's folder is its project, and a ruleset beside that folder is outside
    it. Named in the workbook, every check of it would fail; so it is not, and stderr says how."""
    write(in_tmp, "rules/ours.yaml", "orglint-ruleset: 1\nname: ours\nextends: [uk-local-government]\n")
    (in_tmp / "out").mkdir()
    code, _, err = run("template", "out/book.xlsx", "--ruleset", "rules/ours.yaml")
    assert code == 0 and "check it with --ruleset rules/ours.yaml" in err
    assert load_workbook(in_tmp / "out" / "book.xlsx")["Organisation"]["B3"].value is None


def test_a_workbook_s_ruleset_fault_is_at_its_ruleset_cell(in_tmp: Path) -> None:
    assert run("template", "book.xlsx", "--ruleset", "core")[0] == 0
    book = load_workbook(in_tmp / "book.xlsx")
    book["Organisation"]["B1"], book["Organisation"]["B3"] = "Test District Council", "nope"
    book["Posts"].append(["CE", "Chief Executive", None, 1])
    book.save(in_tmp / "book.xlsx")
    code, _, err = run("check", "book.xlsx")
    assert code == 2 and "book.xlsx:3:2: unknown ruleset 'nope'" in err


def test_a_list_of_the_format_s_words_refuses_others_and_one_of_the_ruleset_s_warns(in_tmp: Path) -> None:
    assert run("template", "t.xlsx", "--ruleset", "leicestershire-odp")[0] == 0
    book = load_workbook(in_tmp / "t.xlsx")
    styles = {
        (worksheet.title, validation.errorTitle): validation.errorStyle
        for worksheet in book
        for validation in worksheet.data_validations.dataValidation
    }
    assert styles[("Organisation", "Council type")] == styles[("Posts", "Contract")] == "stop"  # no other word is read
    assert styles[("Posts", "Grade")] == "warning"  # a grade the ruleset does not list may be meant; check says so


def test_a_list_too_long_for_excel_inline_goes_on_the_hidden_sheet(in_tmp: Path) -> None:
    assert run("template", "t.xlsx", "--ruleset", "leicestershire-odp")[0] == 0
    book = load_workbook(in_tmp / "t.xlsx")
    formulas = [v.formula1 for ws in book for v in ws.data_validations.dataValidation]
    assert all(len(formula) <= 257 for formula in formulas)
    assert any(formula.startswith(f"'{LISTS_SHEET}'!") for formula in formulas)  # the designations


def _rows(worksheet: Worksheet) -> list[dict[str, Any]]:
    header, *rows = worksheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows if any(value is not None for value in row)]


def test_from_a_structure_writes_every_record_and_field(in_tmp: Path) -> None:
    code, _, err = run("template", "brookfield.xlsx", "--from", str(BROOKFIELD))
    assert code == 0, err
    assert "1 organisation, 5 departments, 5 profiles, 121 posts, 121 evaluations" in err
    data = YAML(typ="safe", pure=True).load(BROOKFIELD.read_text(encoding="utf-8"))  # read apart from orglint
    book = load_workbook(in_tmp / "brookfield.xlsx")
    organisation = {row[0]: row[1] for row in book["Organisation"].iter_rows(values_only=True)}
    assert organisation == {"Name": "Brookfield Council", "Council type": "unitary", "Ruleset": "leicestershire-odp"}

    departments = _rows(book["Departments"])
    assert [row["Department ID"] for row in departments] == [d["id"] for d in data["departments"]]
    support = next(row for row in departments if row["Department ID"] == "corporate-resources")
    assert support["Kind"] == "support" and support["HR business partner"] == "BP-HR-PLACE"

    profiles = _rows(book["Profiles"])
    assert [row["Profile ID"] for row in profiles] == [p["id"] for p in data["profiles"]]
    manager = next(row for row in profiles if row["Profile ID"] == "team-manager")
    assert manager["Responsibilities"] == "operational-decisions\ncontrols-expenditure\nmanages-team"
    assert manager["Updated"] == datetime.datetime(2023, 9, 1)  # an Excel date, not text

    posts = _rows(book["Posts"])
    assert [row["Post ID"] for row in posts] == [p["id"] for p in data["posts"]]
    chief = posts[0]
    assert chief["Reports to"] is None and chief["Tier"] == 1
    assert chief["Salary from"] == 176500 and isinstance(chief["Salary from"], int)
    assert chief["Statutory roles"].split("\n") == data["posts"][0]["designations"]
    for row, post in zip(posts, data["posts"], strict=True):
        assert row["Job title"] == post["title"]
        assert row["Grade"] == (str(post["grade"]) if "grade" in post else None)

    evaluations = _rows(book["Evaluations"])
    evaluated = [p for p in data["posts"] if "evaluation" in p]
    assert len(evaluations) == len(evaluated) == 121
    for row, post in zip(evaluations, evaluated, strict=True):
        record = post["evaluation"]
        assert row["Post ID"] == post["id"]
        assert row["Scheme"] == record["scheme"]
        assert row["Date"].date() == record["date"]
        assert row["Total points"] == record["points"]["total"]


def test_an_existing_file_is_kept_without_force(in_tmp: Path) -> None:
    target = in_tmp / "proposal.xlsx"
    target.write_bytes(b"a manager's own work")
    code, _, err = run("template", "proposal.xlsx")
    assert code == 2
    assert err == "orglint: error: proposal.xlsx exists: use --force to overwrite it\n"
    assert target.read_bytes() == b"a manager's own work"
    code, _, err = run("template", "proposal.xlsx", "--force")
    assert code == 0, err
    assert load_workbook(target).sheetnames[0] == "Organisation"
    assert [p.name for p in in_tmp.iterdir()] == ["proposal.xlsx"]  # no temporary file left


def test_an_unknown_ruleset_is_one_line_and_exit_2(in_tmp: Path) -> None:
    code, _, err = run("template", "proposal.xlsx", "--ruleset", "leicestershire")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("orglint: error: unknown ruleset 'leicestershire'")
    assert "did you mean 'leicestershire-odp'?" in err
    assert not (in_tmp / "proposal.xlsx").exists()


def test_a_template_is_a_workbook(in_tmp: Path) -> None:
    code, _, err = run("template", "proposal.yaml")
    assert code == 2 and err == "orglint: error: proposal.yaml: a template is an Excel workbook: name it .xlsx\n"


def test_from_a_missing_file(in_tmp: Path) -> None:
    code, _, err = run("template", "proposal.xlsx", "--from", "nowhere.yaml")
    assert code == 2 and err == "orglint: error: nowhere.yaml: no such file or folder\n"


def test_from_a_folder_as_check_takes_one(in_tmp: Path) -> None:
    """A structure's folder, as `orglint check` takes it; a folder of several structures or of none
    is refused in one line (without the faults of structures not meant)."""
    code, _, err = run("template", "riverside.xlsx", "--from", str(SAMPLES / "riverside"))
    assert code == 0 and err.endswith("1 organisation, 3 departments, 40 posts\n")
    code, _, err = run("template", "all.xlsx", "--from", str(SAMPLES))
    assert code == 2 and err.count("\n") == 1
    assert "structures: name the root file of the one to fill in" in err
    (in_tmp / "empty").mkdir()
    code, _, err = run("template", "none.xlsx", "--from", "empty")
    assert code == 2 and err == "orglint: error: empty: no structure orglint can read\n"
    assert not (in_tmp / "all.xlsx").exists() and not (in_tmp / "none.xlsx").exists()


def _same_structure(back: Structure, original: Structure) -> None:
    assert back.organisation == original.organisation
    assert back.departments == original.departments
    assert back.profiles == original.profiles
    for returned, post in zip(back.posts, original.posts, strict=True):
        assert returned == post, post.id
    assert len(back.posts) == len(original.posts)


def test_a_yaml_structure_round_trips_through_the_template_and_import(in_tmp: Path) -> None:
    assert run("template", "brookfield.xlsx", "--from", str(BROOKFIELD))[0] == 0
    code, _, err = run("import", "brookfield.xlsx", "-o", "back.yaml")
    assert code == 0, err
    _same_structure(_structure(in_tmp / "back.yaml"), _structure(BROOKFIELD))


ODD_VALUES = """orglint: 1
organisation: {name: Odd District Council, type: district, ruleset: [core, uk-local-government]}
departments:
  - {id: "007", name: Resources, kind: support}
profiles:
  - {id: officer, title: Officer, responsibilities: ["=1+1", plain]}
posts:
  - {id: CE, title: Chief Executive, reports_to: null, tier: 1, grade: "12", fte: 0.5, holder: [Ann Smith, Bob Jones]}
  - id: "0042"
    title: "=HYPERLINK(\\"http://example.com\\")"
    reports_to: CE
    department: "007"
    salary: {min: 30000.5, max: 32000}
    holder: vacant
    group: true
    profile: officer
    qualifications: [CIPFA]
    evaluation: {scheme: HAY, date: 2024-05-20, points: {total: 300}}
"""


def test_odd_values_are_written_as_the_loader_reads_them(in_tmp: Path) -> None:
    (in_tmp / "odd.yaml").write_text(ODD_VALUES, encoding="utf-8")
    code, _, err = run("template", "odd.xlsx", "--from", "odd.yaml")
    assert code == 0, err
    book = load_workbook(in_tmp / "odd.xlsx")
    organisation = {row[0]: row[1] for row in book["Organisation"].iter_rows(values_only=True)}
    assert organisation["Ruleset"] == "core\nuk-local-government"
    assert _rows(book["Departments"])[0]["Department ID"] == "007"  # an id is text, not the number 7
    chief, other = _rows(book["Posts"])
    assert chief["FTE"] == 0.5 and chief["Holder"] == "Ann Smith\nBob Jones" and chief["Grade"] == "12"
    assert chief["Group of posts"] is None and other["Group of posts"] == "yes"
    assert other["Post ID"] == "0042" and other["Salary from"] == 30000.5 and other["Salary to"] == 32000
    posts = book["Posts"]
    assert posts["B3"].data_type == "s" and posts["B3"].value.startswith("=HYPERLINK")  # text, not a formula
    assert book["Profiles"]["D2"].data_type == "s"
    (evaluation,) = _rows(book["Evaluations"])
    assert evaluation["Post ID"] == "0042" and evaluation["Date"] == datetime.datetime(2024, 5, 20)
    assert evaluation["Total points"] == 300 and evaluation["Grade"] is None


def test_odd_values_round_trip(in_tmp: Path) -> None:
    (in_tmp / "odd.yaml").write_text(ODD_VALUES, encoding="utf-8")
    assert run("template", "odd.xlsx", "--from", "odd.yaml")[0] == 0
    code, _, err = run("import", "odd.xlsx", "-o", "back.yaml")
    assert code == 0, err
    _same_structure(_structure(in_tmp / "back.yaml"), _structure(in_tmp / "odd.yaml"))


def test_never_over_the_structure_it_was_given(in_tmp: Path) -> None:
    (in_tmp / "odd.yaml").write_text(ODD_VALUES, encoding="utf-8")
    code, _, err = run("template", "odd.xlsx", "--from", "odd.yaml")
    assert code == 0, err
    before = (in_tmp / "odd.xlsx").read_bytes()
    code, _, err = run("template", "odd.xlsx", "--from", "odd.xlsx", "--force")
    assert code == 2 and err == "orglint: error: odd.xlsx is a spreadsheet this run read: choose another output file\n"
    assert (in_tmp / "odd.xlsx").read_bytes() == before


def test_a_value_the_structure_cannot_give_is_said_and_left_out(in_tmp: Path) -> None:
    (in_tmp / "bad.yaml").write_text(ODD_VALUES.replace("tier: 1, grade", "tier: first, grade"), encoding="utf-8")
    code, _, err = run("template", "bad.xlsx", "--from", "bad.yaml")
    assert code == 1
    assert "X002" in err and "tier" in err
    chief = _rows(load_workbook(in_tmp / "bad.xlsx")["Posts"])[0]
    assert chief["Post ID"] == "CE" and chief["Tier"] is None


def test_every_word_the_lists_offer_is_one_the_loader_accepts(in_tmp: Path) -> None:
    """A template filled in with every value of every drop-down list checks without an input finding."""
    assert run("template", "filled.xlsx", "--ruleset", "leicestershire-odp")[0] == 0
    book = load_workbook(in_tmp / "filled.xlsx")
    offered = {
        column.choices: _choices(book, book[sheet.name], _value_cell(sheet, column))
        for sheet in WORKBOOK
        for column in sheet.columns
        if column.choices is not None
    }
    organisation = book["Organisation"]
    organisation["B1"], organisation["B2"] = "Filled District Council", "district"
    organisation["B3"] = "leicestershire-odp"
    for row, kind in enumerate(offered["department-kinds"] or [], start=2):
        book["Departments"].append([f"D{row}", f"Department {row}", kind])
    for level in offered["levels"] or []:
        book["Profiles"].append([level, level.title(), level, None, datetime.date(2024, 1, 1)])
    posts, evaluations = book["Posts"], book["Evaluations"]
    grades, functions = offered["grades"] or [], offered["functions"] or []
    column_of = {column.header: index for index, column in enumerate(POSTS.columns, start=1)}
    contracts = offered["contracts"] or []
    posts.append(["P0", "Chief Executive", None, 1, "D2", None, grades[0], None, None, "\n".join(offered["designations"] or [])])
    for index, grade in enumerate(grades, start=1):
        function = functions[index % len(functions)]
        posts.append([f"P{index}", f"Officer {index}", "P0", 2, "D2", function, grade])
        posts.cell(row=posts.max_row, column=column_of["Contract"], value=contracts[index % len(contracts)])
        posts.cell(row=posts.max_row, column=column_of["Group of posts"], value=offered["yes-no"][index % 2])  # type: ignore[index]
        evaluations.append([f"P{index}", "HAY", datetime.date(2024, 5, 20), grade])
    book.save(in_tmp / "filled.xlsx")
    _, document = check_json("filled.xlsx")
    assert document["summary"]["posts"] == len(grades) + 1
    assert [d for d in document["diagnostics"] if d["code"].startswith("X")] == []


def test_a_value_a_workbook_cannot_hold_is_one_line_and_nothing_is_written(in_tmp: Path) -> None:
    (in_tmp / "bell.yaml").write_text(ODD_VALUES.replace("title: Officer,", 'title: "Officer\\a",'), encoding="utf-8")
    code, _, err = run("template", "bell.xlsx", "--from", "bell.yaml")
    assert code == 2
    assert err == ("orglint: error: Profiles!B2 (Title): the value holds a control character, which a workbook cannot hold\n")
    assert not (in_tmp / "bell.xlsx").exists()


def test_from_a_workbook_gives_the_same_structure(in_tmp: Path) -> None:
    assert run("template", "first.xlsx", "--from", str(BROOKFIELD))[0] == 0
    code, _, err = run("template", "second.xlsx", "--from", "first.xlsx")
    assert code == 0, err
    assert "121 posts, 121 evaluations" in err
    _same_structure(_structure(in_tmp / "second.xlsx"), _structure(BROOKFIELD))


EVERY_POST_FIELD: dict[str, Any] = {
    "id": "P1",
    "title": "Head of Everything",
    "reports_to": "CE",
    "tier": 2,
    "department": "resources",
    "function": "support",
    "grade": "G9",
    "salary": {"min": 45000, "max": 52500.5},
    "designations": ["chief-finance-officer", "monitoring-officer"],
    "qualifications": ["CIPFA", "ACCA"],
    "profile": "officer",
    "responsibilities": ["controls-expenditure", "manages-team"],
    "fte": 0.5,
    "holder": ["Ann Smith", "Bob Jones"],
    "evaluation": {
        "scheme": "HAY",
        "date": datetime.date(2024, 5, 20),
        "grade": "G9",
        "rationale": "Broad remit",
        "points": {"know_how": 200, "problem_solving": 100, "accountability": 150, "total": 450},
    },
    "contract": "fixed-term",
    "contact": {"email": "everything@example.gov.uk", "phone": "01234 567890"},
    "group": True,
}
"""A value for every field of a post, and of every record a post holds, none of them the default."""


def _record_type(annotation: Any) -> type | None:
    """The format class (``Salary``, ``Contact``...) a field's type holds, if any."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and fields_of(candidate):
            return candidate
    return None


def _unexampled(model: type, example: dict[str, Any], prefix: str = "") -> list[str]:
    """The fields of ``model`` (and of the records within it) that ``example`` gives no value."""
    missing = []
    for name, info in fields_of(model).items():
        if name not in example:
            missing.append(prefix + name)
            continue
        record = _record_type(info.annotation)
        if record is not None:
            missing.extend(_unexampled(record, example[name], f"{prefix}{name}."))
    return missing


def test_every_field_of_a_post_round_trips_through_the_workbook(in_tmp: Path) -> None:
    """Every field of the format's Post (iterated from the model, so a field added later without a
    column fails here) goes into its column, and reading the workbook back, by ``check`` and by
    ``import``, gives it back as it was; the organisation's, departments' and profiles' too."""
    assert _unexampled(Post, EVERY_POST_FIELD) == [], "a post field with no example here (and maybe no column)"
    organisation = {"name": "Every Field Council", "type": "district", "ruleset": ["core", "uk-transparency-code"]}
    department = {
        "id": "resources",
        "name": "Resources",
        "kind": "support",
        "business_partners": {area: "CE" for area in fields_of(BusinessPartners)},
    }
    profile = {
        "id": "officer",
        "title": "Officer",
        "level": "officer",
        "responsibilities": ["manages-team"],
        "updated": datetime.date(2024, 1, 2),
    }
    for model, example in ((Organisation, organisation), (Department, department), (Profile, profile)):
        assert _unexampled(model, example) == [], f"a {model.__name__} field with no example here"
    document = {
        "orglint": 1,
        "organisation": organisation,
        "departments": [department],
        "profiles": [profile],
        "posts": [{"id": "CE", "title": "Chief Executive", "reports_to": None, "tier": 1}, EVERY_POST_FIELD],
    }
    with (in_tmp / "every.yaml").open("w", encoding="utf-8") as stream:
        YAML().dump(document, stream)
    original = _structure(in_tmp / "every.yaml")
    assert original.posts[1].contact is not None and original.posts[1].group  # read as written

    code, _, err = run("template", "every.xlsx", "--from", "every.yaml")
    assert code == 0, err
    code, _, err = run("import", "every.xlsx", "-o", "back.yaml")
    assert code == 0, err
    for copy in (_structure(in_tmp / "every.xlsx"), _structure(in_tmp / "back.yaml")):
        assert (copy.organisation, copy.departments, copy.profiles) == (
            original.organisation,
            original.departments,
            original.profiles,
        )
        for returned, post in zip(copy.posts, original.posts, strict=True):
            for name in fields_of(Post):
                assert getattr(returned, name) == getattr(post, name), f"{copy.files[0].display}: {post.id}.{name}"


def test_a_transparency_code_structure_checks_the_same_from_its_workbook(in_tmp: Path) -> None:
    """P101 asks for a post's contract and contact details: given in YAML, they are given in the
    workbook made from it, so the workbook's findings are the YAML's."""
    document = {
        "orglint": 1,
        "organisation": {"name": "Every Field Council", "type": "district", "ruleset": "uk-transparency-code"},
        "departments": [{"id": "resources", "name": "Resources", "kind": "support"}],
        "posts": [
            {"id": "CE", "title": "Chief Executive", "reports_to": None, "tier": 1, "department": "resources",
             "contract": "permanent", "contact": {"email": "ce@example.gov.uk"}, "holder": "A Jones"},
            {"id": "D1", "title": "Director", "reports_to": "CE", "tier": 2, "contract": "interim",
             "contact": {"phone": "01234 567890"}, "holder": "B Khan"},
        ],
    }  # fmt: skip
    with (in_tmp / "tc.yaml").open("w", encoding="utf-8") as stream:
        YAML().dump(document, stream)
    assert run("template", "tc.xlsx", "--from", "tc.yaml")[0] == 0
    said = {}
    for name in ("tc.yaml", "tc.xlsx"):
        _, report = check_json(name)
        said[name] = sorted((d["code"], d["post"], d["message"]) for d in report["diagnostics"])
    assert any(code == "P101" for code, _, _ in said["tc.yaml"])  # D1 gives no department
    assert said["tc.xlsx"] == said["tc.yaml"]


def test_from_a_structure_in_another_folder_names_its_ruleset_file_from_the_workbook_s(in_tmp: Path) -> None:
    """The structure's `./own.yaml` is from its own folder: the workbook, elsewhere, names it by
    the path a check of the workbook reads it from."""
    (in_tmp / ".git").mkdir()
    write(in_tmp, "a/own.yaml", "orglint-ruleset: 1\nname: own\nextends: [core]\n")
    write(
        in_tmp,
        "a/s.yaml",
        "orglint: 1\norganisation: {name: T, type: district, ruleset: [./own.yaml, core]}\n"
        "posts:\n  - {id: CE, title: Chief Executive, tier: 1}\n",
    )
    (in_tmp / "b").mkdir()
    assert run("template", "b/w.xlsx", "--from", "a/s.yaml")[0] == 0
    organisation = load_workbook(in_tmp / "b" / "w.xlsx")["Organisation"]
    assert [cell.value for cell in organisation[3]] == ["Ruleset", "../a/own.yaml\ncore"]
    code, document = check_json("b/w.xlsx")
    assert code == 0 and document["diagnostics"] == []
