"""B101 missing-business-partner: a department has no business partner for one of the ruleset's areas."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .split import FILES, SPLIT

B101 = RuleTester("B101")


def test_the_missing_areas_are_named_in_one_warning_at_the_department_s_id(tmp_path: Path) -> None:
    text = SPLIT.replace("business_partners: {hr: HR, finance: FIN}", "business_partners: {hr: HR}")
    finding = B101.only_finding(tmp_path, text, FILES)
    assert Found.of(finding) == Found("B101", None, where(text, "{id: people", "people"))
    assert finding.department == "people" and finding.message == "department 'people' has no business partner for finance"
    assert finding.severity.label == "warning"


def test_no_partners_at_all_names_every_area(tmp_path: Path) -> None:
    text = SPLIT.replace(", business_partners: {hr: HR, finance: FIN}", "")
    assert [d.message for d in B101.lint(tmp_path, text, FILES)] == [
        "department 'people' has no business partner for hr, finance"
    ]


def test_each_department_is_judged_whatever_its_kind(tmp_path: Path) -> None:
    text = SPLIT.replace(
        "departments:\n", "departments:\n  - {id: law, kind: support}\n  - {id: places, business_partners: {finance: FIN}}\n"
    )
    assert [(f.where, f.code) for f in B101.findings(tmp_path, text, FILES)] == [
        (where(text, "{id: law", "law"), "B101"),
        (where(text, "{id: places", "places"), "B101"),
    ]


def test_areas_outside_the_ruleset_s_are_not_asked_for(tmp_path: Path) -> None:
    text = SPLIT.replace("{hr: HR, finance: FIN}", "{hr: HR, finance: FIN, ict: HR}")
    assert B101.findings(tmp_path, text, FILES) == []
    assert (
        B101.findings(
            tmp_path,
            SPLIT.replace(
                "departments:\n  - {id: people, name: People, business_partners: {hr: HR, finance: FIN}}\n", ""
            ).replace(", department: people", ""),
            FILES,
        )
        == []
    )
