"""L114 democratic-services-conflict: a Welsh council's head of democratic services is also its chief
executive (head of paid service) or CFO (Local Government (Wales) Measure 2011 s8(4), as in force
from 5 May 2022: (b), which barred the monitoring officer, is omitted)."""

from pathlib import Path

import pytest

from orglint.testing import Expected, RuleTester

from .councils import DISTRICT, WELSH, designate

L114 = RuleTester("L114")


@pytest.mark.parametrize("council_type", ["welsh-county", "welsh-county-borough"])
def test_a_head_of_democratic_services_of_their_own_is_clean(tmp_path: Path, council_type: str) -> None:
    text = WELSH.replace("type: welsh-county-borough", f"type: {council_type}")
    assert L114.findings(tmp_path, text, alone=False) == []


@pytest.mark.parametrize(
    ("post", "designations", "also", "paragraph"),
    [
        ("CE", "[head-of-paid-service, head-of-democratic-services]", "Head of Paid Service", "s8(4)(a)"),
        (
            "DR",
            "[head-of-democratic-services, chief-finance-officer, deputy-monitoring-officer]",
            "Chief Finance Officer",
            "s8(4)(c)",
        ),
    ],
)
def test_each_barred_office_is_reported_at_the_democratic_services_designation_citing_its_paragraph(
    tmp_path: Path, post: str, designations: str, also: str, paragraph: str
) -> None:
    text = designate(designate(WELSH, "HDS", "[]"), post, designations)
    (finding,) = L114.expect(tmp_path, text, Expected(post, (f"id: {post},", "head-of-democratic-services")))
    assert f"is also {also}" in finding.message and finding.message.endswith("which may not be held with it")
    assert finding.basis.startswith(f"Local Government (Wales) Measure 2011 {paragraph}")
    assert finding.designations[0] == "head-of-democratic-services" and len(finding.designations) == 2


def test_one_post_clashing_with_two_offices_is_one_finding_naming_both_citing_both_paragraphs(tmp_path: Path) -> None:
    text = designate(
        designate(designate(WELSH, "HDS", "[]"), "DR", "[deputy-monitoring-officer]"),
        "CE",
        "[head-of-paid-service, chief-finance-officer, HoDS]",
    )
    text = text.replace(
        "{id: CE, title: Chief Executive, tier: 1,", "{id: CE, title: Chief Executive, tier: 1, qualifications: [CIPFA],"
    )
    (finding,) = L114.expect(tmp_path, text, Expected("CE", ("id: CE,", "HoDS")))
    assert "is also Head of Paid Service and Chief Finance Officer" in finding.message
    assert "s8(4)(a)" in finding.basis and "s8(4)(c)" in finding.basis
    assert finding.designations == ("head-of-democratic-services", "head-of-paid-service", "chief-finance-officer")


def test_the_monitoring_officer_may_head_democratic_services_since_may_2022(tmp_path: Path) -> None:
    """s8(4)(b), which barred the monitoring officer, is omitted from the Measure as in force from
    5 May 2022: a Welsh council's Director of Law and Democracy may hold both."""
    text = designate(
        designate(WELSH, "HDS", "[]"), "DL", "[monitoring-officer, deputy-chief-finance-officer, head-of-democratic-services]"
    )
    assert L114.findings(tmp_path, text, alone=False) == []


def test_it_is_the_only_finding_of_the_mistake(tmp_path: Path) -> None:
    text = designate(
        designate(WELSH, "HDS", "[]"), "DR", "[chief-finance-officer, deputy-monitoring-officer, head-of-democratic-services]"
    )
    L114.expect(tmp_path, text, Expected("DR", ("id: DR,", "head-of-democratic-services")), alone=False)


def test_a_deputy_may_be_head_of_democratic_services(tmp_path: Path) -> None:
    text = designate(designate(WELSH, "HDS", "[]"), "DR", "[chief-finance-officer, head-of-democratic-services]")
    text = designate(text, "DL", "[monitoring-officer, deputy-chief-finance-officer, deputy-monitoring-officer]")
    assert [f.post for f in L114.findings(tmp_path, text)] == ["DR"]  # the CFO, not the deputy MO beside it
    text = designate(designate(WELSH, "HDS", "[]"), "HL", "[head-of-democratic-services, deputy-monitoring-officer]")
    assert L114.findings(tmp_path, text) == []


@pytest.mark.parametrize("council_type", ["district", "unitary", "scottish-council", "other"])
def test_outside_wales_the_title_carries_no_bar(tmp_path: Path, council_type: str) -> None:
    text = designate(
        DISTRICT.replace("type: district", f"type: {council_type}"), "AD2", "[monitoring-officer, head-of-democratic-services]"
    )
    assert L114.findings(tmp_path, text) == []


OWN_BAR = """orglint-ruleset: 1
name: own-bar
extends: [uk-local-government]
policy:
  council-types:
    district:
      requires: [head-of-paid-service, chief-finance-officer, monitoring-officer]
      barred-together:
        - designations: [head-of-democratic-services, scrutiny-officer]
          grounds: Our constitution, Part 7 para 3
"""


def test_the_bar_is_the_ruleset_s_data_which_a_ruleset_may_extend(tmp_path: Path) -> None:
    """No designation is barred in code: a council's ruleset barring its head of democratic
    services from being scrutiny officer is reported, with its grounds; the Welsh offices are not
    barred in an English district."""
    text = DISTRICT.replace("ruleset: uk-local-government", "ruleset: ./own-bar.yaml")
    text = designate(text, "AD2", "[monitoring-officer, head-of-democratic-services, scrutiny-officer]")
    (finding,) = L114.lint(tmp_path, text, {"own-bar.yaml": OWN_BAR})
    assert finding.post == "AD2" and finding.basis == "Our constitution, Part 7 para 3"
    assert finding.message == ("head of democratic services 'AD2' is also Scrutiny Officer, which may not be held with it")
