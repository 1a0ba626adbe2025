"""The seed samples: Carlisle's Strategic Management Team (CE 21/09) and a county council on
Leicestershire's design principles; and a Welsh county borough (Afoncwm) and a Scottish council
(Glenmuir), each under its own nation's statute. The structures as described are clean; each
proposed variant produces exactly the findings marked in it, about the posts named here."""

from __future__ import annotations

from pathlib import Path

import pytest

from orglint.rule_examples import marked_lines

from .conftest import SAMPLES, STRUCTURE_HEAD, check_json, findings, write

CARLISLE = SAMPLES / "carlisle-2009"
LEICESTERSHIRE = SAMPLES / "leicestershire"
WALES = SAMPLES / "afoncwm"
SCOTLAND = SAMPLES / "glenmuir"
SAMPLED = [CARLISLE, LEICESTERSHIRE, WALES, SCOTLAND]


@pytest.mark.parametrize("path", [folder / "structure.yaml" for folder in SAMPLED], ids=lambda p: p.parent.name)
def test_the_structures_the_seeds_describe_are_clean(path: Path) -> None:
    exit_code, document = check_json(str(path))
    assert document["diagnostics"] == []
    assert exit_code == 0


@pytest.mark.parametrize("path", [folder / "proposed.yaml" for folder in SAMPLED], ids=lambda p: p.parent.name)
def test_proposed_variants_find_exactly_the_marked_mistakes(path: Path) -> None:
    found = sorted((code, line) for code, _post, line in findings(str(path)))
    marked = sorted((code, line) for line, codes in marked_lines(path.read_text()).items() for code in codes)
    assert found == marked


def test_carlisle_proposed_findings_and_posts() -> None:
    assert sorted((code, post) for code, post, _ in findings(str(CARLISLE / "proposed.yaml"))) == [
        ("E101", "AD-LE"),
        ("G102", "AD-CE"),
        ("L105", "AD-RES"),
        ("L112", None),
        ("L113", "AD-RES"),
        ("L113", "SD2"),
        ("R102", None),
    ]


def test_leicestershire_proposed_findings_and_posts() -> None:
    assert sorted((code, post) for code, post, _ in findings(str(LEICESTERSHIRE / "proposed.yaml"))) == [
        ("B101", None),
        ("C102", "DAC"),
        ("C103", "AD-PS"),
        ("C103", "AD-PS-H1"),
        ("C103", "AD-PS-H2"),
        ("C103", "AD-PS-H3"),
        ("D102", "AD-SC-H1"),
        ("E101", "AD-CP-H2-TM1"),
        ("G105", "AD-SC-H1-TM3"),
        ("L105", "DCR"),
        ("L108", None),
        ("R102", None),
    ]


def test_welsh_proposed_findings_and_posts() -> None:
    assert sorted((code, post) for code, post, _ in findings(str(WALES / "proposed.yaml"))) == [
        ("L107", "CD-RES"),
        ("L108", None),
        ("L114", "CD-RES"),
    ]


def test_scottish_proposed_findings_and_posts() -> None:
    """The Chief Executive as monitoring officer is lawful in Scotland: no L106."""
    assert sorted((code, post) for code, post, _ in findings(str(SCOTLAND / "proposed.yaml"))) == [
        ("L104", "H-SECONDARY"),
        ("L108", None),
    ]


@pytest.mark.parametrize(
    ("folder", "council_type", "designations"),
    [
        (WALES, "welsh-county-borough", {"head-of-democratic-services", "director-of-social-services"}),
        (SCOTLAND, "scottish-council", {"chief-social-work-officer", "chief-education-officer"}),
    ],
)
def test_the_national_samples_hold_their_nation_s_officers_and_none_of_england_s(
    folder: Path, council_type: str, designations: set[str]
) -> None:
    _, document = check_json(str(folder / "structure.yaml"))
    assert document["summary"]["posts"] >= 17
    text = (folder / "structure.yaml").read_text(encoding="utf-8")
    assert f"type: {council_type}" in text
    assert all(
        designation in text or (designation == "chief-social-work-officer" and "[CSWO]" in text) for designation in designations
    )
    assert not any(
        english in text for english in ("director-of-childrens-services", "director-of-public-health", "scrutiny-officer")
    )


def test_the_missing_welsh_director_cites_the_welsh_act() -> None:
    _, document = check_json(str(WALES / "proposed.yaml"))
    (l108,) = [d for d in document["diagnostics"] if d["code"] == "L108"]
    assert l108["basis"] == "Social Services and Well-being (Wales) Act 2014 s144"


def test_r102_names_every_missing_responsibility() -> None:
    _, document = check_json(str(CARLISLE / "proposed.yaml"))
    (r102,) = [d for d in document["diagnostics"] if d["code"] == "R102"]
    assert "lacks 2" in r102["message"] and "financial-control" in r102["message"] and "complaints" in r102["message"]


def test_basis_appears_in_json_and_terminal_output() -> None:
    _, document = check_json(str(CARLISLE / "proposed.yaml"))
    assert {d["code"]: d["basis"] for d in document["diagnostics"]}["L105"] == (
        "Local Government and Housing Act 1989 s5(1): the monitoring officer 'shall not be their chief finance officer'"
    )


COUNCIL = """orglint: 1
organisation: {name: Example Council, type: TYPE, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: D1, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
  - {id: D2, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
  - {id: D3, title: Director of Place, reports_to: CE, tier: 2}
"""


def test_a_county_without_a_dcs_gets_l108_and_a_district_does_not(in_tmp: Path) -> None:
    write(in_tmp, "county.yaml", COUNCIL.replace("TYPE", "county"))
    write(in_tmp, "district.yaml", COUNCIL.replace("TYPE", "district"))
    county = [(code, line) for code, _, line in findings("county.yaml") if code == "L108"]
    assert county == [("L108", 2)] * 3  # DCS, DASS and DPH: one finding each, at `organisation`
    _, document = check_json("county.yaml")
    assert any("Director of Children's Services" in d["message"] for d in document["diagnostics"])
    assert findings("district.yaml") == []


def test_core_alone_does_not_check_statutory_officers(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: CE}\n  - {id: A, title: A, reports_to: CE}\n")
    assert not any(code.startswith("L") for code, _, _ in findings("s.yaml"))
