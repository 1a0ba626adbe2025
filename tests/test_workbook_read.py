"""Structure workbooks read (issue 20 §2, §3's import): the Brookfield council written as a
workbook in the layout of ``orglint.load.workbook_layout`` lints as its YAML twin does; dates in
each form; title rows above the header; one bad cell costs only itself; ``import`` keeps every
record; a manager's single-sheet CSV with the old column mapping still works."""

from __future__ import annotations

import copy
import datetime
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from ruamel.yaml import YAML

from orglint.load.source import LoadProblem
from orglint.load.table import read_date
from tests.conftest import REPO, check_json, run, write
from tests.workbooks import read_structure, uk_date, write_workbook

COUNCIL = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"
RULESET = "leicestershire-odp"


def brookfield() -> dict[str, Any]:
    return copy.deepcopy(_BROOKFIELD)


_BROOKFIELD = read_structure(COUNCIL)


def with_mistakes() -> dict[str, Any]:
    """Brookfield with a few mistakes of different kinds, so its findings are worth comparing."""
    data = brookfield()
    posts = {post["id"]: post for post in data["posts"]}
    del data["departments"][0]["business_partners"]["hr"]
    posts["DCFS"]["profile"] = "no-such-profile"
    posts["AD-FIN"]["qualifications"] = []
    posts["DCR"]["designations"] = ["chief-finance-officer", "monitoring-officer"]
    posts["AD-PH-COM"]["evaluation"]["date"] = datetime.date(2022, 1, 1)
    return data


def yaml_twin(data: dict[str, Any], path: Path) -> Path:
    yaml = YAML()
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return path


def found(path: Path) -> set[tuple[str, str | None, str]]:
    _, document = check_json(str(path), "--isolated")
    return {(d["code"], d["post"], d["message"]) for d in document["diagnostics"]}


def diagnostics(path: Path) -> list[dict[str, Any]]:
    _, document = check_json(str(path), "--isolated")
    return list(document["diagnostics"])


def only_finding(path: Path, expected: tuple[str, str | None, str, str, str]) -> str:
    """The message of the workbook's one finding, which is (code, post, sheet, cell, header) ``expected``."""
    (finding,) = diagnostics(path)
    cell = finding["cell"]
    assert (finding["code"], finding["post"], cell["sheet"], cell["ref"], cell["header"]) == expected
    return str(finding["message"])


def test_the_council_workbook_is_big_enough() -> None:
    data = brookfield()
    assert len(data["posts"]) >= 60 and len(data["departments"]) >= 4 and data["profiles"]
    assert {department.get("kind", "service") for department in data["departments"]} == {"service", "support"}
    assert all(post["evaluation"]["points"] for post in data["posts"])


def test_a_workbook_lints_as_its_yaml_twin(tmp_path: Path) -> None:
    data = with_mistakes()
    assert data["organisation"]["ruleset"] == RULESET
    twin = found(yaml_twin(data, tmp_path / "twin.yaml"))
    assert len({code for code, _, _ in twin}) >= 3
    assert found(write_workbook(data, tmp_path / "proposal.xlsx")) == twin


def test_the_clean_council_is_clean_as_a_workbook(tmp_path: Path) -> None:
    code, document = check_json(str(write_workbook(brookfield(), tmp_path / "proposal.xlsx")), "--isolated")
    assert (code, document["diagnostics"], document["summary"]["posts"]) == (0, [], 121)


def _excel_serial(value: datetime.date) -> int:
    return (value - datetime.date(1899, 12, 30)).days


DATE_FORMS: dict[str, Callable[[datetime.date], Any]] = {
    "iso": lambda value: value.isoformat(),
    "uk": uk_date,
    "uk-short-year": lambda value: value.strftime("%d/%m/%y"),
    "excel-date-cell": lambda value: value,
    "excel-datetime-cell": lambda value: datetime.datetime(value.year, value.month, value.day),
    "excel-serial-number": _excel_serial,
}


@pytest.mark.parametrize("form", DATE_FORMS)
def test_each_date_form_reads_as_the_same_date(tmp_path: Path, form: str) -> None:
    data = with_mistakes()
    twin = found(yaml_twin(data, tmp_path / "twin.yaml"))
    assert found(write_workbook(data, tmp_path / "proposal.xlsx", write_date=DATE_FORMS[form])) == twin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-20", datetime.date(2024, 5, 20)),
        ("20/05/2024", datetime.date(2024, 5, 20)),
        ("20/05/24", datetime.date(2024, 5, 20)),
        ("5/6/2024", datetime.date(2024, 6, 5)),
        ("45432", datetime.date(2024, 5, 20)),
        ("2024-05-20T00:00:00", datetime.date(2024, 5, 20)),
    ],
)
def test_date_forms(text: str, expected: datetime.date) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["05/20/2024", "31/02/2024", "2024-13-01", "May 2024", "20.05"])
def test_no_date_is_guessed(text: str) -> None:
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        read_date(text)


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    data = with_mistakes()
    twin = found(yaml_twin(data, tmp_path / "twin.yaml"))
    path = write_workbook(data, tmp_path / "proposal.xlsx", title_rows=3)
    assert found(path) == twin
    lines = {d["line"] for d in diagnostics(path) if d["cell"] and d["cell"]["sheet"] == "Posts"}
    assert lines and min(lines) > 4  # the header is row 4: the findings are on rows below it


def _cell(path: Path, sheet: str, header: str, post: str) -> str:
    """The cell of the column ``header`` on ``post``'s row of ``sheet``."""
    book = load_workbook(path)
    rows = list(book[sheet].iter_rows())
    headers = [cell.value for cell in rows[0]]
    row = next(row for row in rows if row[0].value == post)
    return str(row[headers.index(header)].coordinate)


def _set(path: Path, sheet: str, cell: str, value: Any) -> None:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


@pytest.mark.parametrize("date", ["05/20/2024", "31/02/2024"])
def test_a_bad_date_costs_only_its_own_cell(tmp_path: Path, date: str) -> None:
    data = brookfield()
    path = write_workbook(data, tmp_path / "proposal.xlsx")
    cell = _cell(path, "Evaluations", "Date", "AD-PH-COM")
    _set(path, "Evaluations", cell, date)
    message = only_finding(path, ("X002", "AD-PH-COM", "Evaluations", cell, "Date"))
    assert date in message and cell not in message
    # the rest of the record is still read: import keeps its scheme, grade, rationale and points
    code, _, err = run("import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and "X002" in err and date in err  # written with the cell as given, for the same X002
    imported = {post["id"]: post for post in YAML(typ="safe").load((tmp_path / "out.yaml").read_text())["posts"]}
    evaluation = imported["AD-PH-COM"]["evaluation"]
    original = next(post for post in data["posts"] if post["id"] == "AD-PH-COM")["evaluation"]
    assert evaluation["date"] == date
    assert {key: evaluation[key] for key in ("scheme", "grade", "rationale", "points")} == {
        key: original[key] for key in ("scheme", "grade", "rationale", "points")
    }


def test_a_bad_cell_costs_only_itself(tmp_path: Path) -> None:
    path = write_workbook(brookfield(), tmp_path / "proposal.xlsx")
    cell = _cell(path, "Posts", "Tier", "DCFS")
    _set(path, "Posts", cell, "two")
    assert cell not in only_finding(path, ("X002", "DCFS", "Posts", cell, "Tier"))


def test_sheets_and_columns_are_matched_loosely(tmp_path: Path) -> None:
    data = with_mistakes()
    twin = found(yaml_twin(data, tmp_path / "twin.yaml"))
    path = write_workbook(data, tmp_path / "proposal.xlsx")
    book = load_workbook(path)
    book["Posts"].title = "post list"
    book["Evaluations"].title = "JOB EVALUATIONS"
    book["post list"]["A1"] = "post  number"
    book["post list"]["H1"] = "Salary from (£)"
    book.save(path)
    assert found(path) == twin


def test_import_keeps_everything_the_workbook_holds(tmp_path: Path) -> None:
    data = with_mistakes()
    twin = found(yaml_twin(data, tmp_path / "twin.yaml"))
    path = write_workbook(data, tmp_path / "proposal.xlsx")
    code, _, err = run("import", str(path), "-o", str(tmp_path / "proposal.yaml"))
    assert code == 0, err
    imported = YAML(typ="safe").load((tmp_path / "proposal.yaml").read_text(encoding="utf-8"))
    assert imported["organisation"] == data["organisation"]
    assert imported["departments"] == data["departments"]
    assert imported["profiles"] == data["profiles"]
    assert [post.get("evaluation") for post in imported["posts"]] == [post["evaluation"] for post in data["posts"]]
    assert imported["posts"] == [{key: value for key, value in post.items() if value != []} for post in data["posts"]]
    assert found(tmp_path / "proposal.yaml") == twin == found(path)


def test_job_shares_groups_and_lists_in_a_cell(tmp_path: Path) -> None:
    data = brookfield()
    posts = {post["id"]: post for post in data["posts"]}
    posts["DCFS"]["holder"] = ["Ann Smith", "Bob Jones"]
    posts["AD-FIN"]["qualifications"] = ["CIPFA", "ACCA"]
    posts["TM-CFS-ACP-1"]["group"] = True
    path = write_workbook(data, tmp_path / "proposal.xlsx")
    book = load_workbook(path)
    cell = _cell(path, "Posts", "Qualifications", "AD-FIN")
    book["Posts"][cell] = "CIPFA; ACCA"  # a list separated by ';' as well as by new lines
    book.save(path)
    assert run("import", str(path), "-o", str(tmp_path / "out.yaml"))[0] == 0
    imported = {post["id"]: post for post in YAML(typ="safe").load((tmp_path / "out.yaml").read_text())["posts"]}
    assert imported["DCFS"]["holder"] == ["Ann Smith", "Bob Jones"]
    assert imported["AD-FIN"]["qualifications"] == ["CIPFA", "ACCA"]
    assert imported["TM-CFS-ACP-1"]["group"] is True


def test_an_evaluation_record_twice_or_for_no_post(tmp_path: Path) -> None:
    path = write_workbook(brookfield(), tmp_path / "proposal.xlsx")
    book = load_workbook(path)
    sheet = book["Evaluations"]
    sheet.append(["CE", "HAY", "01/01/2024", "CEX"])
    sheet.append(["NO-SUCH-POST", "HAY", "01/01/2024", "CEX"])
    rows = sheet.max_row
    book.save(path)
    found = {(d["code"], d["post"], d["cell"]["ref"]) for d in diagnostics(path)}
    assert found == {("X002", "CE", f"A{rows - 1}"), ("X002", "NO-SUCH-POST", f"A{rows}")}


MAPPING = """[spreadsheet]
organisation = "Example Shire County Council"
council-type = "county"

[spreadsheet.columns]
id = "Post number"
title = "Job title"
reports_to = "Line manager"
tier = "Tier"
designations = "Statutory roles"
evaluation_scheme = "Scheme"
evaluation_date = "Evaluated on"
evaluation_grade = "Evaluated grade"
"""
MAPPED_HEADER = "Post number,Job title,Line manager,Tier,Statutory roles,Scheme,Evaluated on,Evaluated grade\n"


def mapped_csv(folder: Path, text: str) -> None:
    """posts.csv (``text``), with the configuration that maps its columns."""
    write(folder, "orglint.toml", MAPPING)
    write(folder, "posts.csv", text)


def test_a_single_sheet_csv_with_the_old_mapping_still_works(in_tmp: Path) -> None:
    mapped_csv(
        in_tmp,
        MAPPED_HEADER + 'CE,Chief Executive,,1,"head-of-paid-service, returning-officer",HAY,20/05/2024,CEX\n'
        "DR,Director of Resources,CE,2,chief-finance-officer,HAY,2024-05-21,DIR\n"
        "HOF,Head of Finance,DR,3,,HAY,05/20/2024,HOS\n",
    )
    _, document = check_json("posts.csv", "--ruleset", "core")
    dates = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert [(d["post"], d["cell"]["ref"], d["cell"]["header"]) for d in dates] == [("HOF", "G4", "Evaluated on")]
    assert run("import", "posts.csv", "-o", "posts.yaml")[0] == 1  # written with the cell as given, for the same X002
    imported = YAML(typ="safe").load(Path("posts.yaml").read_text(encoding="utf-8"))
    assert imported["organisation"] == {"name": "Example Shire County Council", "type": "county"}
    assert [post["evaluation"] for post in imported["posts"]] == [
        {"scheme": "HAY", "date": datetime.date(2024, 5, 20), "grade": "CEX"},
        {"scheme": "HAY", "date": datetime.date(2024, 5, 21), "grade": "DIR"},
        {"scheme": "HAY", "date": "05/20/2024", "grade": "HOS"},
    ]
    assert imported["posts"][0]["designations"] == ["head-of-paid-service", "returning-officer"]


def test_a_sheet_with_no_header_row_says_so_at_the_sheet(tmp_path: Path) -> None:
    path = write_workbook(brookfield(), tmp_path / "proposal.xlsx")
    book = load_workbook(path)
    book["Evaluations"].delete_rows(1)  # the header row gone: records with no columns
    book.save(path)
    (finding,) = [d for d in diagnostics(path) if d["code"] == "X002"]  # (the posts are then unevaluated: E rules)
    assert (finding["cell"]["sheet"], finding["cell"]["ref"]) == ("Evaluations", "A1")
    assert finding["message"] == "no header row: no row of the sheet holds 'Post ID', so none of its rows is read"


def test_title_rows_above_a_mapped_spreadsheets_header_are_skipped(in_tmp: Path) -> None:
    mapped_csv(
        in_tmp,
        "Example Shire County Council: proposed structure,,,\n,,,\n" + MAPPED_HEADER + "CE,Chief Executive,,1,,,,\n"
        "DR,Director of Resources,CE,two,,,,\n",
    )
    _, document = check_json("posts.csv", "--ruleset", "core")
    assert document["summary"]["posts"] == 2
    assert [(d["code"], d["cell"]["ref"], d["cell"]["header"]) for d in document["diagnostics"] if d["code"] == "X002"] == [
        ("X002", "D5", "Tier")
    ]


def _with_sheet_xml(path: Path, part: str, edit: Callable[[bytes], bytes]) -> None:
    """The workbook rewritten with one part's XML edited (as a hostile file would be made)."""
    import zipfile

    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    parts[part] = edit(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)


def _posts_part(path: Path) -> str:
    """The zip part of the Posts sheet (the template's fourth sheet)."""
    return "xl/worksheets/sheet4.xml"


@pytest.mark.parametrize("far_cell", ["XFD1048576", "A1048576", "CV99999"])
def test_a_cell_far_outside_the_table_is_one_located_fault_not_a_crash(in_tmp: Path, far_cell: str) -> None:
    """calamine holds a sheet as a grid from A1 to its farthest cell: one cell at XFD1048576 (a
    20 KB file) asked for 549 GB and aborted the process, from a pre-commit hook too."""
    assert run("template", "book.xlsx")[0] == 0
    extra = f'<row r="{far_cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{far_cell}" t="n"><v>1</v></c></row>'.encode()
    _with_sheet_xml(
        in_tmp / "book.xlsx", _posts_part(in_tmp / "book.xlsx"), lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>")
    )
    code, document = check_json("book.xlsx")
    (fault,) = document["diagnostics"]
    assert code == 1 and fault["code"] == "X001" and "a cell far outside the table?" in fault["message"]


def test_cells_written_without_their_reference_are_placed_as_calamine_places_them() -> None:
    """A sheet whose cells lack `r` (the format allows it; no application writes it) is parsed:
    each cell follows the one before, so a row of them reaches as far as there are."""
    from orglint.load.workbook_bounds import _check_grid, _parsed_extent

    row = b'<row r="2000000">' + b"<c><v>1</v></c>" * 3 + b"</row>"
    xml = b'<worksheet xmlns="x"><sheetData><row><c r="A1"><v>1</v></c><c/></row>' + row + b"</sheetData></worksheet>"
    assert _parsed_extent(xml) == (4, 2000000, 3)  # the empty `<c/>` holds no value: not counted
    with pytest.raises(LoadProblem, match="spans 2,000,000 rows by 3 columns for 4 cells"):
        _check_grid("sheet", xml)
    # a namespace prefix or a line break in the tag: parsed too, not passed over
    prefixed = xml.replace(b"<c", b"<x:c").replace(b"</c>", b"</x:c>").replace(b'<row r="2000000">', b'<row\nr="2000000">')
    assert _parsed_extent(prefixed) == (4, 2000000, 3)
    with pytest.raises(LoadProblem, match="not well-formed"):
        _parsed_extent(xml.replace(b"</row>", b"", 1))


def test_a_workbook_that_unpacks_past_the_size_limit_is_refused_before_it_is_read(in_tmp: Path) -> None:
    """Its size on disk says little: zip packs a sheet of blank space a thousandfold."""
    assert run("template", "book.xlsx")[0] == 0
    padding = b" " * (3 * 1024 * 1024)
    _with_sheet_xml(
        in_tmp / "book.xlsx", "xl/worksheets/sheet4.xml", lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + padding)
    )
    assert (in_tmp / "book.xlsx").stat().st_size < 100_000
    write(in_tmp, "orglint.toml", "max-file-size-mb = 1\n")
    _, document = check_json("book.xlsx")
    (fault,) = document["diagnostics"]
    assert fault["code"] == "X001" and "unpacks to more than 1 MB" in fault["message"]


def _far_cell(xml: bytes, reference: str = "XFD1048576") -> bytes:
    number = reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return xml.replace(b"</sheetData>", f'<row r="{number}"><c r="{reference}"><v>1</v></c></row></sheetData>'.encode())


def test_a_sheet_is_measured_whatever_its_part_is_called(in_tmp: Path) -> None:
    """calamine finds a sheet through the workbook's relationships: a part outside
    xl/worksheets/, or named .XML, is a sheet all the same."""
    import zipfile

    assert run("template", "book.xlsx")[0] == 0
    with zipfile.ZipFile(in_tmp / "book.xlsx") as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    parts["xl/other/posts.XML"] = _far_cell(parts.pop("xl/worksheets/sheet4.xml"))
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"worksheets/sheet4.xml", b"other/posts.XML"
    )
    with zipfile.ZipFile(in_tmp / "book.xlsx", "w", zipfile.ZIP_DEFLATED) as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)
    _, document = check_json("book.xlsx")
    (fault,) = document["diagnostics"]
    assert "xl/other/posts.XML spans 1,048,576 rows by 16,384 columns" in fault["message"]


def test_a_part_that_cannot_be_measured_is_refused_not_passed_over(in_tmp: Path) -> None:
    """An encrypted part (or one compressed as Excel never does) that calamine might never open
    was a crash; passing over it would leave the sheets after it unmeasured."""
    import zipfile

    assert run("template", "book.xlsx")[0] == 0
    with zipfile.ZipFile(in_tmp / "book.xlsx", "a") as book:
        book.writestr("docProps/custom.xml", b"<Properties/>")
    data = bytearray((in_tmp / "book.xlsx").read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # the central directory's last entry: the part just added
    data[entry + 8] |= 0x1  # its flags: "encrypted"
    (in_tmp / "book.xlsx").write_bytes(bytes(data))
    _, document = check_json("book.xlsx")
    (fault,) = document["diagnostics"]
    assert fault["code"] == "X001" and "part docProps/custom.xml of the workbook cannot be read" in fault["message"]


@pytest.mark.parametrize(
    ("cells", "refused"),
    [
        ('<row r="9"><c r="xfd1048576"><v>1</v></c></row>', True),  # calamine reads a reference in lower case
        ('<row r="60000"><c r="S60000" s="1"/></row>', False),  # a styled empty cell: calamine keeps no grid for it
        ('<row r="2">' + '<c r="A2" s="1"></c>' * 500_000 + '</row><row r="9"><c r="XFD700"><v>1</v></c></row>', True),
    ],
    ids=["a lower-case reference", "a styled empty cell far down", "empty cells making room for a far one"],
)
def test_only_cells_with_a_value_make_room_for_the_grid(in_tmp: Path, cells: str, refused: bool) -> None:
    assert run("template", "book.xlsx")[0] == 0
    _with_sheet_xml(
        in_tmp / "book.xlsx",
        "xl/worksheets/sheet4.xml",
        lambda xml: xml.replace(b"</sheetData>", cells.encode() + b"</sheetData>"),
    )
    _, document = check_json("book.xlsx")
    assert any("a cell far outside the table?" in d["message"] for d in document["diagnostics"]) == refused


def test_import_writes_the_cells_it_cannot_read_as_given_so_the_yaml_gets_the_same_findings(tmp_path: Path) -> None:
    """A council type, salaries, a tier, an evaluation date that could not be read: import lists
    them and exits 1, and writes each as the cell holds it, rather than leaving it out (a council
    type left out would be `other`, and the X002s gone)."""
    path = write_workbook(brookfield(), tmp_path / "proposal.xlsx")
    book = load_workbook(path)
    book["Organisation"]["B2"] = "District Council"
    for column, post, value in (
        ("Salary from", "AD-FIN", "£65k"),
        ("Salary to", "AD-FIN", "£70k"),
        ("Tier", "DCFS", "two"),
    ):
        book["Posts"][_cell(path, "Posts", column, post)] = value
    book.save(path)
    read_as_table = [(d["code"], d["post"], d["message"]) for d in diagnostics(path)]
    code, _, err = run("import", str(path), "-o", str(tmp_path / "proposal.yaml"))
    assert code == 1 and "Posts!" in err
    imported = YAML(typ="safe").load((tmp_path / "proposal.yaml").read_text(encoding="utf-8"))
    posts = {post["id"]: post for post in imported["posts"]}
    assert imported["organisation"]["type"] == "District Council"
    assert (posts["AD-FIN"]["salary"], posts["DCFS"]["tier"]) == ({"min": "£65k", "max": "£70k"}, "two")
    # the same findings, each message saying where in its own way (a cell, or the post and key)
    as_yaml = [(d["code"], d["post"], d["message"]) for d in diagnostics(tmp_path / "proposal.yaml")]
    assert Counter((code, post) for code, post, _ in as_yaml) == Counter((code, post) for code, post, _ in read_as_table)
    assert sum(code == "X002" for code, _, _ in as_yaml) == 4
    for _, _, message in read_as_table:
        assert any(said.endswith(message.split(": ", 1)[-1]) for _, _, said in as_yaml), message


def test_import_keeps_a_record_s_fields_in_order_around_a_cell_it_cannot_read(tmp_path: Path) -> None:
    path = write_workbook(brookfield(), tmp_path / "proposal.xlsx")
    _set(path, "Evaluations", _cell(path, "Evaluations", "Know-how points", "DCFS"), "lots")
    assert run("import", str(path), "-o", str(tmp_path / "out.yaml"))[0] == 1
    imported = {post["id"]: post for post in YAML(typ="safe").load((tmp_path / "out.yaml").read_text())["posts"]}
    points = imported["DCFS"]["evaluation"]["points"]
    assert list(points) == ["know_how", "problem_solving", "accountability", "total"] and points["know_how"] == "lots"
