"""Everything the report says about one structure, computed once from a lint run."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from orglint import __version__
from orglint.clock import today
from orglint.diagnostics import Diagnostic, Severity, Suppressed
from orglint.engine import LintResult, StructureRun
from orglint.model.organogram import parent_department
from orglint.report.compliance import Compliance, compliance
from orglint.report.evaluation import EvaluationCoverage, evaluation_coverage
from orglint.report.paybill import PayBill, SeniorPay, pay_bill, senior_pay
from orglint.report.post_findings import PostFindings, by_post
from orglint.report.shape import Shape, shape
from orglint.report.statutory import OfficerRow, statutory_officers
from orglint.rules.registry import family_of, registered_rules

EVALUATION_FAMILY = "E"


@dataclass
class Header:
    organisation: str
    council_type: str | None
    """The council type a structure file declares (None for an organogram: a government body)."""
    parent_department: str | None
    """The department an organogram's body belongs to (None for a structure file)."""
    rulesets: list[str]
    files: list[str]
    date: datetime.date
    version: str


@dataclass
class Audit:
    run: StructureRun
    header: Header
    compliance: Compliance
    officers: list[OfficerRow]
    shape: Shape
    pay: PayBill
    senior_pay: SeniorPay | None
    """A council's pay multiple and posts paid £50,000 or more (None for an organogram: a government
    body, which neither the Transparency Code nor the Accounts and Audit Regulations cover)."""
    evaluation: EvaluationCoverage | None
    """None when no evaluation rule ran: coverage would only count posts nobody asked to be evaluated."""
    findings_by_post: PostFindings
    """The structure's findings on each post, for the chart."""


@dataclass
class Report:
    audits: list[Audit]
    unreadable: list[Diagnostic]
    """Findings on files that belong to no structure (they could not be read as one)."""


def audit(run: StructureRun, diagnostics: list[Diagnostic], suppressed: list[Suppressed], now: datetime.date) -> Audit:
    """``diagnostics`` and ``suppressed``: the findings on this structure's files."""
    structure, organisation, organogram = run.structure, run.structure.organisation, run.structure.organogram
    declared_type = organisation.type if organisation is not None else "other"
    header = Header(
        organisation=organisation.name if organisation is not None else structure.root.display,
        council_type=declared_type if organogram is None else None,
        parent_department=parent_department(organogram) if organogram is not None else None,
        rulesets=list(run.ruleset.names),
        files=[source.display for source in run.structure.files],
        date=now,
        version=__version__,
    )
    on_posts = PostFindings(by_post(diagnostics), run.graph.duplicates)
    evaluation_ran = any(family_of(rule.code) == EVALUATION_FAMILY for rule in run.rules)
    return Audit(
        run=run,
        header=header,
        compliance=compliance(run, diagnostics, suppressed, on_posts),
        officers=statutory_officers(run, diagnostics, registered_rules()),
        shape=shape(run),
        pay=pay_bill(run),
        senior_pay=senior_pay(run) if organogram is None else None,
        evaluation=evaluation_coverage(run, now) if evaluation_ran else None,
        findings_by_post=on_posts,
    )


def marks(findings: list[Diagnostic]) -> list[tuple[Severity, list[str]]]:
    """How a post with findings is marked in the tree: its codes by severity, the worst first (a
    code found at several severities under the worst of them)."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        worst[finding.code] = max(finding.severity, worst.get(finding.code, finding.severity))
    return [
        (severity, sorted(code for code, found in worst.items() if found is severity))
        for severity in sorted(set(worst.values()), reverse=True)
    ]


class StructureFindings(NamedTuple):
    """A structure's run with the findings on its files."""

    run: StructureRun
    diagnostics: list[Diagnostic]
    suppressed: list[Suppressed]


class FindingsByStructure(NamedTuple):
    structures: list[StructureFindings]
    unreadable: list[Diagnostic]
    """The findings on files that belong to no structure."""


def split_by_structure(result: LintResult) -> FindingsByStructure:
    """Each structure with the findings (shown and suppressed) on its files; then the findings on
    files that belong to no structure."""
    diagnostics_by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        diagnostics_by_file.setdefault(diagnostic.span.file, []).append(diagnostic)
    suppressed_by_file: dict[str, list[Suppressed]] = {}
    for hidden in result.suppressed:
        suppressed_by_file.setdefault(hidden.diagnostic.span.file, []).append(hidden)
    runs: list[StructureFindings] = []
    for run in result.runs:
        files = [source.display for source in run.structure.files]
        diagnostics = sorted((d for file in files for d in diagnostics_by_file.pop(file, [])), key=Diagnostic.sort_key)
        suppressed = [hidden for file in files for hidden in suppressed_by_file.pop(file, [])]
        runs.append(StructureFindings(run, diagnostics, suppressed))
    return FindingsByStructure(runs, [d for remaining in diagnostics_by_file.values() for d in remaining])


def build_report(result: LintResult, now: datetime.date | None = None) -> Report:
    now = now or today()
    split = split_by_structure(result)
    return Report(
        [audit(run, diagnostics, suppressed, now) for run, diagnostics, suppressed in split.structures], split.unreadable
    )
