"""The audit report laid out once as a document (``document``: sections of tables, paragraphs and
lists), for every renderer (terminal, Markdown, HTML) to draw the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.output.document import Block, Bullets, Cell, Paragraph, Section, Table, Tone, key_values
from orglint.output.figures import MAX_LISTED, holder_count, money, number, plural, post_list, posts_and_groups, span_range
from orglint.report.audit import Audit, Report
from orglint.report.compliance import ComplianceRow
from orglint.report.evaluation import EvaluationCoverage
from orglint.report.paybill import SENIOR_PAY_BRACKET, PayLine, SeniorPay
from orglint.report.statutory import HELD, IN_CONFLICT, MISSING, VACANT
from orglint.wording import a_council_of_type


def holders_text(post: Post) -> str:
    """Who holds a post: a name, "vacant" or "not recorded"; or "2 holders (job share): ..."."""
    names = [name or "not recorded" for name in post.holders]
    return names[0] if len(names) == 1 else f"{holder_count(len(names))}: {', '.join(names)}"


def location(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    cell = span.describe_cell()  # a table's cell is named in the location, never in the message
    return f"{span.file}:{span.line}:{span.column}" + (f" {cell}" if cell else "")


_VERDICT_TONES = {"fail": Tone.BAD, "pass with warnings": Tone.WARN, "pass": Tone.GOOD}
_STATUS_TONES = {HELD: Tone.GOOD, VACANT: Tone.WARN, MISSING: Tone.BAD, IN_CONFLICT: Tone.BAD}
SEVERITY_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Information"}


def report_sections(report: Report) -> list[Section]:
    sections = [section for audit in report.audits for section in audit_sections(audit)]
    if report.unreadable:
        sections.append(unreadable_section(report.unreadable))
    return sections


def unreadable_section(findings: list[Diagnostic]) -> Section:
    table = Table(["Location", "Code", "Problem"], whole=frozenset({0}))
    for diagnostic in findings:
        table.add(location(diagnostic), diagnostic.code, diagnostic.message)
    return Section("Files that could not be read as structures", [table])


class AuditSections(NamedTuple):
    """One structure's audit, section by section, for a renderer that draws some itself (the
    HTML report draws the findings with links to its chart)."""

    header: Section
    compliance: Section
    findings: Section
    rest: list[Section]
    """Statutory officers (a council's), shape, pay bill, job evaluation (where there are records)."""


def audit_parts(audit: Audit) -> AuditSections:
    rest = [_statutory(audit)] if audit.officers or audit.header.council_type is not None else []  # organograms: none
    rest += [_shape(audit), _pay_bill(audit)]
    if audit.evaluation is not None:
        rest.append(_evaluation(audit.evaluation))
    return AuditSections(_header(audit), _compliance(audit), _findings(audit), rest)


def audit_sections(audit: Audit) -> list[Section]:
    header, compliance, findings, rest = audit_parts(audit)
    return [header, compliance, findings, *rest]


def _header(audit: Audit) -> Section:
    header = audit.header
    return Section(
        f"{header.organisation}: structure audit",
        [
            key_values(
                [
                    ("Organisation", header.organisation),
                    *([("Parent department", header.parent_department)] if header.parent_department else []),
                    *([("Council type", header.council_type)] if header.council_type is not None else []),
                    ("Rulesets", ", ".join(header.rulesets)),
                    ("Structure files", ", ".join(header.files)),
                    ("Date", header.date.isoformat()),
                    ("orglint", header.version),
                ]
            ),
            Paragraph(audit.compliance.verdict, tone=Tone.BAD if "Not" in audit.compliance.verdict else Tone.GOOD, strong=True),
        ],
        level=1,
    )


def _compliance_table(first_column: str, rows: list[ComplianceRow]) -> Table:
    table = Table(
        [first_column, "Checks run", "Passed", "With findings", "Errors", "Warnings", "Info", "Suppressed", "Verdict"],
        numeric=frozenset(range(1, 8)),
        whole=frozenset({0}),
    )
    for row in rows:
        table.add(
            row.scope,
            str(row.run),
            str(row.passed),
            Cell(str(row.with_findings), _VERDICT_TONES[row.verdict] if row.verdict != "pass" else None),
            *(str(row.counts[severity]) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
            str(row.suppressed),
            Cell(row.verdict, _VERDICT_TONES[row.verdict]),
        )
    return table


def _compliance(audit: Audit) -> Section:
    result = audit.compliance
    blocks: list[Block] = [
        Paragraph("A check is one rule run over the structure; it passes where it finds nothing."),
        _compliance_table("Rule family", result.by_family),
    ]
    if result.by_department:
        blocks.append(_compliance_table("Department", result.by_department))
    if result.suppressed:
        table = Table(
            ["Code", "Location", "Post", "Reason"],
            caption=f"Suppressed findings ({len(result.suppressed)})",
            whole=frozenset({1}),
        )
        for hidden in result.suppressed:
            diagnostic = hidden.diagnostic
            table.add(diagnostic.code, location(diagnostic), diagnostic.post or "", hidden.reason)
        blocks.append(table)
    return Section("Compliance summary", blocks)


def _findings(audit: Audit) -> Section:
    blocks: list[Block] = []
    for severity, groups in audit.compliance.by_severity.items():
        if not groups:
            continue
        count = sum(len(group.findings) for group in groups)
        blocks.append(Paragraph(f"{SEVERITY_TITLES[severity]} ({count:,})", strong=True))
        for group in groups:
            table = Table(
                ["Location", "Post", "Finding"], caption=f"{group.code} {group.name}. Basis: {group.basis}", whole=frozenset({0})
            )
            for diagnostic in group.findings:
                table.add(location(diagnostic), diagnostic.post or "", diagnostic.message)
            blocks.append(table)
    if not blocks:
        blocks.append(Paragraph("No findings.", tone=Tone.GOOD))
    return Section("Findings by severity", blocks)


def _statutory(audit: Audit) -> Section:
    header = audit.header
    table = Table(
        ["Designation", "Statute", "Required", "Post", "Title", "Holder", "Status", "Findings"], whole=frozenset({0, 3, 6})
    )
    for row in audit.officers:
        post = row.post
        table.add(
            row.name,
            row.statute or "",
            "yes" if row.required else "no",
            post.id if post is not None else "—",
            post.title if post is not None else "—",
            holders_text(post) if post is not None else "—",
            Cell(row.status, _STATUS_TONES[row.status]),
            ", ".join(row.findings),
        )
    required = sum(1 for row in audit.officers if row.required and row.status == MISSING)
    blocks: list[Block] = [
        Paragraph(
            f"Designations {_body(header.council_type)} must make under {', '.join(header.rulesets)}, then any other held."
            + (f" {plural(required, 'required designation')} missing." if required else "")
        )
    ]
    blocks.append(table if table.rows else Paragraph("The rulesets require no designations and none are held.", tone=Tone.MUTED))
    return Section("Statutory officers", blocks)


def _listed(title: str, posts: list[Post], describe: Callable[[Post], str]) -> list[Block]:
    """A titled list of posts, the first MAX_LISTED described, then how many more."""
    items = [describe(post) for post in posts[:MAX_LISTED]]
    if len(posts) > MAX_LISTED:
        items.append(f"and {len(posts) - MAX_LISTED:,} more")
    return [Paragraph(f"{title} ({len(posts):,})", strong=True), Bullets(items)]


def _body(council_type: str | None) -> str:
    """Who must make designations: "a London borough council", or "the organisation" (type other)."""
    if council_type is None or council_type == "other":
        return "the organisation"
    return a_council_of_type(council_type)


def _shape(audit: Audit) -> Section:
    shape = audit.shape
    headcount = number(shape.headcount)
    if shape.groups:
        headcount += f": {shape.holders:,} holders of single posts, and {number(shape.group_fte)} posts in groups (by FTE)"
    pairs: list[tuple[str, str | Cell]] = [
        ("Headcount", headcount),
        ("Posts", f"{shape.posts:,}" + (f" ({plural(len(shape.job_shares), 'job share')})" if shape.job_shares else "")),
        *(
            [("Groups of posts (organogram junior rows)", f"{shape.groups:,} ({number(shape.group_fte)} FTE)")]
            if shape.groups
            else []
        ),
        ("Holders filled / vacant / not recorded", f"{shape.filled:,} / {shape.vacant:,} / {shape.holder_unrecorded:,}"),
        ("FTE", number(shape.fte)),
        ("Layers", str(shape.layers)),
        ("Managers", f"{shape.managers:,}"),
    ]
    spans = span_range(shape)
    if spans is not None:
        pairs.append(("Span of control (min / median / max)", spans))
    if shape.unreached:
        pairs.append(("Posts no top post reaches", Cell(f"{shape.unreached:,}", Tone.BAD)))
    blocks: list[Block] = [key_values(pairs)]
    if shape.spans:
        histogram = Table(["Span", "Managers", ""], numeric=frozenset({0, 1}), caption="Span of control")
        widest = max(count for _, count in shape.span_histogram)
        for span, count in shape.span_histogram:
            histogram.add(str(span), str(count), Cell("█" * max(1, round(30 * count / widest)), Tone.MUTED))
        blocks.append(histogram)
    if shape.one_over_one:
        graph = audit.run.graph
        blocks += _listed(
            "One-over-one managers",
            shape.one_over_one,
            lambda post: f"{post.id} ({post.title}) → {graph.single_reports(post.id)[0]}",
        )
    if shape.job_shares:
        blocks += _listed(
            "Job shares", shape.job_shares, lambda post: f"{post.id} ({post.title}): {holders_text(post)}; {number(post.fte)} FTE"
        )
    grouped = shape.groups > 0  # an organogram's junior rows: counted apart from single posts, as above
    tiers = Table(
        ["Tier", "Posts", *(["Groups of posts"] if grouped else []), "FTE"],
        numeric=frozenset(range(3 + grouped)),
        caption="Posts per tier",
    )
    for tier in shape.tiers:
        counts = [f"{tier.posts - tier.groups:,}", *([f"{tier.groups:,}"] if grouped else [])]
        tiers.add(str(tier.tier) if tier.tier is not None else "(none)", *counts, number(tier.fte))
    if shape.tiers:  # no posts, no table of them: a bare header says nothing
        blocks.append(tiers)
    return Section("Shape", blocks)


def _pay_table(first_column: str, lines: list[PayLine], total: PayLine, caption: str) -> Table:
    grouped = total.groups > 0  # an organogram's junior rows: counted apart from single posts
    counts = ["Posts", "Groups of posts"] if grouped else ["Posts"]
    table = Table(
        [first_column, *counts, "FTE", "Minimum", "Maximum", "Without pay data"],
        numeric=frozenset(range(1, 6 + grouped)),
        caption=caption,
        whole=frozenset({0}),
    )
    for line in [*lines, total]:
        unpaid = len(line.without_pay) == line.posts  # nothing to add up: a dash, not £0
        table.add(
            line.label,
            f"{line.posts - line.groups:,}",
            *([f"{line.groups:,}"] if grouped else []),
            number(line.fte),
            "—" if unpaid else money(line.minimum),
            "—" if unpaid else money(line.maximum),
            Cell(f"{len(line.without_pay):,}", Tone.WARN if line.without_pay else None),
        )
    return table


def _pay_bill(audit: Audit) -> Section:
    pay = audit.pay
    missing = pay.total.without_pay
    paid = pay.total.posts - len(missing)
    if paid:
        paid_groups = pay.total.groups - sum(post.group for post in missing)
        said = (
            f"Each post's salary range times its FTE: {money(pay.total.minimum)} to {money(pay.total.maximum)} a year "
            f"for {posts_and_groups(paid, paid_groups)} with pay data."
        )
    else:  # not £0: nothing is known
        said = "No post gives its pay (a salary range), so there is no pay bill to add up."
    blocks: list[Block] = [
        Paragraph(said, tone=None if paid else Tone.WARN),
        _pay_table("Department", pay.by_department, pay.total, "By department"),
        _pay_table("Tier", pay.by_tier, pay.total, "By tier"),
    ]
    if missing and paid:  # with none paid, the list would be every post
        blocks.append(
            Paragraph(f"{plural(len(missing), 'post')} without pay data (not counted): {post_list(missing)}", tone=Tone.WARN)
        )
    if audit.senior_pay is not None:
        blocks += _senior_pay(audit.senior_pay)
    return Section("Pay bill", blocks)


def _senior_pay(pay: SeniorPay) -> list[Block]:
    """The pay multiple and the posts paid £50,000 or more, each post taken at the midpoint of its
    salary range (the figures a council publishes count each employee's taxable earnings of the
    year, which a structure does not hold)."""
    multiple = pay.multiple
    if multiple is None:
        said = "Indicative pay multiple: no single post has pay data to work it out from."
    else:
        groups = multiple.groups_left_out
        here = f", here {plural(groups, 'group')} with pay data" if groups else ""
        said = (
            f"Indicative pay multiple: {multiple.ratio:.2f} : 1, the highest salary, {money(multiple.highest_salary)} "
            f"({multiple.highest.id}), to the median, {money(multiple.median_salary)}, of "
            f"{plural(multiple.posts, 'single post')} with pay data, each counted once at the midpoint of its range "
            f"(a full-time figure, whatever its FTE; vacancies included). Groups of posts are left out{here}. "
            "It is not the figure the Local Government Transparency Code 2015 has a council publish, which takes "
            "the year's taxable earnings of the whole workforce: junior staff, whom a structure holds as groups "
            "or not at all, would pull that median down."
        )
        if multiple.unpaid_above:
            unpaid = multiple.unpaid_above
            said += (
                f" {post_list(unpaid)}, above {multiple.highest.id}, {'has' if len(unpaid) == 1 else 'have'} no pay data: "
                "the highest salary may be higher, and the multiple understated."
            )
    brackets = (
        "Posts paid £50,000 or more, in £5,000 brackets, as a council's statement of accounts notes them "
        "(Accounts and Audit Regulations 2015, reg 7(3) and Schedule 1 para 1), each single post at the midpoint of its range "
        "(groups of posts left out)"
    )
    if not pay.paid:  # not "none": nothing is known
        return [Paragraph(said), Paragraph(f"{brackets}: not known, since no single post gives its pay.")]
    blocks: list[Block] = [Paragraph(said), Paragraph(f"{brackets}{':' if pay.brackets else ': none.'}")]
    if pay.brackets:
        table = Table(["Salary", "Posts"], numeric=frozenset({1}), whole=frozenset({0}))
        for low, posts in pay.brackets:
            table.add(f"{money(low)}–{money(low + SENIOR_PAY_BRACKET - 1)}", f"{posts:,}")
        blocks.append(table)
    return blocks


def _evaluation(coverage: EvaluationCoverage) -> Section:
    in_scope = len(coverage.in_scope)

    def figure(posts: list[Post], tone: Tone) -> Cell:
        return Cell(f"{len(posts):,}", tone if posts else None)

    pairs: list[tuple[str, str | Cell]] = [
        ("Posts that need a record", f"{in_scope:,} ({coverage.scope})"),
        ("Evaluated", Cell(f"{len(coverage.evaluated):,}", Tone.GOOD if len(coverage.evaluated) == in_scope else None)),
        ("Missing a record", figure(coverage.missing, Tone.BAD)),
        ("Incomplete records", figure(coverage.incomplete, Tone.BAD)),
        ("Stale (before the profile changed, or future-dated)", figure(coverage.stale, Tone.BAD)),
        ("Evaluated at another grade", figure(coverage.grade_mismatch, Tone.BAD)),
    ]
    bands = Table(
        ["Check", "Conforming", "Outside", "Not checkable"], numeric=frozenset({1, 2, 3}), caption="Grade-band conformance"
    )
    bands.add(
        "Grade allowed for the level",
        f"{len(coverage.grade_in_band):,}",
        figure(coverage.grade_outside_band, Tone.BAD),
        f"{len(coverage.grade_unchecked):,}",
    )
    bands.add(
        "Salary within the grade's pay band",
        f"{len(coverage.pay_in_band):,}",
        figure(coverage.pay_outside_band, Tone.BAD),
        f"{len(coverage.pay_unchecked):,}",
    )
    lists = [
        (label, posts)
        for label, posts in (
            ("Missing", coverage.missing),
            ("Incomplete", coverage.incomplete),
            ("Stale", coverage.stale),
            ("Another grade", coverage.grade_mismatch),
            ("Grade outside the level's band", coverage.grade_outside_band),
            ("Salary outside the grade's band", coverage.pay_outside_band),
        )
        if posts
    ]
    blocks: list[Block] = [key_values(pairs), bands]
    if lists:
        blocks.append(Bullets([f"{label}: {post_list(posts)}" for label, posts in lists]))
    return Section("Evaluation coverage", blocks)
