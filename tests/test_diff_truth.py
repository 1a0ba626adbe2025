"""Issue 18 section 5 (``diff`` tells the truth about money and findings) and three bullets of
section 6 (articles, whole rule summaries), on the Brookfield council: each test copies the
council, makes one mistake, and checks exactly what the issue names.

*Changed*, as ``diff`` defines it: after findings are matched by (rule, post, location-free
message), the old version's unmatched findings and the new version's unmatched findings on the
same subject (one post, matched across versions as the Posts section matches posts; or, for a
finding on no post, one department) and of the same rule family (the code's letters) are one
change, shown with both sides' findings. Findings on the whole structure are never paired."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from orglint.diagnostics import Diagnostic, Severity, Span
from orglint.diff.findings import FindingChanges, pair_changed
from orglint.rules.registry import registered_rules
from orglint.wording import a_or_an
from tests.conftest import REPO, check_json, raw, run

COUNCIL = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"
CLEAN = "uk-local-government"  # the council is clean under it: every finding in a diff is the mistake's


def council() -> str:
    return COUNCIL.read_text(encoding="utf-8")


def without_posts(text: str, *ids: str) -> str:
    """The council with these posts' entries taken out."""
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        entry = re.fullmatch(r"  - id: (\S+)", line)
        if entry:
            skipping = entry[1] in ids
        elif not line.startswith("    "):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def in_post(text: str, post: str, old: str, new: str) -> str:
    """``old`` replaced by ``new`` once, in the entry of ``post``."""
    start = text.index(f"  - id: {post}\n")
    at = text.index(old, start)
    assert at < text.find("\n  - id:", start + 1), f"{old!r} is not in {post}'s entry"
    return text[:at] + new + text[at + len(old) :]


def diff(folder: Path, old: str, new: str, output_format: str = "json", ruleset: str = CLEAN) -> tuple[int, str]:
    (folder / "old").mkdir(exist_ok=True)
    (folder / "new").mkdir(exist_ok=True)
    (folder / "old" / "structure.yaml").write_text(old, encoding="utf-8")
    (folder / "new" / "structure.yaml").write_text(new, encoding="utf-8")
    exit_code, out, err = run(
        "diff",
        str(folder / "old" / "structure.yaml"),
        str(folder / "new" / "structure.yaml"),
        "--isolated",
        "--ruleset",
        ruleset,
        "--format",
        output_format,
    )
    assert "Traceback" not in out + err, err
    return exit_code, out


def diff_json(folder: Path, old: str, new: str) -> tuple[int, dict[str, Any]]:
    exit_code, out = diff(folder, old, new)
    return exit_code, json.loads(out)


def findings_of(document: dict[str, Any]) -> dict[str, Any]:
    """The findings part of a diff, as (code, post) pairs."""
    findings = document["findings"]
    return {
        "introduced": [(d["code"], d["post"]) for d in findings["introduced"]],
        "resolved": [(d["code"], d["post"]) for d in findings["resolved"]],
        "changed": [(c["post"], [d["code"] for d in c["before"]], [d["code"] for d in c["after"]]) for c in findings["changed"]],
    }


def council_pay(leaving_out: str) -> tuple[float, float]:
    """The council's pay bill worked out from the raw YAML, without one post."""
    posts = [post for post in raw(COUNCIL)["posts"] if post["id"] != leaving_out]
    return (
        sum(post["salary"]["min"] * post.get("fte", 1.0) for post in posts),
        sum(post["salary"]["max"] * post.get("fte", 1.0) for post in posts),
    )


# Section 5: the money. A thousands comma typed into a flow mapping (`max: 71,200`) makes a salary
# YAML reads as `max: 71` and a key `200`: an X002, and a post whose pay is unknown.
MISTYPED_PAY = ("salary: {min: 64300, max: 71200}", "salary: {min: 64300, max: 71,200}")


def test_a_post_whose_pay_turns_invalid_is_left_out_of_both_totals(tmp_path: Path) -> None:
    """Before: its £64,300-£71,200 counted before and not after, a saving of £64,300 that is not one."""
    exit_code, document = diff_json(tmp_path, council(), in_post(council(), "HOS-CFS-CIC", *MISTYPED_PAY))
    assert exit_code == 1  # the X002 is an error the change introduces
    assert findings_of(document) == {"introduced": [("X002", "HOS-CFS-CIC")], "resolved": [], "changed": []}
    cost = document["cost"]
    low, high = council_pay(leaving_out="HOS-CFS-CIC")
    total = cost["total"]
    assert total["before"] == total["after"] == {"min": low, "max": high}
    assert total["delta"] == {"min": 0, "max": 0}
    assert total["partial"] and total["pay_unknown"] == {"before": ["HOS-CFS-CIC"], "after": ["HOS-CFS-CIC"]}
    assert cost["partial"] and cost["pay_unknown"] == [
        {
            "post": "HOS-CFS-CIC",
            "title": "Head of Children in Care and Care Leavers",
            "before": {"min": 64300, "max": 71200},
            "after": "unknown",
        }
    ]
    partial = {line["label"]: line["delta"] for line in cost["by_department"] if line["partial"]}
    assert partial == {"Children and Family Services": {"min": 0, "max": 0}}
    assert [line["label"] for line in cost["by_tier"] if line["partial"]] == ["Tier 4"]
    headline = "Partial: pay unknown before or after for 1 post (HOS-CFS-CIC), left out of both versions' figures."
    for output_format in ("terminal", "markdown"):
        _, shown = diff(tmp_path, council(), in_post(council(), "HOS-CFS-CIC", *MISTYPED_PAY), output_format)
        flat = " ".join(shown.split())
        assert "+£0" not in flat and "£0 at the minimum and £0 at the maximum a year. " + headline in flat
        assert "(partial)" in flat and "Pay unknown (1)" in flat
        assert output_format == "terminal" or "| Children and Family Services (partial) |" in shown  # names wrap on a terminal
        listed = flat[flat.index("Pay unknown (1)") :]
        assert all(text in listed for text in ("HOS-CFS-CIC", "£64,300–£71,200", "unknown"))
        assert output_format == "terminal" or (
            "| HOS-CFS-CIC | Head of Children in Care and Care Leavers | £64,300–£71,200 | unknown |" in shown
        )


NEW_HEAD_OF_SERVICE = """  - id: HOS-CFS-EHP
    title: Head of Early Help Partnerships
    reports_to: AD-CFS-ESC
    tier: 4
    department: children-and-family-services
    function: strategic-commissioning
    grade: '15'
    salary: {min: 64300, max: 71,200}
    holder: vacant
    profile: head-of-service
    evaluation:
      scheme: HAY
      date: 2024-03-12
      grade: '15'
      points: {know_how: 460, problem_solving: 230, accountability: 400, total: 1090}
      rationale: Leads a service through Team Managers; accountable for the early help partnership budget.
"""


def test_an_added_post_whose_pay_is_invalid_is_listed_and_the_totals_marked_partial(tmp_path: Path) -> None:
    """Before: the added post vanished from its department's figures and nothing said so."""
    text = council()
    at = text.index("  - id: HOS-CFS-RES\n")
    _, document = diff_json(tmp_path, text, text[:at] + NEW_HEAD_OF_SERVICE + text[at:])
    assert [post["id"] for post in document["posts"]["added"]] == ["HOS-CFS-EHP"]
    assert findings_of(document) == {"introduced": [("X002", "HOS-CFS-EHP")], "resolved": [], "changed": []}
    cost = document["cost"]
    assert cost["partial"] and cost["pay_unknown"] == [
        {"post": "HOS-CFS-EHP", "title": "Head of Early Help Partnerships", "before": None, "after": "unknown"}
    ]
    assert cost["total"]["partial"] and cost["total"]["pay_unknown"] == {"before": [], "after": ["HOS-CFS-EHP"]}
    assert [line["label"] for line in cost["by_department"] if line["partial"]] == ["Children and Family Services"]
    _, markdown = diff(tmp_path, text, text[:at] + NEW_HEAD_OF_SERVICE + text[at:], "markdown")
    assert "Partial: pay unknown before or after for 1 post (HOS-CFS-EHP)" in markdown
    assert "| HOS-CFS-EHP | Head of Early Help Partnerships | — | unknown |" in markdown


# Section 5: the findings.
NARROW = without_posts(council(), "TM-CFS-ACP-3")  # HOS-CFS-ACP with two Team Managers: D102
ONE_OVER_ONE = without_posts(council(), "TM-CFS-ACP-2", "TM-CFS-ACP-3")  # and with one: D103


def test_a_post_that_went_from_d102_to_d103_is_changed_not_resolved(tmp_path: Path) -> None:
    exit_code, document = diff_json(tmp_path, NARROW, ONE_OVER_ONE)
    assert findings_of(document) == {"introduced": [], "resolved": [], "changed": [("HOS-CFS-ACP", ["D102"], ["D103"])]}
    assert document["findings"]["changed"][0]["family"] == "D" and exit_code == 0  # no error: D103 is a warning
    _, markdown = diff(tmp_path, NARROW, ONE_OVER_ONE, "markdown")
    assert "**0 introduced (0 errors), 1 changed, 0 resolved, 0 persisting" in markdown
    assert "**Changed (1)**" in markdown and "**Resolved" not in markdown and "**Introduced" not in markdown
    (row,) = [line for line in markdown.splitlines() if line.startswith("| structure.yaml:") and "HOS-CFS-ACP" in line]
    assert "D102 'Head of Assessment and Child Protection' has 2 direct reports" in row
    assert "D103 'Head of Assessment and Child Protection' has one direct report (TM-CFS-ACP-1)" in row


def test_a_renumbered_post_is_the_same_post(tmp_path: Path) -> None:
    renumbered = re.sub(r"\bHOS-CFS-ACP\b", "HOS-CFS-ACP2", ONE_OVER_ONE)  # same title, same manager
    _, document = diff_json(tmp_path, NARROW, renumbered)
    assert document["posts"]["renumbered"] == [
        {"before": "HOS-CFS-ACP", "after": "HOS-CFS-ACP2", "title": "Head of Assessment and Child Protection"}
    ]
    assert findings_of(document) == {"introduced": [], "resolved": [], "changed": [("HOS-CFS-ACP2", ["D102"], ["D103"])]}


def test_a_renumbered_post_keeps_an_unchanged_finding_persisting(tmp_path: Path) -> None:
    renumbered = re.sub(r"\bHOS-CFS-ACP\b", "HOS-CFS-ACP2", ONE_OVER_ONE)
    _, document = diff_json(tmp_path, ONE_OVER_ONE, renumbered)
    assert findings_of(document) == {"introduced": [], "resolved": [], "changed": []}
    assert document["findings"]["persisting"] == 1  # the one-over-one, on the post under its new id


def _finding(code: str, severity: Severity, post: str | None = None, department: str | None = None) -> Diagnostic:
    return Diagnostic(code, f"{code} here", Span("s.yaml", 1, 1, 1, 2), post=post, department=department, severity=severity)


def test_what_changed_means() -> None:
    old = [
        _finding("D103", Severity.WARNING, post="A"),  # -> D101 on A: changed, and now an error
        _finding("L105", Severity.ERROR, post="B"),  # -> D102 on B: another family, resolved
        _finding("C101", Severity.ERROR, department="ops"),  # -> C101 on ops, another message: changed
        _finding("L101", Severity.ERROR),  # on the whole structure: never paired
    ]
    new = [
        _finding("D101", Severity.ERROR, post="A2"),
        _finding("D102", Severity.INFO, post="B"),
        Diagnostic("C101", "another", Span("s.yaml", 1, 1, 1, 2), department="ops", severity=Severity.ERROR),
        _finding("L102", Severity.ERROR),
    ]
    changes = pair_changed(FindingChanges(new, old, []), {"A": "A2", "B": "B"})
    assert [(c.post, c.department, c.family, c.became_an_error) for c in changes.changed] == [
        ("A2", None, "D", True),
        (None, "ops", "C", False),
    ]
    assert [d.code for d in changes.introduced] == ["D102", "L102"]
    assert [d.code for d in changes.resolved] == ["L105", "L101"]
    assert changes.introduces_errors and [d.code for d in changes.old_side()] == ["L105", "L101", "D103", "C101"]


# Section 6: articles.
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Assistant Director", "an Assistant Director"),
        ("Head of Service", "a Head of Service"),
        ("Executive Director", "an Executive Director"),
        ("unitary", "a unitary"),
        ("other", "an other"),
        ("HR Business Partner", "an HR Business Partner"),
        ("S151 officer", "an S151 officer"),
        ("Team Manager", "a Team Manager"),
        ("11", "an 11"),
        ("12", "a 12"),
        ("hour", "an hour"),
    ],
)
def test_the_article_agrees_with_the_word_that_follows(phrase: str, expected: str) -> None:
    assert a_or_an(phrase) == expected


def differing(text: str, folder: Path, ruleset: str) -> list[tuple[str, str | None, str]]:
    """Findings of a mutated council that the clean council does not have."""
    path = folder / "structure.yaml"
    path.write_text(text, encoding="utf-8")
    found = Counter(
        (d["code"], d["post"], d["message"]) for d in check_json(str(path), "--isolated", "--ruleset", ruleset)[1]["diagnostics"]
    )
    clean = Counter(
        (d["code"], d["post"], d["message"])
        for d in check_json(str(COUNCIL), "--isolated", "--ruleset", ruleset)[1]["diagnostics"]
    )
    return list((found - clean).elements())


def test_an_assistant_director_on_a_head_of_service_template(tmp_path: Path) -> None:
    mutated = in_post(council(), "AD-CFS-SC", "profile: assistant-director", "profile: head-of-service")
    assert differing(mutated, tmp_path, "leicestershire-odp") == [
        (
            "R103",
            "AD-CFS-SC",
            "'AD-CFS-SC' is an Assistant Director but uses 'head-of-service', the template for a Head of Service",
        )
    ]


def test_every_article_before_a_value_goes_through_a_or_an() -> None:
    """A message template never writes "a {...}": the word that follows is data, so a_or_an chooses."""
    written = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "orglint").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b[aA]n? \{", line)
    ]
    assert written == []


# Section 6: whole summaries.
C102_SUMMARY = (
    "A department's management team has no lead for commissioning or for providing, and the split is not made at "
    "Head of Service level instead."
)


def test_every_summary_is_a_whole_sentence() -> None:
    for code, rule in registered_rules().items():
        summary = rule.summary()
        assert summary.lstrip('"')[0].isupper() and summary.endswith(".") and "\n" not in summary, (code, summary)
        assert " ".join((rule.__doc__ or "").split("\n\n")[0].split()) == summary, code  # the whole first paragraph
    assert registered_rules()["C102"].summary() == C102_SUMMARY


def test_c102s_summary_is_whole_wherever_it_is_shown(at_repo: Path) -> None:
    _, rules, _ = run("rules", "--ruleset", "leicestershire-odp", "--output-format", "json")
    assert {rule["code"]: rule["summary"] for rule in json.loads(rules)["rules"]}["C102"] == C102_SUMMARY
    _, shown, _ = run("rule", "C102")
    assert C102_SUMMARY in " ".join(shown.split())
    _, sarif, _ = run("check", str(COUNCIL), "--isolated", "--output-format", "sarif")
    (c102,) = [rule for rule in json.loads(sarif)["runs"][0]["tool"]["driver"]["rules"] if rule["id"] == "C102"]
    assert c102["shortDescription"]["text"] == C102_SUMMARY
    _, schema, _ = run("schema", "ruleset")
    assert f"C102 missing-commissioning-or-provider-lead: {C102_SUMMARY}" in schema
