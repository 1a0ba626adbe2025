"""One structure compared with another: post changes, cost, shape and findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orglint.diagnostics import Diagnostic
from orglint.diff.findings import FindingChanges, Side, compare_findings, pair_changed
from orglint.diff.posts import PostChanges, match_posts, post_changes
from orglint.engine import LintResult, StructureRun
from orglint.errors import OrglintError
from orglint.graph import OrgGraph
from orglint.model.schema import Post
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
    def partial(self) -> bool:
        """Some post of the line has its pay left out (unknown before or after)."""
        return any(line is not None and line.without_pay for line in (self.before, self.after))

    @property
    def delta(self) -> tuple[float, float]:
        (low_before, high_before), (low_after, high_after) = self._total(self.before), self._total(self.after)
        return (low_after - low_before, high_after - high_before)


@dataclass(frozen=True)
class PayUnknown:
    """A post whose pay is unknown (not given, or not valid) in a version that has it. Its pay is
    left out of both versions' figures, so that the change in cost compares the same posts: a post
    paid £64,300-£71,200 before and with a mistyped salary after is not a £64,300 saving."""

    before: Post | None
    """The post in the old version (None: added)."""
    after: Post | None
    """The post in the new version (None: deleted)."""

    @property
    def post(self) -> Post:
        post = self.after or self.before
        assert post is not None, "a post is in one version at least"
        return post


def pay_unknown(old: OrgGraph, new: OrgGraph, matched: dict[str, str]) -> list[PayUnknown]:
    """Posts whose pay is unknown on one side or both: new-version order, then the deleted ones."""
    old_ids = {new_id: old_id for old_id, new_id in matched.items()}
    unknown: list[PayUnknown] = []
    for post in new.posts.values():
        before = old.posts[old_ids[post.id]] if post.id in old_ids else None
        if post.salary is None or (before is not None and before.salary is None):
            unknown.append(PayUnknown(before, post))
    unknown += [PayUnknown(post, None) for post_id, post in old.posts.items() if post_id not in matched and post.salary is None]
    return unknown


@dataclass
class Diff:
    old: Version
    new: Version
    posts: PostChanges
    findings: FindingChanges
    pay_unknown: list[PayUnknown]
    """Left out of both versions' pay figures: with any, every total is partial."""

    @property
    def cost_total(self) -> CostLine:
        return CostLine("Total", self.old.pay.total, self.new.pay.total)

    def cost_by(self, attribute: str) -> list[CostLine]:
        """The versions' lines matched by what they are of (a department's id), labelled as the
        newer version labels them (a department renamed is one line)."""
        before = {line.key: line for line in getattr(self.old.pay, attribute)}
        after = {line.key: line for line in getattr(self.new.pay, attribute)}
        keys = list(dict.fromkeys([*before, *after]))
        return [CostLine((after.get(key) or before[key]).label, before.get(key), after.get(key)) for key in keys]


class DiffError(OrglintError):
    """The two sides cannot be compared (no structure, or several): a usage error."""


def _only_run(label: str, result: LintResult) -> tuple[StructureRun, list[Diagnostic]]:
    split = split_by_structure(result)
    if len(split.structures) != 1:
        found = ", ".join(one.run.structure.root.display for one in split.structures) or "none"
        raise DiffError(f"{label} holds {len(split.structures)} structures ({found}): diff compares one structure with one")
    (only,) = split.structures
    return only.run, only.diagnostics + split.unreadable


def compare(old_label: str, old: LintResult, new_label: str, new: LintResult) -> Diff:
    (old_run, old_findings), (new_run, new_findings) = _only_run(old_label, old), _only_run(new_label, new)
    matched = match_posts(old_run.graph, new_run.graph)
    unknown = pay_unknown(old_run.graph, new_run.graph, matched)
    left_out_before = {entry.before.id for entry in unknown if entry.before is not None}
    left_out_after = {entry.after.id for entry in unknown if entry.after is not None}
    before = Version(old_label, old_run, old_findings, shape(old_run), pay_bill(old_run, left_out_before))
    after = Version(new_label, new_run, new_findings, shape(new_run), pay_bill(new_run, left_out_after))
    findings = compare_findings(before.diagnostics, before.side, after.diagnostics, after.side, matched)
    return Diff(
        before,
        after,
        post_changes(
            old_run.graph, new_run.graph, matched, (old_run.context.policy.designations, new_run.context.policy.designations)
        ),
        pair_changed(findings, matched),
        unknown,
    )
