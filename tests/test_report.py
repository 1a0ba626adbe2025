"""`orglint report`: every section's figures on the sample structures, worked out here from the raw
YAML (read with ruamel.yaml, not orglint's loader) and the documented rules, then compared with the report."""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from ruamel.yaml import YAML

from orglint.engine import LintOptions, lint
from orglint.progress import progress_display
from orglint.report.audit import Audit, build_report
from tests.conftest import REPO, SAMPLES, STRUCTURE_HEAD, check_json, raw, run, write

RIVERSIDE = SAMPLES / "riverside"
CARLISLE_PROPOSED = SAMPLES / "carlisle-2009" / "proposed.yaml"
LEICESTERSHIRE = SAMPLES / "leicestershire" / "structure.yaml"
LEICESTERSHIRE_PROPOSED = SAMPLES / "leicestershire" / "proposed.yaml"


def audit_of(path: Path, monkeypatch: pytest.MonkeyPatch, cwd: Path = REPO) -> Audit:
    monkeypatch.chdir(cwd)
    report = build_report(lint([path], LintOptions()))
    (audit,) = report.audits
    return audit


def test_pay_bill_is_salary_range_times_fte_by_department_and_tier(monkeypatch: pytest.MonkeyPatch) -> None:
    data = raw(RIVERSIDE / "council.yaml")
    names = {d["id"]: d["name"] for d in data["departments"]}
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for post in data["posts"]:
        if "salary" in post:
            fte = post.get("fte", 1.0)
            for key in ("total", f"department:{post.get('department')}", f"tier:{post['tier']}"):
                totals[key][0] += post["salary"]["min"] * fte
                totals[key][1] += post["salary"]["max"] * fte
    unpaid = [post["id"] for post in data["posts"] if "salary" not in post]
    assert unpaid == ["TM-RES-33"]  # the sample's one post still to be evaluated

    pay = audit_of(RIVERSIDE, monkeypatch).pay
    assert (pay.total.minimum, pay.total.maximum) == pytest.approx(tuple(totals["total"]))
    assert [post.id for post in pay.total.without_pay] == unpaid
    by_department = {line.label: (line.minimum, line.maximum) for line in pay.by_department}
    for department_id, name in names.items():
        assert by_department[name] == pytest.approx(tuple(totals[f"department:{department_id}"]))
    assert by_department["(no department)"] == pytest.approx(tuple(totals["department:None"]))  # the chief executive
    assert [line.label for line in pay.by_tier] == ["Tier 1", "Tier 2", "Tier 3", "Tier 4"]
    for tier, line in enumerate(pay.by_tier, start=1):
        assert (line.minimum, line.maximum) == pytest.approx(tuple(totals[f"tier:{tier}"]))

    _, markdown, _ = run("report", str(RIVERSIDE), "--format", "markdown")
    total_min, total_max = totals["total"]
    assert f"£{total_min:,.0f} to £{total_max:,.0f} a year for 39 posts with pay data" in markdown
    assert "1 post without pay data (not counted): TM-RES-33" in markdown


PAY_STRUCTURE = (
    STRUCTURE_HEAD
    + """  - {id: CE, title: Chief Executive, salary: {min: 100000, max: 120000}}
  - {id: A, title: Director A, reports_to: CE, salary: {min: 50000, max: 54000}}
  - {id: B, title: Officer B, reports_to: CE, salary: {min: 40000, max: 44000}}
  - {id: C, title: Director C, reports_to: CE, salary: {min: 60000, max: 70000}}
  - {id: D, title: Officer D, reports_to: CE, salary: {min: 20000, max: 30000}}
  - {id: E, title: Manager E, reports_to: CE, salary: {min: 54000, max: 56000}, holder: vacant}
  - {id: F, title: Manager F, reports_to: CE, salary: {min: 49999, max: 50000}}
  - {id: G, title: Officer G, reports_to: CE}
  - {id: J, title: Assistants, reports_to: B, group: true, fte: 40, salary: {min: 20000, max: 24000}}
"""
)


def test_pay_multiple_and_posts_paid_50000_or_more_in_5000_brackets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Worked by hand: the midpoints are 110,000 (CE), 52,000, 42,000, 65,000, 25,000, 55,000 (a
    vacancy, counted: a structure's posts, not its payroll) and 49,999.50; G has no pay. Their
    median is the 4th of 7: 52,000, so the multiple is 110,000 / 52,000 = 2.115... Brackets from
    £50,000: 52,000 and 55,000 (its lower edge) one each, 65,000 one, 110,000 one; 49,999.50 is
    below the first. The 40 assistants (a group) are left out of both, and the report says so: its
    multiple is indicative, not the Transparency Code's figure over the whole workforce's earnings."""
    write(tmp_path, "structure.yaml", PAY_STRUCTURE)
    pay = audit_of(Path("structure.yaml"), monkeypatch, cwd=tmp_path).senior_pay
    assert pay is not None and pay.multiple is not None
    assert (pay.multiple.highest.id, pay.multiple.highest_salary, pay.multiple.median_salary) == ("CE", 110_000, 52_000)
    assert pay.multiple.posts == 7 and pay.multiple.ratio == pytest.approx(2.1154, abs=1e-4)
    assert pay.brackets == [(50_000, 1), (55_000, 1), (65_000, 1), (110_000, 1)]

    _, markdown, _ = run("report", "structure.yaml", "--format", "markdown", "--exit-zero")
    assert pay.multiple.groups_left_out == 1
    said = " ".join(markdown.split())
    assert (
        "Indicative pay multiple: 2.12 : 1, the highest salary, £110,000 (CE), to the median, £52,000, of 7 single posts" in said
    )
    assert "whatever its FTE; vacancies included). Groups of posts are left out, here 1 group with pay data." in said
    assert "It is not the figure the Local Government Transparency Code 2015 has a council publish" in said
    assert "no pay data: the highest salary may be higher" not in said  # the top post is the highest paid
    assert "Pay multiple (Local Government Transparency Code 2015" not in said
    assert "| £50,000–£54,999 | 1 |\n| £55,000–£59,999 | 1 |\n| £65,000–£69,999 | 1 |\n| £110,000–£114,999 | 1 |" in markdown
    _, html, _ = run("report", "structure.yaml", "--format", "html", "--exit-zero")
    assert "2.12 : 1" in html and "£110,000–£114,999" in html


def test_no_senior_pay_figures_for_an_organogram_nor_brackets_without_senior_posts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organogram = REPO / "tests" / "data" / "organograms" / "home_office-2012-09-30-senior.csv"
    assert audit_of(organogram, monkeypatch).senior_pay is None
    write(tmp_path, "structure.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Clerk, salary: {min: 30000, max: 34000}}\n")
    pay = audit_of(Path("structure.yaml"), monkeypatch, cwd=tmp_path).senior_pay
    assert pay is not None and pay.brackets == [] and pay.multiple is not None and pay.multiple.ratio == 1
    _, markdown, _ = run("report", "structure.yaml", "--format", "markdown", "--exit-zero")
    assert "each single post at the midpoint of its range (groups of posts left out): none." in markdown


def test_a_pay_bill_with_no_pay_data_says_nothing_is_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "£0 to £0 a year for 0 posts with pay data", nor "Posts paid £50,000 or more: none"."""
    posts = "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: A, title: Officer, reports_to: CE, tier: 2}\n"
    write(tmp_path, "structure.yaml", STRUCTURE_HEAD + posts)
    pay = audit_of(Path("structure.yaml"), monkeypatch, cwd=tmp_path).senior_pay
    assert pay is not None and (pay.paid, pay.multiple, pay.brackets) == (0, None, [])
    _, markdown, _ = run("report", "structure.yaml", "--format", "markdown", "--exit-zero")
    said = markdown[markdown.index("## Pay bill") :]
    assert "No post gives its pay (a salary range), so there is no pay bill to add up." in said
    assert "(groups of posts left out): not known, since no single post gives its pay." in said
    assert "£0" not in said and ": none." not in said and "without pay data (not counted)" not in said


@pytest.mark.parametrize("path", [RIVERSIDE / "council.yaml", LEICESTERSHIRE], ids=["riverside", "leicestershire"])
def test_shape_headcount_layers_spans_and_tiers(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = raw(path)["posts"]
    manager = {post["id"]: post.get("reports_to") for post in posts}
    reports = Counter(m for m in manager.values() if m is not None)

    def layer(post_id: str) -> int:
        return 1 if manager[post_id] is None else 1 + layer(manager[post_id])

    shape = audit_of(path.parent if path.name == "council.yaml" else path, monkeypatch).shape
    assert shape.posts == len(posts)
    assert shape.fte == pytest.approx(sum(post.get("fte", 1.0) for post in posts))
    assert shape.vacant == sum(1 for post in posts if post.get("holder") == "vacant")
    assert shape.holder_unrecorded == sum(1 for post in posts if "holder" not in post)
    assert shape.layers == max(layer(post_id) for post_id in manager)
    assert shape.spans == sorted(reports.values())
    assert shape.span_median == statistics.median(reports.values())
    assert [post.id for post in shape.one_over_one] == [p["id"] for p in posts if reports[p["id"]] == 1]
    assert {tier.tier: tier.posts for tier in shape.tiers} == Counter(post["tier"] for post in posts)


def test_riverside_shape_counts_vacancies_and_part_time_posts(monkeypatch: pytest.MonkeyPatch) -> None:
    shape = audit_of(RIVERSIDE, monkeypatch).shape
    # 40 posts; TM-RES-12 at 0.5 and TM-RES-13 at 0.6 FTE; HOS-PLA-1 and TM-RES-13 vacant;
    # CE and DIR-PLA held by named people; every other holder unrecorded.
    assert (shape.posts, shape.fte, shape.vacant, shape.filled, shape.holder_unrecorded) == (40, pytest.approx(39.1), 2, 2, 36)
    assert (shape.layers, shape.spans[0], shape.spans[-1], shape.one_over_one) == (4, 3, 3, [])


def test_statutory_officers_district_with_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    # docs/rulesets.md (council types): a district must designate HoPS, CFO and MO. In the proposal one post (AD-RES)
    # is both CFO and MO (L105); the returning and electoral registration officer and two Deputy Chief
    # Executives are held but not required; the statutory deputies L112 asks for are required (the
    # deputy CFO held, the deputy MO missing).
    posts = raw(CARLISLE_PROPOSED)["posts"]
    holders = defaultdict(list)
    for post in posts:
        for designation in post.get("designations", []):
            holders[designation].append(post["id"])
    officers = audit_of(CARLISLE_PROPOSED, monkeypatch).officers
    rows = [(row.designation, row.post.id if row.post else None, row.status, row.required) for row in officers]
    assert rows[:3] == [
        ("head-of-paid-service", "TCCE", "held", True),
        ("chief-finance-officer", "AD-RES", "in conflict", True),
        ("monitoring-officer", "AD-RES", "in conflict", True),
    ]
    deputies = {"deputy-chief-finance-officer", "deputy-monitoring-officer"}
    assert {(designation, post) for designation, post, _, required in rows[3:] if not required} == {
        (designation, post_id)
        for designation, ids in holders.items()
        if designation not in {"head-of-paid-service", "chief-finance-officer", "monitoring-officer", *deputies}
        for post_id in ids
    }
    assert {(designation, post, status) for designation, post, status, required in rows if designation in deputies} == {
        ("deputy-chief-finance-officer", "AD-OD", "held"),
        ("deputy-monitoring-officer", None, "missing"),
    }
    assert next(row for row in officers if row.designation == "monitoring-officer").findings == ["L105", "L113"]


def test_statutory_officers_county_missing_and_vacant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A county needs DCS, DASS, DPH and a scrutiny officer too; the proposal has no DPH designated.
    officers = audit_of(LEICESTERSHIRE_PROPOSED, monkeypatch).officers
    required = [row.designation for row in officers if row.required]
    assert set(required) == {
        "head-of-paid-service",
        "chief-finance-officer",
        "monitoring-officer",
        "director-of-childrens-services",
        "director-of-adult-social-services",
        "director-of-public-health",
        "scrutiny-officer",
        "deputy-chief-finance-officer",  # the statutory deputies L112 asks for
        "deputy-monitoring-officer",
    }
    dph = next(row for row in officers if row.designation == "director-of-public-health")
    assert (dph.post, dph.status, dph.findings) == (None, "missing", ["L108"])  # the finding that says so

    structure = write(
        tmp_path,
        "council.yaml",
        """orglint: 1
organisation: {name: Vale District Council, type: district, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service], holder: Ann Smith}
  - {id: FIN, title: Director of Finance, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
  - {id: LAW, title: Head of Legal, reports_to: CE, tier: 2, designations: [monitoring-officer], holder: vacant}
""",
    )
    statuses = {row.designation: (row.status, row.holder) for row in audit_of(structure, monkeypatch).officers}
    assert statuses == {
        "head-of-paid-service": ("held", "Ann Smith"),
        "chief-finance-officer": ("held", None),
        "monitoring-officer": ("vacant", "vacant"),
        # the statutory deputies L112 asks for: missing, each with its row
        "deputy-chief-finance-officer": ("missing", None),
        "deputy-monitoring-officer": ("missing", None),
    }


EVALUATION_RULESET = """orglint-ruleset: 1
name: evaluated
extends: [core]
rules:
  E101: {from-grade: G2}
  E102: error
  E103: error
  E104: error
policy:
  grades: {G1: {rank: 1, pay: {min: 20000, max: 30000}}, G2: {rank: 2, pay: {min: 30000, max: 40000}}, G3: {rank: 3}}
  roles:
    head: {name: Head, grades: [G3]}
    officer: {name: Officer, grades: [G1, G2]}
  tiers: {1: {role: head}, 2: {role: officer}}
"""

EVALUATION_STRUCTURE = """orglint: 1
organisation: {name: Test District Council, type: district, ruleset: ./evaluated.yaml}
profiles:
  - {id: officer, updated: 2024-06-01}
posts:
  - id: HEAD
    title: Head of Service
    tier: 1
    grade: G3
    evaluation: {scheme: HAY, date: 2024-01-01, grade: G3, rationale: Benchmarked.}
  - id: MISSING
    title: Officer without a record
    reports_to: HEAD
    tier: 2
    grade: G2
    salary: {min: 30000, max: 45000}
  - id: PARTIAL
    title: Officer with half a record
    reports_to: HEAD
    tier: 2
    grade: G2
    evaluation: {scheme: HAY, date: 2024-07-01, grade: G2}
  - id: STALE
    title: Officer evaluated before the profile changed
    reports_to: HEAD
    tier: 2
    grade: G2
    profile: officer
    evaluation: {scheme: HAY, date: 2024-01-01, grade: G1, rationale: Old.}
  - id: FUTURE
    title: Officer evaluated next year
    reports_to: HEAD
    tier: 2
    grade: G3
    salary: {min: 31000, max: 39000}
    evaluation: {scheme: HAY, date: 2027-01-01, grade: G3, rationale: Early.}
  - id: JUNIOR
    title: Junior officer (below the evaluation threshold)
    reports_to: HEAD
    tier: 2
    grade: G1
    salary: {min: 20000, max: 30000}
"""


def test_evaluation_coverage_and_grade_bands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGLINT_TODAY", "2026-11-23")
    write(tmp_path, "evaluated.yaml", EVALUATION_RULESET)
    coverage = audit_of(write(tmp_path, "structure.yaml", EVALUATION_STRUCTURE), monkeypatch).evaluation

    def ids(posts: list[Any]) -> list[str]:
        return [post.id for post in posts]

    assert coverage.scope == "posts graded G2 or above"
    assert ids(coverage.in_scope) == ["HEAD", "MISSING", "PARTIAL", "STALE", "FUTURE"]  # JUNIOR is G1
    assert ids(coverage.evaluated) == ["HEAD", "PARTIAL", "STALE", "FUTURE"]
    assert ids(coverage.missing) == ["MISSING"]
    assert ids(coverage.incomplete) == ["PARTIAL"]  # no rationale
    assert ids(coverage.stale) == ["STALE", "FUTURE"]
    assert ids(coverage.grade_mismatch) == ["STALE"]
    assert ids(coverage.grade_outside_band) == ["FUTURE"]  # G3 at tier 2 (officer: G1, G2)
    assert ids(coverage.pay_outside_band) == ["MISSING"]  # above G2's 40,000
    assert ids(coverage.pay_in_band) == ["JUNIOR"]
    assert ids(coverage.pay_unchecked) == ["HEAD", "PARTIAL", "STALE", "FUTURE"]  # no salary, or G3 (no band)


def test_evaluation_coverage_on_the_carlisle_proposal(monkeypatch: pytest.MonkeyPatch) -> None:
    posts = raw(CARLISLE_PROPOSED)["posts"]
    reader = YAML(typ="safe", pure=True)
    bands = reader.load((REPO / "rules" / "carlisle-2009.yaml").read_text(encoding="utf-8"))["policy"]["grades"]
    outside = [
        p["id"]
        for p in posts
        if "salary" in p
        and "pay" in bands[p["grade"]]
        and not (bands[p["grade"]]["pay"]["min"] <= p["salary"]["min"] and p["salary"]["max"] <= bands[p["grade"]]["pay"]["max"])
    ]
    coverage = audit_of(CARLISLE_PROPOSED, monkeypatch).evaluation
    assert [post.id for post in coverage.missing] == [p["id"] for p in posts if "evaluation" not in p] == ["AD-LE"]
    assert [post.id for post in coverage.pay_outside_band] == outside == ["AD-CE"]
    assert len(coverage.in_scope) == len(posts)


def test_compliance_by_family_matches_the_findings(monkeypatch: pytest.MonkeyPatch, at_repo: Path) -> None:
    broken = "sample_structures/broken"
    _, document = check_json(broken)
    _, rules_out, _ = run("rules", "--output-format", "json")
    enabled = [rule["code"] for rule in json.loads(rules_out)["rules"] if rule["enabled"]]
    compliance = audit_of(Path(broken), monkeypatch).compliance
    by_family = {row.scope: row for row in compliance.by_family}
    for letter, name in (("S", "Structure"), ("D", "Spans and layers")):
        codes = {d["code"] for d in document["diagnostics"] if d["code"].startswith(letter)}
        row = by_family[name]
        assert row.run == sum(1 for code in enabled if code.startswith(letter))
        assert row.rules_with_findings == codes and row.passed == row.run - len(codes)
        for severity in ("error", "warning", "info"):
            count = sum(1 for d in document["diagnostics"] if d["code"].startswith(letter) and d["severity"] == severity)
            assert row.counts[next(s for s in row.counts if s.label == severity)] == count
    assert compliance.verdict.startswith(f"Not compliant: {document['summary']['errors']} errors")


def test_compliance_by_department_with_suppressions_and_their_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    structure = write(
        tmp_path,
        "structure.yaml",
        """orglint: 1
organisation: {name: Test District Council, type: district, ruleset: core}
departments:
  - {id: people, name: People}
  - {id: place, name: Place, business_partners: {hr: NOBODY}}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: DP, title: Director of People, reports_to: CE, tier: 2, department: people}
  - {id: HP, title: Head of People, reports_to: DP, tier: 3, department: people}  # orglint: ignore[D103] -- interim, merges in April
  - {id: OP, title: Officer, reports_to: HP, tier: 4, department: people}
  - {id: DPL, title: Director of Place, reports_to: CE, tier: 5, department: place}
""",
    )
    compliance = audit_of(structure, monkeypatch, cwd=tmp_path).compliance
    rows = {row.scope: (row.rules_with_findings, row.suppressed, row.verdict) for row in compliance.by_department}
    # DP manages one post (D103, shown); HP's D103 is suppressed with a reason; DPL's tier is wrong
    # (S006); the Place department names an unknown HR partner (S005, a department finding);
    # CE manages two (D102) and belongs to no department.
    assert rows == {
        "People": ({"D103"}, 1, "pass with warnings"),
        "Place": ({"S005", "S006"}, 0, "fail"),
        "(organisation-wide)": ({"D102"}, 0, "pass"),
    }
    (hidden,) = compliance.suppressed
    assert (hidden.diagnostic.code, hidden.diagnostic.post) == ("D103", "HP")
    assert hidden.reason == "interim, merges in April (structure.yaml:9)"
    _, markdown, _ = run("report", "structure.yaml", "--format", "markdown")
    assert "| D103 | structure.yaml:9:" in markdown and "| HP | interim, merges in April (structure.yaml:9) |" in markdown


def test_markdown_has_every_section_and_well_formed_tables(at_repo: Path) -> None:
    exit_code, markdown, _ = run("report", "sample_structures/leicestershire/proposed.yaml", "--format", "markdown")
    assert exit_code == 1  # the proposal has errors
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Example Shire County Council: structure audit",
        "## Compliance summary",
        "## Findings by severity",
        "## Statutory officers",
        "## Shape",
        "## Pay bill",
        "## Evaluation coverage",
    ]
    table: list[int] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            table.append(len(line.replace("\\|", "").strip("|").split("|")))
        elif table:
            assert len(set(table)) == 1, f"ragged table near {line!r}"
            table = []


def test_terminal_report_and_exit_codes(at_repo: Path) -> None:
    exit_code, out, _ = run("report", "sample_structures/riverside")
    assert exit_code == 0
    assert "Riverside District Council: structure audit" in out and "Compliant" in out
    for title in ("Compliance summary", "Statutory officers", "Shape", "Pay bill"):
        assert title in out
    assert "Evaluation coverage" not in out  # the core ruleset runs no evaluation rule: nobody asked for records
    assert run("report", "sample_structures/broken")[0] == 1
    assert run("report", "sample_structures/broken", "--exit-zero")[0] == 0
    assert run("report", "no-such-folder")[0] == 2


def test_output_file_is_written_and_inputs_are_never_overwritten(tmp_path: Path, at_repo: Path) -> None:
    target = tmp_path / "report.md"
    exit_code, out, err = run("report", "sample_structures/riverside", "--format", "markdown", "-o", str(target))
    assert (exit_code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# Riverside District Council: structure audit")
    copy = tmp_path / "structure.yaml"
    copy.write_bytes(CARLISLE_PROPOSED.read_bytes())
    exit_code, _, err = run("report", str(copy), "--format", "html", "-o", str(copy))
    assert exit_code == 2 and "structure.yaml is a structure file this run read" in err
    assert copy.read_bytes() == CARLISLE_PROPOSED.read_bytes()


@pytest.mark.slow  # runs orglint as a process
def test_progress_shows_on_a_terminal_and_not_when_piped(at_repo: Path) -> None:
    stream = io.StringIO()
    with progress_display(Console(file=stream, force_terminal=True)) as say:
        say("Checking sample_structures/riverside/council.yaml (1/1)")
    assert "Checking sample_structures/riverside/council.yaml" in stream.getvalue()
    piped = subprocess.run(
        [sys.executable, "-m", "orglint", "report", "sample_structures/riverside"], capture_output=True, text=True, check=False
    )
    assert piped.returncode == 0 and piped.stderr == ""


def after_a_clean_check(expression: str) -> str:
    """What ``expression`` prints in a process that has just run `check` on a clean sample."""
    code = (
        "import sys\n"
        "from orglint.cli import app\n"
        "try:\n"
        "    app(['check', 'sample_structures/riverside'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print({expression})\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


@pytest.mark.slow  # runs orglint as a process
def test_check_imports_nothing_only_other_commands_need(at_repo: Path) -> None:
    # pre-commit latency (docs/performance.md): `check` loads only what it needs
    other_commands = (
        "('selenium', 'rich.progress', 'orglint.diff', 'orglint.importer', 'orglint.revisions', 'openpyxl', 'ruamel')"
    )
    # the report's facts, and all drawing but check's
    views = "name.split('.')[:2] == ['orglint', 'report'] or name.startswith('orglint.output.') and name.split('.')[2] != 'check'"
    loaded = after_a_clean_check(f"sorted(name for name in sys.modules if {views} or name.startswith({other_commands}))")
    assert loaded == "[]"


@pytest.mark.slow  # runs orglint as a process
def test_a_clean_check_reads_yaml_without_pyyaml(at_repo: Path) -> None:
    # the C walk reads documents with nothing to report; PyYAML (22 ms to import) only for the rest
    assert after_a_clean_check("'yaml' in sys.modules, 'orglint.load.yaml_events' in sys.modules") == "False False"


def test_a_department_the_structure_does_not_define_is_said_to_be_so(in_tmp: Path) -> None:
    """A post's department written by a department's name: its rows in the report are not a second
    department of that name, but one not defined (S005 says which it may mean)."""
    head = STRUCTURE_HEAD.replace("posts:\n", "departments:\n  - {id: res, name: Resources}\nposts:\n")
    posts = (
        "  - {id: CE, title: Chief Executive, tier: 1, department: res, salary: {min: 100000, max: 100000}}\n"
        "  - {id: A, title: Officer, reports_to: CE, tier: 2, department: Resources, salary: {min: 30000, max: 30000}}\n"
    )
    write(in_tmp, "s.yaml", head + posts)
    _, out, _ = run("report", "s.yaml", "--format", "markdown")
    assert "| Resources (not defined) |" in out and out.count("| Resources |") == 2  # compliance, pay bill
    _, html, _ = run("report", "s.yaml", "--format", "html")
    assert "Resources (not defined)" in html


def test_a_missing_statutory_deputy_has_its_row_in_the_statutory_officers_table(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD.replace("ruleset: core", "ruleset: uk-local-government")
          + "  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}\n")  # fmt: skip
    _, out, _ = run("report", "s.yaml", "--format", "markdown")
    row = next(line for line in out.splitlines() if line.startswith("| Deputy Monitoring Officer |"))
    assert "| yes |" in row and "| **missing** |" in row and row.endswith("| L112 |")


def test_the_pay_multiple_says_a_post_above_its_highest_has_no_pay_data(at_repo: Path) -> None:
    """Carlisle's proposal gives the Town Clerk & Chief Executive no salary: the highest salary is
    a Strategic Director's, and the multiple would read as the whole council's without a word."""
    _, markdown, _ = run("report", "sample_structures/carlisle-2009/proposed.yaml", "--format", "markdown", "--exit-zero")
    said = " ".join(markdown.split())
    assert "the highest salary, £78,272 (SD1)" in said
    assert "TCCE, above SD1, has no pay data: the highest salary may be higher, and the multiple understated." in said


def test_a_designation_written_within_a_job_title_is_missing_with_its_x002_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check` reports the entry once (X002, naming chief-finance-officer); the table agrees: the
    designation is missing, for that X002, and the job title is no designation held."""
    structure = write(
        tmp_path,
        "council.yaml",
        """orglint: 1
organisation: {name: Vale District Council, type: district, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: FIN, title: Director of Finance, reports_to: CE, tier: 2, designations: [Director of Finance and S151 Officer]}
  - {id: LAW, title: Head of Legal, reports_to: CE, tier: 2, designations: [monitoring-officer]}
""",
    )
    rows = {
        row.designation: (row.post.id if row.post else None, row.status, row.findings)
        for row in audit_of(structure, monkeypatch).officers
    }
    assert rows["chief-finance-officer"] == (None, "missing", ["X002"])
    assert "Director of Finance and S151 Officer" not in rows


def test_a_check_with_only_warnings_is_said_to_have_findings_not_to_have_failed(in_tmp: Path) -> None:
    """A family with a warning alone passes (with warnings): its column says the checks with
    findings, not "Failed" beside a verdict of pass."""
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: A, title: Officer, reports_to: CE, tier: 2}\n",
    )
    _, out, _ = run("report", "s.yaml", "--format", "markdown")
    header = next(line for line in out.splitlines() if line.startswith("| Rule family |"))
    assert "| With findings |" in header and "Failed" not in out
    row = next(line for line in out.splitlines() if line.startswith("| Spans and layers |"))
    assert row.endswith("| pass with warnings |")
