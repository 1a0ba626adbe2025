"""X001 invalid-yaml: the file is not one valid YAML document.

The YAML reader's own cases (syntax faults, aliases, tags, encodings, binary files) are tested in
``tests/test_yaml_source.py`` and ``tests/test_structure_files.py``; these are the rule's findings."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from ..conftest import check_json, run
from .core import CLEAN

X001 = RuleTester("X001")


@pytest.mark.parametrize(
    ("tail", "where"),
    [
        ("  - {id: X, title: Officer, title: Again, reports_to: CE, tier: 2}\n", "8:29"),  # a key given twice: at the second
        ("\t- {id: X, title: Officer}\n", "8:1"),  # a tab for indentation
        ("---\norglint: 1\n", "8:1"),  # a second document
        ("  - {id: X, title: !!python/object:os.system Officer, reports_to: CE, tier: 2}\n", "8:20"),
    ],
)
def test_a_fault_is_one_finding_at_its_line_and_column_and_nothing_else_fires(tmp_path: Path, tail: str, where: str) -> None:
    found = X001.findings(tmp_path, CLEAN + tail, alone=False)
    assert found == [Found("X001", None, where)]


def test_bytes_that_are_not_utf8_are_one_finding_at_the_first_of_them(tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_bytes(CLEAN.encode() + b"  - {id: X, title: Caf\xe9, reports_to: CE, tier: 2}\n")
    _, document = check_json(str(path), "--isolated")
    assert [(d["code"], d["line"], d["column"]) for d in document["diagnostics"]] == [("X001", 8, 23)]


def test_a_yaml_fault_cites_yaml(tmp_path: Path) -> None:
    (finding,) = X001.lint(tmp_path, CLEAN + "\t- {id: X, title: Officer}\n")
    assert finding.basis.startswith("YAML 1.2")
    assert finding.fix == "Correct the YAML at the line and column shown."


def test_an_unreadable_workbook_cites_the_workbook_format_and_shows_no_lines(tmp_path: Path) -> None:
    """A workbook is not YAML, nor lines of text: its X001 says what it should have been, and the
    full format shows no frame of its bytes."""
    path = tmp_path / "structure.xlsx"
    path.write_bytes(b"PK\x03\x04 not a zip at all\n")
    _, document = check_json(str(path), "--isolated")
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X001" and finding["message"].startswith("not a readable XLSX workbook")
    assert finding["basis"] == "Office Open XML workbook (ECMA-376), as Excel saves it"
    assert finding["fix"].startswith("Save the file again as an Excel workbook (.xlsx)")
    _, out, _ = run("check", "--isolated", "--output-format", "full", str(path))
    assert "not a zip" not in out and "│" not in out


def test_an_unreadable_csv_cites_csv(tmp_path: Path) -> None:
    path = tmp_path / "organogram-senior.csv"
    path.write_bytes(b'Post Unique Reference,Name\nCEO,"Jane Smith\n')  # a quote never closed
    _, document = check_json(str(path), "--isolated")
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X001"
    assert finding["basis"] == "CSV (RFC 4180), a header row first"
    assert finding["fix"].startswith("Save the file again as CSV (UTF-8)")
