"""S005 unknown-reference: a post's department or profile, or a department's business partner, names nothing."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import HEAD

S005 = RuleTester("S005")

STRUCTURE = HEAD.replace(
    "posts:\n",
    "departments:\n  - {id: resources, name: Resources, business_partners: {hr: AD1}}\n"
    "profiles:\n  - {id: ad, title: Assistant Director}\n"
    "posts:\n",
) + (
    "  - {id: CE, title: Chief Executive, tier: 1}\n"
    "  - {id: AD1, title: AD, reports_to: CE, tier: 2, department: resources, profile: ad}\n"
    "  - {id: AD2, title: AD, reports_to: CE, tier: 2, department: resources, profile: ad}\n"
    "  - {id: AD3, title: AD, reports_to: CE, tier: 2}\n"
)


def test_references_to_what_exists_are_clean(tmp_path: Path) -> None:
    assert S005.findings(tmp_path, STRUCTURE, alone=False) == []


def test_a_department_and_a_profile_that_are_not_defined_each_at_their_value(tmp_path: Path) -> None:
    text = STRUCTURE.replace(
        "tier: 2, department: resources, profile: ad}\n  - {id: AD2", "tier: 2, department: finance, profile: dir}\n  - {id: AD2"
    )
    found = S005.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [
        Found("S005", "AD1", where(text, "id: AD1", "finance")),
        Found("S005", "AD1", where(text, "id: AD1", "dir")),
    ]
    assert [d.message for d in found] == ["department 'finance' is not defined", "profile 'dir' is not defined"]
    assert S005.findings(tmp_path, text, alone=False) == [Found.of(d) for d in found]


def test_a_business_partner_that_is_not_a_post_is_about_the_department(tmp_path: Path) -> None:
    text = STRUCTURE.replace("{hr: AD1}", "{hr: AD1, finance: FIN9}")
    finding = S005.only_finding(tmp_path, text)
    assert Found.of(finding) == Found("S005", None, where(text, "finance: FIN9", "FIN9"))
    assert finding.department == "resources"
    assert finding.message == "department 'resources': finance business partner 'FIN9' is not a post"


def test_no_departments_or_profiles_at_all(tmp_path: Path) -> None:
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: 1, department: resources, profile: ceo}\n"
    assert [f.where for f in S005.findings(tmp_path, text)] == [where(text, "id: CE", "resources"), where(text, "id: CE", "ceo")]


def test_ids_are_compared_exactly(tmp_path: Path) -> None:
    text = STRUCTURE.replace(
        "department: resources, profile: ad}\n  - {id: AD2", "department: Resources, profile: ad}\n  - {id: AD2"
    )
    assert [f.where for f in S005.findings(tmp_path, text)] == [where(text, "id: AD1", "Resources")]


def test_a_slip_for_an_id_or_a_record_named_by_its_name_says_what_is_meant(tmp_path: Path) -> None:
    """A spreadsheet names a department as its name reads ("Resources"); a typed id may be a slip."""
    text = (
        STRUCTURE.replace("department: resources, profile: ad}", "department: Resources, profile: add}", 1)
        .replace("department: resources, profile: ad}", "department: resourses, profile: Assistant Director}", 1)
        .replace("business_partners: {hr: AD1}", "business_partners: {hr: AD11}")
    )
    messages = sorted(finding.message for finding in S005.lint(tmp_path, text))
    assert messages == [
        "department 'Resources' is not defined (it is the name of department 'resources': give its id)",
        "department 'resources': hr business partner 'AD11' is not a post (did you mean 'AD1'?)",
        "department 'resourses' is not defined (did you mean 'resources'?)",
        "profile 'Assistant Director' is not defined (it is the name of profile 'ad': give its id)",
        "profile 'add' is not defined (did you mean 'ad'?)",
    ]
