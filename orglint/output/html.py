"""The report as one self-contained HTML page: the sections, and an org chart in which posts
with findings are highlighted. No scripts, fonts or images are fetched: it opens offline."""

from __future__ import annotations

from html import escape
from typing import TextIO

from orglint.diagnostics import Diagnostic
from orglint.model.schema import Post
from orglint.output.document import Bullets, Cell, Paragraph, Section, Table
from orglint.output.outline import Node, depth_within, outline
from orglint.output.report import audit_sections, unreadable_section
from orglint.report.audit import Audit, Report, marks
from orglint.safe_text import safe_text

MAX_CHART_POSTS = 1500
"""Beyond this many posts the chart shows the top layers only (the tables cover every post)."""

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #8c959f; --bad: #cf222e; --warn: #9a6700; --good: #1a7f37;
        --bad-bg: #ffebe9; --warn-bg: #fff8c5; --info-bg: #ddf4ff; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 2rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid var(--ink); padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; margin: .6rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .55rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.good { color: var(--good); } .bad { color: var(--bad); font-weight: 600; } .warn { color: var(--warn); }
.muted { color: var(--muted); } p.strong { font-weight: 600; }
.chart { overflow-x: auto; padding: 1rem 0; }
.orgchart { width: max-content; min-width: 100%; }  /* as wide as the tree, so the chart scrolls instead of clipping */
.orgchart ul { display: flex; justify-content: center; position: relative; margin: 0; padding: 18px 0 0; }
.orgchart li { list-style: none; position: relative; padding: 18px 3px 0; text-align: center; }
.orgchart li::before, .orgchart li::after { content: ""; position: absolute; top: 0; right: 50%; width: 50%;
  height: 18px; border-top: 1px solid var(--line); }
.orgchart li::after { right: auto; left: 50%; border-left: 1px solid var(--line); }
.orgchart li:only-child::before, .orgchart li:only-child::after { display: none; }
.orgchart li:only-child { padding-top: 0; }
.orgchart li:first-child::before, .orgchart li:last-child::after { border: 0 none; }
.orgchart li:last-child::before { border-right: 1px solid var(--line); }
.orgchart ul ul::before { content: ""; position: absolute; top: 0; left: 50%; height: 18px; border-left: 1px solid var(--line); }
.orgchart > ul { padding-top: 0; }
.orgchart ul.leaves { flex-direction: column; align-items: center; }
.orgchart ul.leaves li { padding: 6px 0 0; }
.orgchart ul.leaves li::before, .orgchart ul.leaves li::after { display: none; }
.post { display: inline-block; min-width: 7.5rem; max-width: 11rem; padding: .3rem .45rem; border: 1px solid var(--line);
  border-radius: 4px; background: #fff; font-size: 12px; line-height: 1.3; }
.post .id { font-weight: 600; display: block; } .post .meta { color: var(--muted); display: block; }
.post .codes { display: block; font-weight: 600; }
.post.flagged { border-width: 2px; }
.post.error { border-color: var(--bad); background: var(--bad-bg); } .post.error .codes { color: var(--bad); }
.post.warning { border-color: var(--warn); background: var(--warn-bg); } .post.warning .codes { color: var(--warn); }
.post.info { border-color: #0969da; background: var(--info-bg); }
.more { display: block; color: var(--muted); font-size: 11px; }
.legend span { display: inline-block; margin-right: 1rem; }
"""


def _cell(cell: Cell, tag: str, numeric: bool) -> str:
    classes = " ".join(filter(None, (cell.tone, "num" if numeric else None)))
    attribute = f' class="{classes}"' if classes else ""
    return f"<{tag}{attribute}>{escape(cell.text)}</{tag}>"


def _table(table: Table) -> str:
    parts = ["<table>"]
    if table.caption:
        parts.append(f"<caption>{escape(table.caption)}</caption>")
    if any(table.columns):
        header = "".join(_cell(Cell(column), "th", index in table.numeric) for index, column in enumerate(table.columns))
        parts.append(f"<thead><tr>{header}</tr></thead>")
    parts.append("<tbody>")
    for row in table.rows:
        parts.append("<tr>" + "".join(_cell(cell, "td", index in table.numeric) for index, cell in enumerate(row)) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _section(section: Section) -> str:
    level = min(section.level, 3)
    parts = [f"<h{level}>{escape(section.title)}</h{level}>"]
    for block in section.blocks:
        if isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Paragraph):
            classes = " ".join(filter(None, (block.tone, "strong" if block.strong else None)))
            parts.append(f'<p class="{classes}">{escape(block.text)}</p>' if classes else f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>")
    return "\n".join(parts)


def _text(text: str) -> str:
    """User data outside the sections (the chart's boxes, the page title) as HTML: made safe to
    show, then escaped (quotes too, for attributes)."""
    return escape(safe_text(text))


def _post_box(post: Post, findings: list[Diagnostic], hidden: int) -> str:
    classes = ["post"]
    title = ""
    codes = ""
    if findings:
        worst, flagged = marks(findings)
        classes += ["flagged", worst.label]
        title = "\n".join(f"{finding.code} {finding.message}" for finding in findings)
        codes = f'<span class="codes">{escape(", ".join(flagged))}</span>'
    meta = " · ".join(filter(None, (post.grade, ", ".join(post.designations))))
    more = f'<span class="more">+{hidden:,} below</span>' if hidden else ""
    return (
        f'<div class="{" ".join(classes)}" data-post="{_text(post.id)}" title="{escape(title)}">'
        f'<span class="id">{_text(post.id)}</span>{_text(post.title)}'
        + (f'<span class="meta">{_text(meta)}</span>' if meta else "")
        + codes
        + more
        + "</div>"
    )


def _chart_list(nodes: list[Node], findings: dict[str, list[Diagnostic]]) -> str:
    """Nested lists drawn as a chart by the CSS; written with a stack, not recursion (deep structures)."""
    parts: list[str] = []
    # each entry: a node to open, or the closing text to emit
    stack: list[Node | str] = ["</ul>", *reversed(nodes)]
    parts.append("<ul>")
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        parts.append("<li>" + _post_box(item.post, findings.get(item.post.id, []), item.hidden))
        if item.children:
            leaves = len(item.children) > 2 and all(not child.children and not child.hidden for child in item.children)
            parts.append('<ul class="leaves">' if leaves else "<ul>")
            stack.append("</ul></li>")
            stack.extend(reversed(item.children))
        else:
            parts.append("</li>")
    return "".join(parts)


def _chart(audit: Audit) -> str:
    graph = audit.run.graph
    depth = depth_within(graph, MAX_CHART_POSTS)
    tree = outline(graph, depth=depth)
    parts = ["<h2>Org chart</h2>"]
    parts.append(
        '<p class="legend"><span class="bad">■ red: errors</span><span class="warn">■ amber: warnings</span>'
        '<span>blue: notes</span><span class="muted">hover a post for its findings</span></p>'
    )
    if tree.hidden:
        parts.append(
            f'<p class="muted">The chart shows the top {(depth or 0) + 1} layers; '
            f"{tree.hidden:,} posts below them are counted on the boxes, and covered by the tables.</p>"
        )
    parts.append(f'<div class="chart"><div class="orgchart">{_chart_list(tree.roots, audit.findings_by_post)}</div></div>')
    if tree.outside:
        parts.append(f"<h3>Posts outside the reporting lines ({len(tree.outside):,})</h3>")
        parts.append(
            '<div class="outside">'
            + " ".join(_post_box(post, audit.findings_by_post.get(post.id, []), 0) for post in tree.outside)
            + "</div>"
        )
    return "\n".join(parts)


def render(title: str, report: Report, stream: TextIO) -> None:
    body = []
    for audit in report.audits:
        body.append('<article class="audit">')
        sections = audit_sections(audit)
        body.extend(_section(section) for section in sections[:1])
        body.append(_chart(audit))
        body.extend(_section(section) for section in sections[1:])
        body.append("</article>")
    if report.unreadable:
        body.append(_section(unreadable_section(report.unreadable)))
    stream.write(
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{_text(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
