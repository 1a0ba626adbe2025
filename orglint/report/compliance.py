"""Compliance by rule family and by department: checks run, passed, with findings, suppressed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from orglint.diagnostics import Diagnostic, Severity, Suppressed
from orglint.engine import StructureRun
from orglint.report.departments import department_labels
from orglint.report.post_findings import PostFindings
from orglint.rules.registry import catalogue_order, family_name, family_of

ORGANISATION_WIDE = "(organisation-wide)"


@dataclass
class ComplianceRow:
    """One scope (a rule family or a department): of the rules run, those with no finding in it
    passed; the others have findings (errors, warnings or information: the verdict says which)."""

    scope: str
    run: int
    rules_with_findings: set[str] = field(default_factory=set)
    counts: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    suppressed: int = 0

    @property
    def with_findings(self) -> int:
        return len(self.rules_with_findings)

    @property
    def passed(self) -> int:
        return self.run - self.with_findings

    @property
    def verdict(self) -> str:
        if self.counts[Severity.ERROR]:
            return "fail"
        return "pass with warnings" if self.counts[Severity.WARNING] else "pass"


@dataclass
class RuleFindings:
    """A rule's findings that share a basis."""

    code: str
    name: str
    basis: str
    findings: list[Diagnostic]


@dataclass
class Compliance:
    by_family: list[ComplianceRow]
    by_department: list[ComplianceRow]
    by_severity: dict[Severity, list[RuleFindings]]
    """Worst severity first; within one, by rule code."""
    suppressed: list[Suppressed]

    def findings(self) -> Iterator[Diagnostic]:
        """Every finding, in ``by_severity``'s order."""
        return (finding for groups in self.by_severity.values() for group in groups for finding in group.findings)

    @property
    def verdict(self) -> str:
        errors = sum(len(group.findings) for group in self.by_severity[Severity.ERROR])
        others = sum(
            len(group.findings) for severity in (Severity.WARNING, Severity.INFO) for group in self.by_severity[severity]
        )
        if errors:
            return f"Not compliant: {errors} error{'s' if errors != 1 else ''}"
        if others:
            return f"Compliant, with {others} warning{'s' if others != 1 else ''} or note{'s' if others != 1 else ''} to consider"
        return "Compliant"


def departments_of(run: StructureRun, diagnostic: Diagnostic, on_posts: PostFindings) -> list[str | None]:
    """The departments a finding belongs to: its post's (each sharer's, for a value several posts
    share), or the department it is about."""
    if diagnostic.sharers:
        sharers = [run.graph.posts.get(post) for post in diagnostic.sharers]
        return list(dict.fromkeys(post.department for post in sharers if post is not None)) or [diagnostic.department]
    post = on_posts.post_of(diagnostic) or (run.graph.posts.get(diagnostic.post) if diagnostic.post is not None else None)
    if post is not None:
        return [post.department]
    return [diagnostic.department]


def compliance(
    run: StructureRun, diagnostics: list[Diagnostic], suppressed: list[Suppressed], on_posts: PostFindings
) -> Compliance:
    """``diagnostics`` and ``suppressed`` are the structure's own, input findings included;
    ``on_posts``: the findings on each post (``diagnostics``'), which tells which of the posts that
    share an id a finding is on."""
    codes_run = {rule.code for rule in run.rules} | {d.code for d in diagnostics if family_of(d.code) == "X"}
    families: dict[str, ComplianceRow] = {}
    for code in sorted(codes_run, key=catalogue_order):
        family = family_of(code)
        families.setdefault(family, ComplianceRow(family_name(family), 0)).run += 1

    labels = department_labels(run)
    departments: dict[str | None, ComplianceRow] = {
        department_id: ComplianceRow(label, len(codes_run)) for department_id, label in labels.items()
    }

    def department_rows(diagnostic: Diagnostic) -> list[ComplianceRow]:
        rows = []
        for department in departments_of(run, diagnostic, on_posts):
            if department not in departments:  # the whole organisation, or a department not defined (S005)
                name = ORGANISATION_WIDE if department is None else labels[department]
                departments[department] = ComplianceRow(name, len(codes_run))
            rows.append(departments[department])
        return rows

    # by rule and basis: one rule's findings may cite different grounds (L110: the DCS's, the DPH's)
    grouped: dict[Severity, dict[tuple[str, str], RuleFindings]] = {severity: {} for severity in Severity}
    for diagnostic in diagnostics:
        for row in (families[family_of(diagnostic.code)], *department_rows(diagnostic)):
            row.rules_with_findings.add(diagnostic.code)
            row.counts[diagnostic.severity] += 1
        group = grouped[diagnostic.severity].setdefault(
            (diagnostic.code, diagnostic.basis), RuleFindings(diagnostic.code, diagnostic.name, diagnostic.basis, [])
        )
        group.findings.append(diagnostic)
    for hidden in suppressed:
        family = family_of(hidden.diagnostic.code)
        families.setdefault(family, ComplianceRow(family_name(family), 0)).suppressed += 1
        for row in department_rows(hidden.diagnostic):
            row.suppressed += 1

    ordered_departments = [row for key, row in departments.items() if key is not None]
    if None in departments:
        ordered_departments.append(departments[None])
    by_severity = {
        severity: sorted(grouped[severity].values(), key=lambda group: catalogue_order(group.code))
        for severity in sorted(Severity, reverse=True)
    }
    return Compliance(list(families.values()), ordered_departments, by_severity, suppressed)
