"""L115 designation-alias: a designation is written by another of its names, not by its id."""

from pathlib import Path

from orglint.engine import LintOptions, lint
from orglint.rules.registry import registered_rules
from orglint.ruleset import builtin_rulesets, load_ruleset
from orglint.testing import Found, RuleTester
from tests.workbooks import read_structure, write_workbook

from . import where
from .councils import DISTRICT, designate

L115 = RuleTester("L115")

ALIASED = designate(designate(DISTRICT, "AD1", "[s151]"), "AD2", "[Monitoring Officer]")


def test_designations_by_their_ids_are_clean(tmp_path: Path) -> None:
    assert L115.findings(tmp_path, DISTRICT, alone=False) == []


def test_an_alias_and_a_name_are_reported_at_the_entry(tmp_path: Path) -> None:
    found = L115.lint(tmp_path, ALIASED)
    assert [Found.of(d) for d in found] == [
        Found("L115", "AD1", where(ALIASED, "id: AD1", "s151")),
        Found("L115", "AD2", where(ALIASED, "id: AD2", "Monitoring Officer")),
    ]
    assert found[0].message == "designation 's151' is written by another name: its id is 'chief-finance-officer'"
    assert found[0].severity.label == "info"


def test_case_and_spacing_variants_are_reported_and_unknown_names_are_left_to_x002(tmp_path: Path) -> None:
    text = designate(DISTRICT, "AD3", "[Deputy-Chief-Finance-Officer, deputy MO, nobody-in-particular]")
    found = L115.lint(tmp_path, text)
    assert [(d.code, d.replacement) for d in found] == [
        ("X002", None),
        ("L115", "deputy-chief-finance-officer"),
        ("L115", "deputy-monitoring-officer"),
    ]
    assert [(d.post, d.replacement) for d in found if d.code == "L115"] == [
        ("AD3", "deputy-chief-finance-officer"),
        ("AD3", "deputy-monitoring-officer"),
    ]


def test_the_fix_writes_each_designation_by_its_id(tmp_path: Path) -> None:
    assert L115.fixed(tmp_path / "plain", ALIASED) == DISTRICT
    quoted = designate(DISTRICT, "AD1", "['S151 Officer']")
    assert L115.fixed(tmp_path / "quoted", quoted) == designate(DISTRICT, "AD1", "['chief-finance-officer']")


def test_no_built_in_ruleset_enables_it(tmp_path: Path) -> None:
    """Aliases are valid input (docs/structure-format.md): the rule is chosen, not imposed."""
    for name in builtin_rulesets():
        assert "L115" not in load_ruleset([name], tmp_path).enabled(), name
    assert registered_rules()["L115"].fixable


def test_a_workbook_s_designations_by_name_are_not_reported(tmp_path: Path) -> None:
    structure = tmp_path / "s.yaml"
    structure.write_text(ALIASED, encoding="utf-8")
    workbook = write_workbook(read_structure(structure), tmp_path / "proposal.xlsx")
    found = lint([workbook], LintOptions(isolated=True, select=["L115"])).diagnostics
    assert [d.code for d in found] == []
    assert [d.code for d in lint([structure], LintOptions(isolated=True, select=["L115"])).diagnostics] == ["L115", "L115"]
