"""Issue 18 section 2: no false alarms on a well-formed council.

Built on Brookfield Council (`tests/data/councils/brookfield/structure.yaml`): each test copies
it, makes one mistake (or none), and compares the findings with the clean council's, so each
mistake is held to exactly the finding(s) it should give.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from ruamel.yaml import YAML

from orglint.ruleset import load_ruleset
from tests.conftest import REPO, check_json, run, write

COUNCIL = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"

Found = Counter[tuple[str, str]]

# The council's own tier policy, as a council adopting the framework might write it: G101 then
# has a band for every declared tier, as well as for every profile's level.
TIERED = """orglint-ruleset: 1
name: brookfield-tiers
extends: [leicestershire-odp]
rules:
  G101: error
policy:
  tiers:
    1: {role: chief-executive}
    2: {role: director}
    3: {role: assistant-director}
    4: {role: head-of-service}
    5: {role: team-manager}
"""


def subject(diagnostic: dict[str, Any]) -> str:
    """The post a finding is on, or for a department-level finding its department."""
    if diagnostic["post"] is not None:
        return str(diagnostic["post"])
    department = re.match(r"department '([^']+)'", diagnostic["message"])
    assert department, diagnostic
    return department.group(1)


def lint(path: Path, ruleset: str) -> Found:
    _, document = check_json(str(path), "--isolated", "--ruleset", ruleset)
    return Counter((d["code"], subject(d)) for d in document["diagnostics"])


def council_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "brookfield.yaml"
    shutil.copyfile(COUNCIL, copy)
    write(folder, "brookfield-tiers.yaml", TIERED)
    return copy


def edit_post(path: Path, post_id: str, **values: str) -> None:
    """Set keys of one post (`evaluation_grade` for its evaluation's grade), as a manager would edit the file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {post_id}\n")
    end = text.find("\n  - id: ", start + 1)
    block = text[start:end]
    for key, value in values.items():
        if key.startswith("evaluation_"):
            pattern = rf"(?m)^      {key.removeprefix('evaluation_')}: .*$"
            line = f"      {key.removeprefix('evaluation_')}: {value}"
        else:
            pattern, line = rf"(?m)^    {key}: .*$", f"    {key}: {value}"
        block, count = re.subn(pattern, line, block)
        assert count == 1, (post_id, key)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def mistake_findings(tmp_path: Path, ruleset: str, **edits: dict[str, str]) -> Found:
    """What one mistake (these edits) gives under the ruleset: every finding on the posts edited,
    and elsewhere the findings that differ from the clean council's (one gone counts -1)."""
    clean = lint(council_copy(tmp_path / "clean"), ruleset)
    mutated = council_copy(tmp_path / "mutated")
    for post_id, values in edits.items():
        edit_post(mutated, post_id, **values)
    after = lint(mutated, ruleset)
    found: Found = Counter()
    for key in clean.keys() | after.keys():
        count = after[key] if key[1] in edits else after[key] - clean[key]
        if count:
            found[key] = count
    return found


@pytest.mark.parametrize("ruleset", ["leicestershire-odp", "brookfield-tiers.yaml"])
def test_the_council_is_clean_under_the_framework(tmp_path: Path, ruleset: str) -> None:
    """No C101/C102 on the support department, no G104 on grades 10 and 11, and no G101 on a
    Head of Service straight under a Director (CPH-HP: tier 3, the Assistant Directors' tier)."""
    copy = council_copy(tmp_path)
    assert lint(copy, str(tmp_path / ruleset) if ruleset.endswith(".yaml") else ruleset) == Counter()


# Departments: kind service | support


def test_a_support_department_is_not_asked_for_provider_services(tmp_path: Path) -> None:
    """Without `kind: support`, Corporate Resources is a service department, and the framework
    asks it for all three functions and its Director for a commissioning/provider split."""
    clean = council_copy(tmp_path / "clean")
    mutated = council_copy(tmp_path / "mutated")
    text = mutated.read_text(encoding="utf-8")
    assert text.count("    kind: support\n") == 1
    mutated.write_text(text.replace("    kind: support\n", ""), encoding="utf-8")
    difference = lint(mutated, "leicestershire-odp") - lint(clean, "leicestershire-odp")
    assert difference == Counter({("C101", "corporate-resources"): 3, ("C102", "DCR"): 1})


def test_department_kind_is_part_of_the_format(tmp_path: Path) -> None:
    base = """orglint: 1
organisation: {name: Example County Council, type: other, ruleset: ./functions.yaml}
departments:
  - {id: adults}
  - {id: resources, KIND}
posts:
  - {id: DIR, title: Director, tier: 1, department: adults, function: strategic-commissioning}
  - {id: AD1, title: AD Commissioning, reports_to: DIR, tier: 2, department: adults, function: operational-commissioning}
  - {id: AD2, title: AD Provider Services, reports_to: DIR, tier: 2, department: adults, function: provider}
  - {id: AD3, title: AD Finance, reports_to: DIR, tier: 2, department: resources, function: support}
"""
    write(
        tmp_path,
        "functions.yaml",
        "orglint-ruleset: 1\nname: functions\nextends: [core]\nrules:\n  C101:\n"
        "    required-functions: [strategic-commissioning, operational-commissioning, provider]\n"
        "    department-kinds: [service]\n",
    )
    support = write(tmp_path, "support.yaml", base.replace("KIND", "kind: support"))
    assert lint(support, str(tmp_path / "functions.yaml")) == Counter()
    service = write(tmp_path, "service.yaml", base.replace("KIND", "kind: service"))
    assert lint(service, str(tmp_path / "functions.yaml")) == Counter({("C101", "resources"): 3})
    unsaid = write(tmp_path, "unsaid.yaml", base.replace(", KIND", ""))  # service by default
    assert lint(unsaid, str(tmp_path / "functions.yaml")) == Counter({("C101", "resources"): 3})
    wrong = write(tmp_path, "wrong.yaml", base.replace("KIND", "kind: back-office"))
    _, document = check_json(str(wrong), "--isolated", "--ruleset", str(tmp_path / "functions.yaml"))
    [fault] = [d for d in document["diagnostics"] if d["code"] == "X002"]
    assert "'service' or 'support'" in fault["message"]


def test_without_department_kinds_a_rule_checks_every_department(tmp_path: Path) -> None:
    """The kinds a rule checks are the ruleset's to say; a ruleset that says none keeps C101 on all."""
    write(
        tmp_path,
        "all.yaml",
        "orglint-ruleset: 1\nname: all\nextends: [leicestershire-odp]\nrules:\n  C101:\n"
        "    required-functions: [strategic-commissioning, operational-commissioning, provider]\n"
        "    department-kinds: null\n",
    )
    copy = council_copy(tmp_path)
    assert lint(copy, str(tmp_path / "all.yaml")) == Counter({("C101", "corporate-resources"): 3})


SPREADSHEET_CONFIG = """ruleset = "leicestershire-odp"
[spreadsheet]
organisation = "Example Shire County Council"
council-type = "other"
[spreadsheet.columns]
id = "Post"
title = "Title"
reports_to = "Manager"
department = "Department"
function = "Function"
[spreadsheet.department-kinds]
"Corporate Resources" = "support"
"""
SPREADSHEET_ROWS = [
    ["Post", "Title", "Manager", "Department", "Function"],
    ["CE", "Chief Executive", None, None, None],
    ["DAC", "Director of Adults", "CE", "Adults", "strategic-commissioning"],
    ["ADC", "AD Commissioning", "DAC", "Adults", "operational-commissioning"],
    ["ADP", "AD Provider Services", "DAC", "Adults", "provider"],
    ["DCR", "Director of Corporate Resources", "CE", "Corporate Resources", "support"],
    ["ADF", "AD Finance", "DCR", "Corporate Resources", "support"],
    ["ADL", "AD Law and Governance", "DCR", "Corporate Resources", "support"],
    ["ADH", "AD HR", "DCR", "Corporate Resources", "support"],
    ["DPL", "Director of Place", "CE", "Place", "provider"],
]


def test_a_spreadsheet_names_its_support_departments_in_the_configuration(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", SPREADSHEET_CONFIG)
    book = Workbook()
    sheet = book.active
    for row in SPREADSHEET_ROWS:
        sheet.append(row)
    book.save(in_tmp / "posts.xlsx")
    _, document = check_json("posts.xlsx")
    c101 = Counter(subject(d) for d in document["diagnostics"] if d["code"] == "C101")
    assert c101 == Counter({"Place": 2})  # no strategic or operational commissioning; Corporate Resources not asked
    # and `orglint import` writes the kind into the structure file
    exit_code, _, _ = run("import", "posts.xlsx", "-o", "posts.yaml")
    assert exit_code == 0
    departments = YAML(typ="safe").load((in_tmp / "posts.yaml").read_text(encoding="utf-8"))["departments"]
    assert {d["id"]: d.get("kind", "service") for d in departments} == {
        "Adults": "service",
        "Corporate Resources": "support",
        "Place": "service",
    }


# Grades below the graded bands


def test_grades_below_the_bands_are_accepted_and_g104_speaks_once_per_post(tmp_path: Path) -> None:
    """A grade from an old scheme, written as the post's grade and its evaluated grade: one G104."""
    found = mistake_findings(tmp_path, "leicestershire-odp", **{"OFF-ET-HM-2": {"grade": "SO1", "evaluation_grade": "SO1"}})
    assert found == Counter({("G104", "OFF-ET-HM-2"): 1})


def test_an_evaluated_grade_other_than_the_post_s_is_e103_alone(tmp_path: Path) -> None:
    found = mistake_findings(tmp_path, "leicestershire-odp", **{"OFF-ET-HM-2": {"evaluation_grade": "SO1"}})
    assert found == Counter({("E103", "OFF-ET-HM-2"): 1})


def test_leicestershire_accepts_grades_below_12_without_banding_them() -> None:
    policy = load_ruleset(["leicestershire-odp"], REPO).policy
    below = {str(grade) for grade in range(1, 12)}
    assert below <= set(policy.grades)
    banded = {grade for role in policy.roles.values() for grade in role.grades}
    assert not below & banded
    assert all(policy.grades[grade].pay is None for grade in below)
    # ranked, so a grade 11 officer managing a grade 12 Team Manager is still an inversion (G103)
    assert [policy.rank(str(grade)) for grade in range(1, 13)] == sorted(policy.rank(str(grade)) or 0 for grade in range(1, 13))


# Grade bands follow the level, not the depth


def test_a_head_of_service_reporting_to_the_chief_executive_is_still_a_head_of_service(tmp_path: Path) -> None:
    """Moved straight under the Chief Executive (and so declared tier 2, the Directors' tier), the
    Head of HR Operations is a Head of Service by its profile: no G101, nothing else either."""
    moved = {"HOS-CR-HRO": {"reports_to": "CE", "tier": "2"}}
    assert mistake_findings(tmp_path, str(tmp_path / "clean" / "brookfield-tiers.yaml"), **moved) == Counter()


def test_a_grade_outside_its_level_s_band_is_g101(tmp_path: Path) -> None:
    """A Team Manager put on grade 11 (the officers' grade): G101, by its profile's level."""
    found = mistake_findings(tmp_path, "leicestershire-odp", **{"TM-AC-CQ-1": {"grade": "'11'", "evaluation_grade": "'11'"}})
    assert found == Counter({("G101", "TM-AC-CQ-1"): 1})
    _, document = check_json(str(tmp_path / "mutated" / "brookfield.yaml"), "--isolated", "--ruleset", "leicestershire-odp")
    [finding] = [d for d in document["diagnostics"] if d["code"] == "G101"]
    assert finding["message"] == "grade '11' is not allowed at its profile's level (Team Manager: 12, 13, 14)"


def test_a_template_for_another_level_than_the_grade_is_r103_alone(tmp_path: Path) -> None:
    """A Team Manager (grade 12) given the Head of Service template: the template disagrees with
    the grade, which R103 says; G101 (grade 12 outside the template's 15-16) does not say it again."""
    found = mistake_findings(tmp_path, "leicestershire-odp", **{"TM-AC-CQ-1": {"profile": "head-of-service"}})
    assert found == Counter({("R103", "TM-AC-CQ-1"): 1})


# Pay where the source gives figures


def test_carlisle_checks_pay_with_the_bands_ce_21_09_states(tmp_path: Path) -> None:
    policy = load_ruleset(["carlisle-2009"], REPO).policy
    bands = {grade: (entry.pay.min, entry.pay.max) for grade, entry in policy.grades.items() if entry.pay is not None}
    # Strategic Director: "GRADE: JNC FOR CHIEF OFFICERS - £65,454 - £72,000"; "The salary for
    # the post of Deputy Chief Executive is £74,545 - £82,000"; Assistant Director: "GRADE: JNC
    # FOR CHIEF OFFICERS - £52,500 - £58,000". The Chief Executive's is not stated.
    assert bands == {"JNC-DCE": (74545, 82000), "JNC-SD": (65454, 72000), "JNC-AD": (52500, 58000)}
    ruleset_text = (REPO / "rules" / "carlisle-2009.yaml").read_text(encoding="utf-8")
    assert "para 2.2" in ruleset_text and "£65,454 - £72,000" in ruleset_text
    # a Strategic Director paid on the Deputy Chief Executive's band, under carlisle-2009: G102
    sample = (REPO / "sample_structures" / "carlisle-2009" / "structure.yaml").read_text(encoding="utf-8")
    clean = write(tmp_path, "clean.yaml", sample)
    sd2 = sample.index("  - id: SD2\n")
    salary = re.compile(r"salary: \{min: \d+, max: \d+\}")
    match = salary.search(sample, sd2)
    assert match is not None
    mutated = write(
        tmp_path, "mutated.yaml", sample[: match.start()] + "salary: {min: 74545, max: 82000}" + sample[match.end() :]
    )
    assert lint(mutated, "carlisle-2009") - lint(clean, "carlisle-2009") == Counter({("G102", "SD2"): 1})
