"""The sample structures: the clean one stays clean; the broken one trips every core rule,
each on the line marked for it, about the post it names."""

from __future__ import annotations

from orglint.rule_examples import marked_lines
from orglint.rules.registry import registered_rules

from .conftest import SAMPLES, check_json, findings

BROKEN = SAMPLES / "broken" / "structure.yaml"


def test_clean_sample_has_no_findings() -> None:
    exit_code, document = check_json(str(SAMPLES / "riverside"))
    assert exit_code == 0
    assert document["diagnostics"] == []
    assert document["summary"]["files"] == 4
    assert document["summary"]["posts"] == 40


def test_broken_sample_findings_stand_on_the_marked_lines() -> None:
    found = {(code, line) for code, _post, line in findings(str(BROKEN))}
    marked = {(code, line) for line, codes in marked_lines(BROKEN.read_text()).items() for code in codes}
    assert found == marked


def test_broken_sample_trips_every_core_rule() -> None:
    codes = {code for code, _, _ in findings(str(BROKEN))}
    core = {code for code in registered_rules() if code[0] in "XSD"}
    assert codes == core


def test_broken_sample_findings_name_their_posts() -> None:
    by_code: dict[str, set[str | None]] = {}
    for code, post, _line in findings(str(BROKEN)):
        by_code.setdefault(code, set()).add(post)
    assert by_code == {
        "S001": {"HOS-C2"},
        "S002": {"OFF-X"},
        "S003": {"LOOP-1"},
        "S004": {"ROGUE"},
        "S005": {"HOS-C2"},
        "S006": {"HOS-C3"},  # not ROGUE: its S004 accounts for its tier
        "D101": {"HOS-C1"},
        "D102": {"DIR-A"},
        "D103": {"DIR-B"},
        "D104": {"OFF-A1", "OFF-A2", "OFF-A3"},
        "X001": {None},
        "X002": {"CLERK-2"},
        "X004": {None},
        "X003": {"CLERK-3"},
    }


def test_naming_an_included_file_lints_its_whole_structure() -> None:
    exit_code, document = check_json(str(SAMPLES / "riverside" / "departments" / "place.yaml"))
    assert exit_code == 0
    assert document["summary"]["posts"] == 40
