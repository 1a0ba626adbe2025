"""Every row is read, every failure is one located line, and an empty run says so (issue 16, §5)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from .conftest import STRUCTURE_HEAD, check_json, run, write
from .test_organogram import DATA, SENIOR_HEADER, SENIOR_ROWS


def _understate_dimension(path: Path, reference: str) -> None:
    """Rewrite each sheet's ``<dimension ref=...>`` as some programs leave it: stale, too small."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
    for name, data in members.items():
        if name.startswith("xl/worksheets/sheet"):
            members[name], count = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{reference}"'.encode(), data)
            assert count == 1
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


def test_a_workbook_is_read_to_its_last_row_whatever_its_dimension_says(in_tmp: Path) -> None:
    workbook = Workbook()
    senior = workbook.active
    senior.title = "(final data) senior-staff"
    late = "DIR-B,N/D,SCS2,Director,Runs it,Example Agency,Operations,0300 123 4567,ops@example.gov.uk,NOBODY,1,100000,104999"
    for line in (SENIOR_HEADER + SENIOR_ROWS + late).splitlines():
        senior.append([int(cell) if cell.isdigit() else cell for cell in line.split(",")])
    workbook.save(in_tmp / "organogram.xlsx")
    _understate_dimension(in_tmp / "organogram.xlsx", "A1:M3")  # says 3 rows; DIR-B is on row 4
    exit_code, document = check_json("organogram.xlsx")
    cells = {(d["code"], d["cell"]["ref"]) for d in document["diagnostics"] if "cell" in d}
    assert exit_code == 1 and ("T103", "J4") in cells
    assert document["summary"]["posts"] == 3


def test_a_configuration_nested_too_deeply_is_a_located_configuration_error(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", "ignore = " + "[" * 500 + "]" * 500 + "\n")
    write(in_tmp, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    exit_code, out, err = run("check", "structure.yaml")
    assert (exit_code, out) == (2, "")
    assert err == "orglint: error: orglint.toml:1:509: invalid TOML: arrays or tables nested too deeply\n"


def test_no_structure_files_is_said_on_stderr_and_exits_0(in_tmp: Path) -> None:
    write(in_tmp, "docs/readme.txt", "nothing to lint\n")
    exit_code, out, err = run("check", "docs")
    assert (exit_code, out, err) == (0, "", "orglint: no structure files found in docs\n")
    exit_code, out, err = run("check", "docs", "--output-format", "json")
    assert exit_code == 0 and '"files": 0' in out and err == "orglint: no structure files found in docs\n"
    exit_code, out, err = run("check")
    assert (exit_code, out, err) == (0, "", "orglint: no structure files found in .\n")


def test_a_senior_table_with_a_header_and_no_rows_has_no_top_post() -> None:
    exit_code, document = check_json(str(DATA / "department_for_culture_media_and_sport-2011-03-31-senior.csv"))
    assert exit_code == 1
    assert [(d["code"], d["cell"]["ref"]) for d in document["diagnostics"]] == [("T104", "K1")]
