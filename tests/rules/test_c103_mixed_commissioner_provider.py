"""C103 mixed-commissioner-provider: a Head of Service's line, or a commissioning or providing
Assistant Director's, holds both commissioning and provider posts."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .split import FILES, SPLIT

C103 = RuleTester("C103")


def test_lines_on_one_side_each_are_clean(tmp_path: Path) -> None:
    text = SPLIT + (
        "  - {id: H1, title: Head of Commissioning, reports_to: ADS, tier: 3, department: people, function: strategic-commissioning}\n"
        "  - {id: H2, title: Head of Care, reports_to: ADP, tier: 3, department: people, function: provider}\n"
    )
    assert C103.findings(tmp_path, text, FILES) == []
    assert C103.findings(tmp_path, SPLIT, FILES, alone=False) == []


def test_a_commissioning_lead_with_a_provider_below_is_reported_at_its_id(tmp_path: Path) -> None:
    text = SPLIT + "  - {id: H1, title: Head of Care, reports_to: ADS, tier: 3, department: people, function: provider}\n"
    found = C103.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("C103", "ADS", where(text, "id: ADS", "ADS"))]
    assert (
        found[0].message == "the line under 'ADS' (Assistant Director) holds both commissioning ('ADS') and provider ('H1') posts"
    )


def test_a_head_of_service_is_judged_by_its_line_whatever_its_own_function(tmp_path: Path) -> None:
    text = SPLIT + (
        "  - {id: H1, title: Head of Service, reports_to: ADS, tier: 3, department: people}\n"
        "  - {id: T1, title: Commissioner, reports_to: H1, tier: 4, department: people, function: operational-commissioning}\n"
        "  - {id: T2, title: Care Manager, reports_to: H1, tier: 4, department: people, function: provider}\n"
    )
    assert [f.post for f in C103.findings(tmp_path, text, FILES)] == ["ADS", "H1"]


def test_an_assistant_director_without_a_function_of_its_own_is_not_judged(tmp_path: Path) -> None:
    text = SPLIT + (
        "  - {id: AD4, title: AD Mixed, reports_to: DIR, tier: 2, department: people, function: support}\n"
        "  - {id: T1, title: Commissioner, reports_to: AD4, department: people, function: operational-commissioning}\n"
        "  - {id: T2, title: Care Manager, reports_to: AD4, department: people, function: provider}\n"
    )
    assert C103.findings(tmp_path, text, FILES) == []
