"""One structure compared with another: post changes, cost, shape and findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orglint.diagnostics import Diagnostic
from orglint.diff.findings import FindingChanges, Side, compare_findings
from orglint.diff.posts import PostChanges, post_changes
from orglint.engine import LintResult, StructureRun
from orglint.errors import OrglintError
from orglint.report.audit import split_by_structure
from orglint.report.paybill import PayBill, PayLine, pay_bill
from orglint.report.shape import Shape, shape


@dataclass
class Version:
    """One side of the comparison."""

    label: str
    """As the user named it (``OLD``, or ``REV:path``)."""
    run: StructureRun
    diagnostics: list[Diagnostic]
    shape: Shape
    pay: PayBill

    @property
    def side(self) -> Side:
        root = self.run.structure.root
        return Side(str(Path(root.display).parent), root.display)


@dataclass
class CostLine:
    label: str
    before: PayLine | None
    after: PayLine | None

    def _total(self, line: PayLine | None) -> tuple[float, float]:
        return (line.minimum, line.maximum) if line is not None else (0.0, 0.0)

    @property
    def delta(self) -> tuple[float, float]:
        (low_before, high_before), (low_after, high_after) = self._total(self.before), self._total(self.after)
        return (low_after - low_before, high_after - high_before)


@dataclass
class Diff:
    old: Version
    new: Version
    posts: PostChanges
    findings: FindingChanges

    @property
    def cost_total(self) -> CostLine:
        return CostLine("Total", self.old.pay.total, self.new.pay.total)

    def cost_by(self, attribute: str) -> list[CostLine]:
        before = {line.label: line for line in getattr(self.old.pay, attribute)}
        after = {line.label: line for line in getattr(self.new.pay, attribute)}
        labels = list(dict.fromkeys([*before, *after]))
        return [CostLine(label, before.get(label), after.get(label)) for label in labels]


class DiffError(OrglintError):
    """The two sides cannot be compared (no structure, or several): a usage error."""


def _version(label: str, result: LintResult) -> Version:
    runs, unreadable = split_by_structure(result)
    if len(runs) != 1:
        found = ", ".join(run.structure.root.display for run, _, _ in runs) or "none"
        raise DiffError(f"{label} holds {len(runs)} structures ({found}): diff compares one structure with one")
    run, diagnostics, _ = runs[0]
    return Version(label, run, diagnostics + unreadable, shape(run), pay_bill(run))


def compare(old_label: str, old: LintResult, new_label: str, new: LintResult) -> Diff:
    before, after = _version(old_label, old), _version(new_label, new)
    return Diff(
        before,
        after,
        post_changes(before.run.graph, after.run.graph),
        compare_findings(before.diagnostics, before.side, after.diagnostics, after.side),
    )
