"""X001 invalid-yaml: the file is not one valid YAML document.

The YAML reader's own cases (syntax faults, aliases, tags, encodings, binary files) are tested in
``tests/test_yaml_source.py`` and ``tests/test_structure_files.py``; these are the rule's findings."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from ..conftest import check_json
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
