"""The diff (``orglint.diff.compare``) laid out as a document, drawn by the terminal and Markdown renderers."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeGuard

from orglint.diagnostics import Diagnostic, Severity
from orglint.diff.compare import CostLine, Diff, PayUnknown, Version
from orglint.diff.findings import ChangedFinding
from orglint.diff.posts import Change
from orglint.model.schema import Post
from orglint.output.document import Block, Cell, Paragraph, Section, Table, Tone, key_values
from orglint.output.figures import holder_count, money, number, plural, post_list, span_range
from orglint.report.paybill import PayLine


def _signed_money(amount: float) -> Cell:
    if amount == 0:
        return Cell("£0", Tone.MUTED)
    return Cell(f"{'+' if amount > 0 else '−'}£{abs(amount):,.0f}", Tone.WARN if amount > 0 else Tone.GOOD)


def _text(value: object) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _evaluation_text(record: dict[str, str | None] | None) -> str:
    return "—" if record is None else " ".join(value for value in record.values() if value) or "(empty)"


def _pay_range(salary: dict[str, float] | None) -> str:
    return "—" if salary is None else f"{money(salary['min'])}–{money(salary['max'])}"


def _changes(title: str, changes: list[Change], describe: Callable[[Any], str] = _text) -> Table:
    table = Table(["Post", "Before", "After"], caption=f"{title} ({len(changes)})", whole=frozenset({0}))
    for change in changes:
        table.add(change.post, describe(change.before), describe(change.after))
    return table


def _added_or_deleted(what: str, manager: str, posts: list[Post]) -> list[Block]:
    """Single posts with their title, manager and grade; groups of posts (an organogram's junior
    rows) by their id alone, which says all of that already, with their FTE."""
    tables: list[Block] = []
    single = [post for post in posts if not post.group]
    if single:
        table = Table(["Post", "Title", manager, "Grade"], caption=f"{what} ({len(single)})", whole=frozenset({0}))
        for post in single:
            table.add(post.id, post.title, post.reports_to or "—", post.grade or "—")
        tables.append(table)
    groups = [post for post in posts if post.group]
    if groups:
        table = Table(
            ["Group of posts (reporting post › grade › title › professional group)", "FTE"],
            caption=f"Groups of posts {what.lower()} ({len(groups)})",
            numeric=frozenset({1}),
        )
        for post in groups:
            table.add(post.id, number(post.fte))
        tables.append(table)
    return tables


def _post_sections(diff: Diff) -> Section:
    posts = diff.posts
    blocks: list[Block] = []
    if posts.unchanged:
        blocks.append(Paragraph("No post changed.", tone=Tone.MUTED))
    blocks += _added_or_deleted("Added", "Reports to", posts.added)
    blocks += _added_or_deleted("Deleted", "Reported to", posts.deleted)
    if posts.renumbered:
        table = Table(["Before", "After", "Title", "Matched by"], caption=f"Renumbered ({len(posts.renumbered)})")
        for before, after in posts.renumbered:
            table.add(before.id, after.id, after.title, "title and position")
        blocks.append(table)
    describe: dict[str, Callable[[Any], str]] = {"holders": holder_count, "pay": _pay_range, "evaluation": _evaluation_text}
    for key, title, changes in posts.categories():
        if changes:
            blocks.append(_changes(title, changes, describe.get(key, _text)))
    if posts.designations:
        table = Table(
            ["Designation", "Held by before", "Held by after"],
            caption="Designations that moved between posts",
            whole=frozenset({0}),
        )
        for move in posts.designations:
            table.add(
                move.designation,
                ", ".join(move.before) or Cell("nobody", Tone.BAD),
                ", ".join(move.after) or Cell("nobody", Tone.BAD),
            )
        blocks.append(table)
    return Section("Posts", blocks)


def _summed(line: PayLine | None) -> TypeGuard[PayLine]:
    """Whether a line has pay to add up (a post whose pay is known)."""
    return line is not None and len(line.without_pay) < line.posts


def _range(line: PayLine | None) -> str:
    if _summed(line):
        return f"{money(line.minimum)}–{money(line.maximum)}"
    return "—"  # nothing to add up: a dash, not £0


def _cost_table(caption: str, lines: list[CostLine]) -> Table:
    table = Table(["", "Before", "After", "Change (min / max)"], numeric=frozenset({1, 2}), caption=caption, whole=frozenset({0}))
    for line in lines:
        low, high = line.delta
        if not (_summed(line.before) or _summed(line.after)):
            change = Cell("—")  # no pay known on either side: no change to show, not £0
        else:
            change = Cell(f"{_signed_money(low).text} / {_signed_money(high).text}", Tone.WARN if low > 0 or high > 0 else None)
        label = Cell(f"{line.label} (partial)", Tone.WARN) if line.partial else Cell(line.label)
        table.add(label, _range(line.before), _range(line.after), change)
    return table


def _pay(post: Post | None) -> Cell:
    if post is None:
        return Cell("—", Tone.MUTED)  # not in that version
    if post.salary is None:
        return Cell("unknown", Tone.WARN)
    return Cell(f"{money(post.salary.min)}–{money(post.salary.max)}")


def _pay_unknown(entries: list[PayUnknown]) -> Table:
    table = Table(["Post", "Title", "Pay before", "Pay after"], caption=f"Pay unknown ({len(entries):,})", whole=frozenset({0}))
    for entry in entries:
        table.add(entry.post.id, entry.post.title, _pay(entry.before), _pay(entry.after))
    return table


def _cost(diff: Diff) -> Section:
    total = diff.cost_total
    if not (_summed(total.before) or _summed(total.after)):  # not £0 to £0: nothing is known
        said = "Pay bill: no post gives its pay (a salary range) in either version, so there is no cost to compare."
        return Section("Cost", [Paragraph(said, tone=Tone.WARN, strong=True)])
    low, high = total.delta
    headline = (
        f"Pay bill (salary range × FTE): {_range(total.before)} before, {_range(total.after)} after: "
        f"{_signed_money(low).text} at the minimum and {_signed_money(high).text} at the maximum a year."
    )
    unknown = diff.pay_unknown
    if unknown:
        headline += (
            f" Partial: pay unknown before or after for {plural(len(unknown), 'post')}"
            f" ({post_list(entry.post for entry in unknown)}), left out of both versions' figures."
        )
    blocks: list[Block] = [
        Paragraph(headline, tone=Tone.WARN if unknown else None, strong=True),
        _cost_table("By department", [*diff.cost_by("by_department"), total]),
        _cost_table("By tier", [*diff.cost_by("by_tier"), total]),
    ]
    if unknown:
        blocks.append(_pay_unknown(unknown))
    return Section("Cost", blocks)


def _shape(diff: Diff) -> Section:
    before, after = diff.old.shape, diff.new.shape
    table = Table(["", "Before", "After"], numeric=frozenset({1, 2}), whole=frozenset({0}))
    rows = [
        ("Headcount", number(before.headcount), number(after.headcount)),
        ("Posts", f"{before.posts:,}", f"{after.posts:,}"),
        ("Job shares", f"{len(before.job_shares):,}", f"{len(after.job_shares):,}"),
        ("Groups of posts (organogram junior rows)", f"{before.groups:,}", f"{after.groups:,}"),
        ("FTE", number(before.fte), number(after.fte)),
        ("Layers", str(before.layers), str(after.layers)),
        ("Managers", f"{before.managers:,}", f"{after.managers:,}"),
        ("Span of control (min / median / max)", span_range(before) or "—", span_range(after) or "—"),
        ("One-over-one managers", str(len(before.one_over_one)), str(len(after.one_over_one))),
    ]
    for label, old_value, new_value in rows:
        table.add(Cell(label, Tone.MUTED), old_value, Cell(new_value, Tone.WARN if new_value != old_value else None))
    histogram = Table(["Span", "Managers before", "Managers after"], numeric=frozenset({0, 1, 2}), caption="Span of control")
    counts_before, counts_after = dict(before.span_histogram), dict(after.span_histogram)
    for span in sorted(counts_before.keys() | counts_after.keys()):
        histogram.add(str(span), str(counts_before.get(span, 0)), str(counts_after.get(span, 0)))
    return Section("Shape", [table, histogram])


def _where(diagnostic: Diagnostic, version: Version) -> str:
    """A location relative to the version's folder (its files are named at the top)."""
    folder = version.side.folder
    span = diagnostic.span
    file = span.file if ":" in span.file else os.path.relpath(span.file, folder)  # "REV:path" stays as it is
    return f"{file}:{span.line}:{span.column}"


def _tone(diagnostic: Diagnostic) -> Tone | None:
    return Tone.BAD if diagnostic.severity is Severity.ERROR else Tone.WARN if diagnostic.severity is Severity.WARNING else None


def _finding_table(caption: str, findings: list[Diagnostic], version: Version) -> Table:
    table = Table(["Location", "Code", "Post", "Finding"], caption=caption, whole=frozenset({0}))
    for diagnostic in findings:
        code = Cell(diagnostic.code, _tone(diagnostic))
        table.add(_where(diagnostic, version), code, diagnostic.post or "", diagnostic.message)
    return table


def _findings_text(findings: list[Diagnostic]) -> str:
    return "; ".join(f"{diagnostic.code} {diagnostic.message}" for diagnostic in findings)


def _changed_table(changes: list[ChangedFinding], version: Version) -> Table:
    """One row a change: where the new findings are, the post (or department), before and after."""
    table = Table(["Location", "Post", "Before", "After"], caption=f"Changed ({len(changes)})", whole=frozenset({0}))
    for change in changes:
        table.add(
            _where(change.after[0], version),
            change.post or change.department or "",
            _findings_text(change.before),
            Cell(_findings_text(change.after), _tone(max(change.after, key=lambda d: d.severity))),
        )
    return table


def _compliance(diff: Diff) -> Section:
    changes = diff.findings
    errors = sum(1 for d in changes.introduced if d.severity is Severity.ERROR)
    became_errors = sum(1 for change in changes.changed if change.became_an_error)
    now = f" ({became_errors} now {'an error' if became_errors == 1 else 'errors'})" if became_errors else ""
    changed = f"{len(changes.changed)} changed{now}"
    blocks: list[Block] = [
        Paragraph(
            f"{len(changes.introduced)} introduced ({plural(errors, 'error')}), {changed}, {len(changes.resolved)} resolved, "
            f"{len(changes.persisting)} persisting (matched by rule, post and message, not by line or row; changed: "
            "the same post's findings of one rule family differ).",
            tone=Tone.BAD if changes.introduces_errors else Tone.GOOD,
            strong=True,
        )
    ]
    if changes.introduced:
        blocks.append(_finding_table(f"Introduced ({len(changes.introduced)})", changes.introduced, diff.new))
    if changes.changed:
        blocks.append(_changed_table(changes.changed, diff.new))
    if changes.resolved:
        blocks.append(_finding_table(f"Resolved ({len(changes.resolved)})", changes.resolved, diff.old))
    return Section("Compliance", blocks)


def diff_sections(diff: Diff) -> list[Section]:
    header: list[Block] = [key_values([("Before", diff.old.label), ("After", diff.new.label)])]
    # a version of no posts (an organogram published with its header alone) makes every post of the
    # other a change: said first, not left to a T104 far below
    for version, side, shown in ((diff.old, "before", "added"), (diff.new, "after", "deleted")):
        if not version.run.structure.posts:
            header.append(
                Paragraph(
                    f"The version {side} ({version.label}) holds no posts: every post of the other shows as {shown}, "
                    "and its whole cost as the change.",
                    tone=Tone.WARN,
                    strong=True,
                )
            )
    organisation = diff.new.run.structure.organisation
    title = f"{organisation.name if organisation else diff.new.label}: what the restructure changes"
    return [Section(title, header, level=1), _post_sections(diff), _cost(diff), _shape(diff), _compliance(diff)]
