"""C102 missing-commissioning-or-provider-lead: a director's management team has no lead for one
side of the split, and the split is not made at Head of Service level either."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .graded import regrade
from .split import FILES, SPLIT

C102 = RuleTester("C102")

NO_PROVIDER_LEAD = regrade(SPLIT, "ADP", "function: provider", "function: operational-commissioning")


def test_a_missing_lead_is_reported_at_the_director_s_id(tmp_path: Path) -> None:
    found = C102.lint(tmp_path, NO_PROVIDER_LEAD, FILES)
    assert [Found.of(d) for d in found] == [Found("C102", "DIR", where(NO_PROVIDER_LEAD, "id: DIR", "DIR"))]
    assert found[0].message == (
        "department 'people': the management team under 'DIR' has no Assistant Director lead for providing, "
        "and the split is not made at Head of Service level either"
    )


def test_no_lead_for_either_side_names_both(tmp_path: Path) -> None:
    text = regrade(
        regrade(
            regrade(SPLIT, "ADS", ", function: strategic-commissioning", ""), "ADO", ", function: operational-commissioning", ""
        ),
        "ADP",
        ", function: provider",
        "",
    )
    (finding,) = C102.lint(tmp_path, text, FILES)
    assert "has no Assistant Director lead for commissioning or providing," in finding.message


def test_the_split_may_be_made_at_head_of_service_level(tmp_path: Path) -> None:
    text = NO_PROVIDER_LEAD + (
        "  - {id: HP, title: Head of Provider Services, reports_to: ADO, tier: 3, department: people, function: provider}\n"
        "  - {id: HC, title: Head of Commissioning, reports_to: ADO, tier: 3, department: people, function: operational-commissioning}\n"
    )
    assert C102.findings(tmp_path, text, FILES) == []
    text = regrade(text, "HC", "function: operational-commissioning", "function: provider")  # both heads provide
    assert [f.post for f in C102.findings(tmp_path, text, FILES)] == ["DIR"]


def test_a_lead_below_the_management_team_does_not_count(tmp_path: Path) -> None:
    text = (
        NO_PROVIDER_LEAD + "  - {id: ADX, title: AD Provider, reports_to: ADO, tier: 2, department: people, function: provider}\n"
    )
    assert [f.post for f in C102.findings(tmp_path, text, FILES)] == ["DIR"]


def test_a_support_department_or_one_without_a_director_is_not_checked(tmp_path: Path) -> None:
    support = NO_PROVIDER_LEAD.replace("{id: people, name: People,", "{id: people, name: People, kind: support,")
    assert C102.findings(tmp_path, support, FILES) == []
    directorless = regrade(NO_PROVIDER_LEAD, "DIR", "tier: 1, department: people", "")
    assert C102.findings(tmp_path, directorless, FILES) == []
