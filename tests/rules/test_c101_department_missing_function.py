"""C101 department-missing-function: a department has no post of one of the required functions."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .split import FILES, SPLIT

C101 = RuleTester("C101")


def test_a_missing_function_is_reported_at_the_department_s_id(tmp_path: Path) -> None:
    text = regrade(SPLIT, "ADP", "function: provider", "function: support")
    found = C101.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("C101", None, where(text, "{id: people", "people"))]
    assert found[0].department == "people" and found[0].message == "department 'people' has no provider post"
    # the management team has no provider lead either: C102's finding on the director, a norm of its own
    assert C101.findings(tmp_path, text, FILES, alone=False) == [
        Found.of(found[0]),
        Found("C102", "DIR", where(text, "id: DIR", "DIR")),
    ]


def test_each_missing_function_is_a_finding(tmp_path: Path) -> None:
    text = regrade(
        regrade(SPLIT, "ADS", "function: strategic-commissioning", "function: provider"),
        "ADO",
        ", function: operational-commissioning",
        "",
    )
    messages = [d.message for d in C101.lint(tmp_path, text, FILES)]
    assert messages == [
        "department 'people' has no operational commissioning post",
        "department 'people' has no strategic commissioning post",
    ]


def test_a_department_without_posts_lacks_them_all(tmp_path: Path) -> None:
    text = SPLIT.replace(
        "departments:\n", "departments:\n  - {id: places, name: Places, business_partners: {hr: HR, finance: FIN}}\n"
    )
    assert [(f.where, f.code) for f in C101.findings(tmp_path, text, FILES)] == [
        (where(text, "{id: places", "places"), "C101")
    ] * 3


def test_a_post_of_another_department_does_not_count(tmp_path: Path) -> None:
    text = SPLIT.replace(
        "departments:\n", "departments:\n  - {id: places, name: Places, business_partners: {hr: HR, finance: FIN}}\n"
    )
    text = regrade(text, "ADP", "department: people", "department: places")
    assert [f.where.split(":")[0] for f in C101.findings(tmp_path, text, FILES)] == ["4", "4", "5"]


def test_a_support_department_is_not_checked_unless_the_ruleset_says_every_kind(tmp_path: Path) -> None:
    text = SPLIT.replace(
        "departments:\n", "departments:\n  - {id: law, kind: support, business_partners: {hr: HR, finance: FIN}}\n"
    )
    assert C101.findings(tmp_path, text, FILES) == []
    files = {"split.yaml": FILES["split.yaml"].replace(", department-kinds: [service]}\n  C102", "}\n  C102")}
    assert len(C101.findings(tmp_path, text, files)) == 3
