"""UK organograms (data.gov.uk senior and junior staff tables): the real files in
tests/data/organograms load, and what each must produce is worked out here from the
publication rules with the csv module, then compared with orglint's findings."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from orglint.model.amounts import number
from tests.conftest import REPO, check_json, run, write

DATA = REPO / "tests" / "data" / "organograms"
NAMES = ["department_for_communities_and_local_government-2011-09-30", "department_of_health-2011-09-30",
         "homes_and_communities_agency-2011-03-31", "planning_inspectorate-2011-09-30"]  # fmt: skip
DCLG, DH, HCA, PINS = NAMES


def rows(name: str, table: str) -> list[dict[str, str]]:
    with (DATA / f"{name}-{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def lint(name: str, *options: str) -> tuple[int, dict[str, Any]]:
    return check_json(str(DATA / f"{name}-senior.csv"), *options)


def cells(document: dict[str, Any], code: str, severity: str | None = None) -> list[str]:
    found = [d for d in document["diagnostics"] if d["code"] == code and severity in (None, d["severity"])]
    return sorted((d["cell"]["ref"] for d in found), key=lambda ref: (len(ref), ref))


def by_cell(refs: list[str]) -> list[str]:
    return sorted(refs, key=lambda ref: (len(ref), ref))


@pytest.mark.parametrize("name", NAMES)
def test_each_organogram_loads_every_row(name: str) -> None:
    senior, junior = rows(name, "senior"), rows(name, "junior")
    posts = {row["Post Unique Reference"] for row in senior if row["Name"] != "Eliminated"} - {"0"}  # eliminated: no post
    _, document = lint(name)
    assert document["summary"]["files"] == 2
    assert document["summary"]["posts"] == len(posts) + len(junior)  # a junior row is a group of posts
    assert not [d for d in document["diagnostics"] if d["code"].startswith("X")]


@pytest.mark.parametrize("name", NAMES)
def test_reporting_lines_tops_and_references(name: str) -> None:
    senior = rows(name, "senior")
    references = {row["Post Unique Reference"] for row in senior}
    dangling = [i for i, row in enumerate(senior, 2) if row["Reports to Senior Post"] not in references | {"XX"}]
    tops = [row["Post Unique Reference"] for row in senior if row["Reports to Senior Post"] == "XX"]
    junior_dangling = [i for i, row in enumerate(rows(name, "junior"), 2) if row["Reporting Senior Post"] not in references]
    _, document = lint(name)
    assert cells(document, "T103") == by_cell([f"K{i}" for i in dangling]) == []  # the published files have no dangling lines
    assert cells(document, "T113") == by_cell([f"D{i}" for i in junior_dangling]) == []
    assert tops and cells(document, "T104") == []
    if name == DCLG:
        assert tops == ["CLG174", "CLG220", "CLG131"]  # several top posts are allowed (S004 is off)
        assert not [d for d in document["diagnostics"] if d["code"] == "S004"]


@pytest.mark.parametrize("name", NAMES)
def test_undisclosed_names_only_where_pay_is_withheld(name: str) -> None:
    senior = rows(name, "senior")
    errors, warnings = [], []
    for i, row in enumerate(senior, 2):
        pay = [number(row[column]) for column in ("Actual Pay Floor (£)", "Actual Pay Ceiling (£)")]
        if row["Name"] != "N/D" or row["Post Unique Reference"] == "0":
            continue
        if any(amount is not None and amount > 0 for amount in pay):
            errors.append(f"B{i}")  # the publication validator: not N/D where the pay is above 0
        elif any(amount is not None for amount in pay):
            warnings.append(f"B{i}")  # the schema: 'Cannot be N/D if the pay is a number', 0 included
    _, document = lint(name)
    assert cells(document, "T107", "error") == by_cell(errors)
    assert cells(document, "T107", "warning") == by_cell(warnings)
    if name in (DCLG, DH):
        assert sum(row["Name"] == "N/D" for row in senior) > len(errors)  # most N/D names withhold pay too
    if name == DH:
        assert warnings and not errors


@pytest.mark.parametrize("name", NAMES)
def test_pay_bands(name: str) -> None:
    errors, warnings = [], []
    for i, row in enumerate(rows(name, "senior"), 2):
        floor, ceiling = row["Actual Pay Floor (£)"], row["Actual Pay Ceiling (£)"]
        for letter, value in (("N", floor), ("O", ceiling)):
            if value == "":
                warnings.append(f"{letter}{i}")  # read as N/A by the validator; the schema asks for a number
            elif number(value) is None and value not in ("N/D", "N/A"):
                errors.append(f"{letter}{i}")
        if number(floor) is not None and number(floor) % 5000:
            warnings.append(f"N{i}")  # the £5,000 bands are the schema's, not the validator's
        if number(ceiling) not in (None, 0) and (number(ceiling) + 1) % 5000:
            warnings.append(f"O{i}")
    _, document = lint(name)
    assert cells(document, "T111", "error") == by_cell(errors)
    assert cells(document, "T111", "warning") == by_cell(warnings)


@pytest.mark.parametrize("name", NAMES)
def test_contacts(name: str) -> None:
    expected = []
    for i, row in enumerate(rows(name, "senior"), 2):
        phone, email = row["Contact Phone"], row["Contact E-mail"]
        if row["Post Unique Reference"] == "0" or row["Name"] in ("Vacant", "Eliminated"):
            expected += [f"I{i}"] if phone != "N/A" else []  # no one to contact: N/A, exactly
            continue
        if phone in ("", "N/A") or phone == email == "N/D":
            expected.append(f"I{i}")  # each contact is required; both withheld is one finding
        if email in ("", "N/A") or (email != "N/D" and not ("@" in email and "." in email)):
            expected.append(f"J{i}")
    _, document = lint(name)
    assert cells(document, "T110", "error") == by_cell(expected)
    if name == DCLG:
        assert len(expected) == 3  # reference-0 rows whose phone is "'N/A'", quotes and all


@pytest.mark.parametrize("name", NAMES)
def test_one_over_one_managers_are_senior_posts_with_one_senior_post_and_no_junior_staff(name: str) -> None:
    """A senior post over one senior post is a one-over-one; one with junior staff rows under it
    as well leads a team (they report to it directly or through one another), and is not."""
    senior = [row for row in rows(name, "senior") if row["Post Unique Reference"] != "0"]
    reports: dict[str, int] = {}
    for row in senior:
        reports[row["Reports to Senior Post"]] = reports.get(row["Reports to Senior Post"], 0) + 1
    with_junior_staff = {row["Reporting Senior Post"] for row in rows(name, "junior")}
    first_row = {}
    for i, row in enumerate(rows(name, "senior"), 2):
        first_row.setdefault(row["Post Unique Reference"], i)
    expected = [
        f"A{first_row[reference]}"
        for reference, count in reports.items()
        if count == 1 and reference in first_row and reference not in with_junior_staff
    ]
    _, document = lint(name)
    assert cells(document, "D103") == by_cell(expected)
    if name == DH:
        assert len(expected) == 7  # "many one-over-one managers": 23 over one senior post, 16 of them with junior staff


def test_a_finding_names_its_file_row_column_cell_and_header() -> None:
    _, document = lint(DH)
    finding = next(d for d in document["diagnostics"] if d["code"] == "T107")
    row = finding["line"]
    assert rows(DH, "senior")[row - 2]["Name"] == "N/D"
    assert finding["file"].endswith(f"{DH}-senior.csv")
    assert (finding["column"], finding["cell"]) == (2, {"sheet": None, "ref": f"B{row}", "header": "Name"})
    assert f"B{row}" not in finding["message"] and "Name" not in finding["message"]  # the cell is the location
    assert finding["post"] == rows(DH, "senior")[row - 2]["Post Unique Reference"]


def test_the_junior_table_can_be_named_alone_or_given(tmp_path: Path) -> None:
    _, paired = lint(HCA)
    _, named_alone = check_json(str(DATA / f"{HCA}-junior.csv"))
    assert named_alone["summary"] == paired["summary"]
    senior = tmp_path / "senior.csv"
    senior.write_bytes((DATA / f"{HCA}-senior.csv").read_bytes())
    _, without = check_json(str(senior))
    _, given = check_json(str(senior), "--junior", str(DATA / f"{HCA}-junior.csv"))
    assert without["summary"]["posts"] == 10 and given["summary"]["posts"] == paired["summary"]["posts"]
    exit_code, _, err = run("check", str(senior), "--junior", str(tmp_path / "nope.csv"))
    assert exit_code == 2 and "nope.csv: no such file" in err


SENIOR_HEADER = (
    "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,"
    "Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
)
SENIOR_ROWS = (
    "CEO,Jane Smith,SCS3,Chief Executive,Leads,Example Agency,Executive,0300 123 4567,ceo@example.gov.uk,XX,1,150000,154999\n"
    "DIR-A,N/D,SCS2,Director,Runs it,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,CEO,1,100000,104999\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_utf8_bom_and_windows_1252_files_load_alike(encoding: str, in_tmp: Path) -> None:
    (in_tmp / "x-senior.csv").write_bytes((SENIOR_HEADER + SENIOR_ROWS).encode(encoding))
    original = (in_tmp / "x-senior.csv").read_bytes()
    exit_code, document = check_json("x-senior.csv")
    assert exit_code == 1
    assert [(d["code"], d["cell"]["ref"]) for d in document["diagnostics"] if d["code"].startswith("T")] == [("T107", "B3")]
    assert (in_tmp / "x-senior.csv").read_bytes() == original


def test_undecodable_bytes_and_missing_columns_are_located(in_tmp: Path) -> None:
    (in_tmp / "bad-senior.csv").write_bytes(SENIOR_HEADER.encode() + b"CEO,\x81\x8d,SCS3\n")
    _, document = check_json("bad-senior.csv")
    (finding,) = document["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("X001", 2, 5)
    assert "not UTF-8 or Windows-1252 text" in finding["message"]
    write(in_tmp, "cols-senior.csv", SENIOR_HEADER.replace("Reports to Senior Post,", "Manager,") + SENIOR_ROWS)
    exit_code, document = check_json("cols-senior.csv")
    (finding,) = document["diagnostics"]
    assert exit_code == 1 and (finding["code"], finding["line"], finding["column"]) == ("X002", 1, 1)
    assert "no 'Reports to Senior Post' column" in finding["message"]


def test_an_xlsx_organogram_gives_the_csv_findings_with_sheet_cells(in_tmp: Path) -> None:
    workbook = Workbook()
    senior = workbook.active
    senior.title = "(final data) senior-staff"
    for line in (SENIOR_HEADER + SENIOR_ROWS).splitlines():
        senior.append([int(cell) if cell.isdigit() else cell for cell in line.split(",")])
    junior = workbook.create_sheet("(final data) junior-staff")
    junior.append(["Organisation", "Unit", "Reporting Senior Post", "Grade", "Payscale Minimum (£)", "Payscale Maximum (£)",
                   "Generic Job Title", "Number of Posts in FTE"])  # fmt: skip
    junior.append(["Example Agency", "Operations", "DIR-X", "HEO", 30000, 36000, "Manager", 4])
    workbook.save(in_tmp / "organogram.xlsx")
    exit_code, document = check_json("organogram.xlsx")
    found = [(d["code"], d["cell"]) for d in document["diagnostics"] if "cell" in d]
    assert exit_code == 1
    assert ("T107", {"sheet": "(final data) senior-staff", "ref": "B3", "header": "Name"}) in found
    assert ("T113", {"sheet": "(final data) junior-staff", "ref": "C2", "header": "Reporting Senior Post"}) in found
    (in_tmp / "junk.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    _, document = check_json("junk.xlsx")
    assert [(d["code"], d["line"], d["column"]) for d in document["diagnostics"]] == [("X001", 1, 1)]


def test_the_report_counts_senior_posts_and_junior_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    from orglint.engine import LintOptions
    from orglint.engine import lint as run_lint
    from orglint.report.audit import build_report

    senior, junior = rows(HCA, "senior"), rows(HCA, "junior")
    monkeypatch.chdir(REPO)
    (audit,) = build_report(run_lint([DATA / f"{HCA}-senior.csv"], LintOptions())).audits
    shape, pay = audit.shape, audit.pay
    assert (shape.posts, shape.groups) == (len(senior), len(junior))
    assert shape.group_fte == pytest.approx(sum(float(row["Number of Posts in FTE"]) for row in junior))
    expected_min = sum(float(r["Actual Pay Floor (£)"]) * float(r["FTE"]) for r in senior) + sum(
        float(r["Payscale Minimum (£)"]) * float(r["Number of Posts in FTE"]) for r in junior
    )
    assert pay.total.minimum == pytest.approx(expected_min)
    assert audit.header.organisation == "Homes and Communities Agency"
    assert audit.header.rulesets == ["core", "uk-organogram"]


@pytest.mark.parametrize("name", ["x-junior.csv", "teams.csv"])
def test_a_junior_table_without_its_senior_table_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Not "the senior staff table has no 'Post Unique Reference' column" at a junior header."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes((DATA / "planning_inspectorate-2011-09-30-junior.csv").read_bytes())
    for args in ((name,), ("--only-structures", name)):
        _, document = check_json(*args)
        ((code, message),) = [(d["code"], d["message"]) for d in document["diagnostics"]]
        assert code == "X002" and message.startswith("a junior staff table, with no senior staff table beside it")
        assert ("'x-senior.csv'" in message) == (name == "x-junior.csv")


def test_the_concise_format_names_a_finding_s_cell() -> None:
    """As the full format does: a workbook's line and column say nothing of which sheet."""
    _, out, _ = run("check", str(DATA / "home_office-2012-09-30-senior.csv"), "--output-format", "concise")
    assert "-senior.csv:7:2: B7 (Name): T102 [duplicate-post-reference] the name" in out


SENIOR_HEADER = (
    "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,"
    "Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
)


def test_a_row_eliminated_only_in_stray_quotes_is_the_post_its_reports_name(in_tmp: Path) -> None:
    """Home Office 2012: 2CPG01's row is named `'Eliminated'`, which the publication validator reads
    as a live post, and four posts report to it. Read as eliminated, they were set outside the
    structure with no finding; with no live row of its own, the row is their post. A quoted row
    with a live twin, and a row written Eliminated exactly, are no posts."""

    def row(reference: str, name: str, reports_to: str) -> str:
        return f"{reference},{name},SCS1,Director,Runs it,Agency,Ops,N/D,N/D,{reports_to},1,0,0\n"

    senior = SENIOR_HEADER + "".join(
        [
            "CEO,Jane Smith,SCS3,Chief Executive,Leads,Agency,Exec,N/D,N/D,XX,1,150000,154999\n",
            row("DIR", "'Eliminated'", "CEO"),
            row("H1", "Ann Lee", "DIR"),
            row("TWIN", "'Eliminated'", "CEO"),
            row("TWIN", "Bo Chan", "CEO"),
            row("GONE", "Eliminated", "CEO"),
            row("H2", "Cy Dee", "TWIN"),
        ]
    )
    write(in_tmp, "agency-senior.csv", senior)
    _, out, _ = run("tree", "agency-senior.csv")
    assert "Outside the reporting lines" not in out
    drawn = [line.split("── ", 1)[1].split(" ")[0] for line in out.splitlines()[1:] if "── " in line]
    assert drawn == ["CEO", "DIR", "H1", "TWIN", "H2"]
