"""The report as one self-contained HTML page: a summary, the org chart, the findings list, then the
other sections. No scripts, fonts or images are fetched: it opens offline, and reads with no script.

The chart is an indented outline, not a wide drawing, so it fits any window: each manager's team
is a ``<details>`` block, open where a post with findings lies below, folded with its counts
elsewhere; a post that heads a department heads the department's block, which carries the
department's own findings. Each finding's code is on its post's box, linked to the finding in the
list, which links back to the box. In print (A4 landscape) the summary and the findings come first,
then the chart with every block open, each top-level department on its own pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import TextIO

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Post
from orglint.output.document import SEVERITY_MARKS, Bullets, Cell, Paragraph, Section, Table
from orglint.output.figures import entries, number, plural, posts_and_groups
from orglint.output.outline import Node, department_blocks, depth_within, heads_department, outline
from orglint.output.report import SEVERITY_TITLES, audit_parts, location, unreadable_section
from orglint.report.audit import Audit, Report
from orglint.report.departments import DepartmentLabels, department_labels
from orglint.report.post_findings import PostFindings, off_posts, place
from orglint.report.statutory import is_vacant
from orglint.safe_text import safe_text

MAX_CHART_POSTS = 20_000
"""Beyond this many posts the chart shows the top layers only (the tables cover every post): the
page stays a few megabytes."""

DEEPEST_INDENT = 10
"""Layers of the outline indented and folded; the posts deeper than this are listed flat in their
layer-10 manager's block, each saying its layer, so a deep structure never pushes the chart off the
page (nor nests the page deeper than a browser reads)."""


def _severity_count(count: int, severity: Severity) -> str:
    """``3 errors``, ``1 warning``, ``2 info``: the words of every other output (``check``'s
    summary, the report's columns), "info" being a mass noun there."""
    return f"{count:,} {severity.label}" if severity is Severity.INFO else plural(count, severity.label)


_CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #8c959f; --rule: #d0d7de;
  --bad: #a40e26; --bad-line: #cf222e; --bad-bg: #ffebe9; --warn: #7d4e00; --warn-line: #bf8700; --warn-bg: #fff8c5;
  --info: #0550ae; --info-line: #0969da; --info-bg: #ddf4ff; --good: #116329; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 1.5rem;
  overflow-wrap: break-word; }
h1 { font-size: 1.6rem; border-bottom: 2px solid var(--ink); padding-bottom: .3rem; margin-top: 0; }
h2 { font-size: 1.25rem; margin-top: 1.6rem; border-bottom: 1px solid var(--rule); }
a:link, a:visited { color: inherit; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--rule); padding: .25rem .55rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary td + td { overflow-wrap: anywhere; }  /* the values: a long path may break anywhere on a phone */
.good { color: var(--good); } .bad { color: var(--bad); font-weight: 600; } .warn { color: var(--warn); }
.muted { color: var(--muted); } p.strong { font-weight: 600; }
.figures { font-size: 1.05rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: .4rem .6rem; border: 1px solid var(--rule);
  border-radius: 4px; background: #f6f8fa; font-size: 13px; }

.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree li { margin: .3rem 0; min-width: 0; }
/* each layer's indent narrows with the window, so ten layers leave room on a phone */
.tree ul.team { margin-left: clamp(.2rem, 1vw, .55rem); padding-left: clamp(.35rem, 2vw, 1rem);
  border-left: 1px solid var(--line); }
.tree ul.deep { padding-left: .5rem; }
.layer { color: var(--muted); font-size: 12px; margin-right: .4rem; }
.tree ul.leaves { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); gap: .3rem;
  margin: .3rem 0 .3rem clamp(.2rem, 1vw, .55rem); padding-left: clamp(.35rem, 2vw, 1rem); border-left: 1px solid var(--line); }
.tree ul.leaves li { margin: 0; }
.tree ul.leaves .post { display: block; height: 100%; }
.tree ul.leaves .department-group { grid-column: 1 / -1; margin-top: .3rem; }
summary { cursor: pointer; list-style: none; display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; }
summary::-webkit-details-marker { display: none; }
summary::before { content: "▸"; width: 1ch; color: var(--muted); }
details[open] > summary::before { content: "▾"; }
.count { color: var(--muted); font-size: 12px; }
.count.flagged { color: var(--bad); font-weight: 600; }
.department { margin-top: .6rem; }
.department > summary { padding: .2rem .4rem; background: #f6f8fa; border: 1px solid var(--rule); border-radius: 4px; }
.department-name { display: block; font-weight: 700; font-size: 15px; flex: 1 0 calc(100% - 2ch); }
.department-group .department-name { font-size: 13.5px; }
.department-findings { flex-basis: 100%; }
.department-findings > span { display: list-item; list-style: disc inside; }
.post { display: inline-block; max-width: 100%; padding: .2rem .45rem; overflow-wrap: anywhere;
  border: 1px solid var(--line); border-radius: 4px; background: #fff; font-size: 12.5px; line-height: 1.35; }
.post:target, .finding:target { outline: 3px solid var(--info-line); outline-offset: 2px; }
.post > * { margin-right: .45rem; } .post > :last-child { margin-right: 0; }
/* a post's id is never split at its hyphens; a long one, or a group's key (grade, title, ...), wraps */
.post > b, a[href^="#post-"] { white-space: nowrap; }
.post > b.wraps, a.wraps { white-space: normal; }
.post > b { font-weight: 700; }
.post > small { color: var(--muted); font-size: inherit; }
.post .codes { font-weight: 700; }
.post .codes > a:link, .post .codes > a:visited { margin-right: .3rem; white-space: nowrap; }
.post.flagged { border-width: 2px; }
.post.error { border-color: var(--bad-line); background: var(--bad-bg); } .post.error .codes { color: var(--bad); }
.post.warning { border-color: var(--warn-line); background: var(--warn-bg); } .post.warning .codes { color: var(--warn); }
.post.info { border-color: var(--info-line); background: var(--info-bg); } .post.info .codes { color: var(--info); }
.post.vacant { border-style: dashed; }
.tag { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 0 .25rem;
  border: 1px solid currentColor; border-radius: 3px; }
.more { color: var(--muted); font-size: 11.5px; }
.findings table { width: 100%; }
.finding .code { font-weight: 700; }
@media screen {
  .audit { display: flex; flex-direction: column; }
  .audit > * { min-width: 0; }
  .audit > .summary { order: -2; }
  .audit > .chart { order: -1; }
}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; font-size: 11px; }
  .table-wrap { overflow: visible; }
  table { font-size: 10.5px; }
  details::details-content { content-visibility: visible; display: block; }
  summary::before, details[open] > summary::before { content: none; }
  .chart { break-before: page; }
  .department.top-level { break-before: page; }
  .post, summary, tr, table.whole { break-inside: avoid; }
  summary { break-after: avoid; }  /* a manager's box on the page of its team's first row */
  h1, h2, h3, caption, p.strong, p:has(+ .table-wrap) { break-after: avoid; }  /* a heading or a table's lead-in
     on the page of what it introduces */
  .on-screen { display: none; }
  a:link, a:visited { text-decoration: none; }
}
"""


def _cell(cell: Cell, tag: str, numeric: bool) -> str:
    classes = " ".join(filter(None, (cell.tone, "num" if numeric else None)))
    attribute = f' class="{classes}"' if classes else ""
    return f"<{tag}{attribute}>{escape(cell.text)}</{tag}>"


_KEPT_WHOLE_ROWS = 12
"""A table this short is printed on one page, not split after its first row or two."""


def _table_start(rows: int) -> str:
    return '<div class="table-wrap"><table class="whole">' if rows <= _KEPT_WHOLE_ROWS else '<div class="table-wrap"><table>'


def _table(table: Table) -> str:
    parts = [_table_start(len(table.rows))]
    if table.caption:
        parts.append(f"<caption>{escape(table.caption)}</caption>")
    if any(table.columns):
        header = "".join(_cell(Cell(column), "th", index in table.numeric) for index, column in enumerate(table.columns))
        parts.append(f"<thead><tr>{header}</tr></thead>")
    parts.append("<tbody>")
    for row in table.rows:
        parts.append("<tr>" + "".join(_cell(cell, "td", index in table.numeric) for index, cell in enumerate(row)) + "</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def _blocks(section: Section) -> list[str]:
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
    return parts


def _section(section: Section) -> str:
    return "<section>" + "\n".join(_blocks(section)) + "</section>"


def _text(text: str) -> str:
    """User data outside the sections (the chart's boxes, the page title) as HTML: made safe to
    show, then escaped (quotes too, for attributes)."""
    return escape(safe_text(text))


_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:-]+")


class _Anchors:
    """The page's link targets: a box for each post drawn, a block for each department, a row for
    each finding. A post's or department's own id is used where it is plain (letters, digits and
    ``_.:-``), so a link can be written by hand (``report.html#post-CE``); any other is numbered."""

    def __init__(self) -> None:
        self._posts: dict[str, str] = {}
        self._departments: dict[str, str] = {}
        self._findings: dict[int, str] = {}

    @staticmethod
    def _name(prefix: str, key: str, taken: dict[str, str]) -> str:
        # "~" never occurs in a plain id, so a numbered anchor cannot meet a plain one
        return f"{prefix}-{key}" if _PLAIN_ID.fullmatch(key) else f"{prefix}~{len(taken)}"

    def post(self, post_id: str, number: int | None = None) -> str:
        """The box of the post with this id; of the ``number``th of the posts that share it, from
        the second (``post-HOS-C2~2``: "~" is in no plain id, and follows a numbered one's number)."""
        if post_id not in self._posts:
            self._posts[post_id] = self._name("post", post_id, self._posts)
        return self._posts[post_id] + (f"~{number}" if number is not None and number > 1 else "")

    def department(self, department_id: str) -> str:
        if department_id not in self._departments:
            self._departments[department_id] = self._name("department", department_id, self._departments)
        return self._departments[department_id]

    def finding(self, diagnostic: Diagnostic) -> str:
        # a Diagnostic is unhashable (a mutable dataclass): each is known by its identity
        key = id(diagnostic)
        if key not in self._findings:
            self._findings[key] = f"finding-{len(self._findings) + 1}"
        return self._findings[key]


@dataclass
class _Chart:
    """What drawing one structure's chart needs to know, and what it learns as it draws."""

    findings_by_post: PostFindings
    posts: Mapping[str, Post] = field(default_factory=dict)
    """The posts the reporting lines hold, by id (``OrgGraph.posts``): a finding's post, where no other shares its id."""
    findings_by_department: dict[str, list[Diagnostic]] = field(default_factory=dict)
    department_names: DepartmentLabels = field(default_factory=DepartmentLabels)
    anchors: _Anchors = field(default_factory=_Anchors)
    drawn: set[int] = field(default_factory=set)
    """Posts with a box in the chart, by identity (the findings list links only to those)."""
    headed: set[str] = field(default_factory=set)
    """Departments with a block in the chart (the first one of each holds its findings)."""
    department_posts: Counter[str | None] = field(default_factory=Counter)
    """Each department's posts, every post written (as the pay bill counts them)."""
    blocks: dict[int, list[Post]] = field(default_factory=dict)
    """The posts of its department in each department block of the chart (``department_blocks``)."""

    def department_counts(self, department: str, posts: list[Post]) -> str:
        """What a department's block heading counts: the department's own posts in the block (not
        another department's nested in it), said to be some of the department's posts where others
        are elsewhere, and those with findings."""
        total = self.department_posts[department]
        if len(posts) == total:
            counted = entries(posts)
        elif any(post.group for post in posts):
            counted = f"{entries(posts)} of its {total:,}"
        else:
            counted = f"{len(posts):,} of its {plural(total, 'post')}"
        flagged = sum(1 for post in posts if self.findings_by_post.of(post))
        return f": {counted}" + (f", {flagged:,} with findings" if flagged else "")


def _findings_by_department(audit: Audit) -> dict[str, list[Diagnostic]]:
    """The findings about a department rather than a post (B101, C101), by department id: the
    chart draws them on the department's block."""
    return {department: found for department, found in off_posts(audit.compliance.findings()).items() if department}


def _code_links(findings: list[Diagnostic], anchors: _Anchors) -> str:
    return "".join(
        f'<a href="#{anchors.finding(finding)}" title="{_text(finding.message)}">'
        f"{SEVERITY_MARKS[finding.severity]}\u00a0{escape(finding.code)}</a>"
        for finding in findings
    )


def _post_box(post: Post, chart: _Chart, below: str = "") -> str:
    chart.drawn.add(id(post))
    findings = chart.findings_by_post.of(post)
    sharer = chart.findings_by_post.number(post)
    classes = ["post"]
    codes = ""
    if findings:
        classes += ["flagged", max(finding.severity for finding in findings).label]
        codes = f'<span class="codes">{_code_links(findings, chart.anchors)}</span>'
    vacant = is_vacant(post)
    if vacant:
        classes.append("vacant")
    meta = " · ".join(
        filter(
            None,
            (
                post.grade,
                ", ".join(post.designations),
                f"group of {number(post.fte)} FTE" if post.group else None,
                place(post) if sharer is not None else None,  # another post has its id (S001): where each is tells them apart
            ),
        )
    )
    # a span, as a summary holds only phrasing content; short tags (b: the id, small: grade and
    # designations), as a box is written up to 20,000 times
    return (
        f'<span class="{" ".join(classes)}" id="{chart.anchors.post(post.id, sharer)}">'
        f"<b{_wraps(post)}>{_text(post.id)}</b><span>{_text(post.title)}</span>"
        + (f"<small>{_text(meta)}</small>" if meta else "")
        + ('<span class="tag">vacant</span>' if vacant else "")
        + codes
        + below
        + "</span>"
    )


@dataclass
class _Team:
    """The counts shown on a post's folded block."""

    posts: int = 0
    """Posts below it (those left undrawn by the depth limit included), groups of posts among them."""
    groups: int = 0
    """Groups of posts (an organogram's junior rows) drawn below it."""
    flagged: int = 0
    """Posts below it drawn with findings."""


def _teams(roots: list[Node], findings: PostFindings) -> dict[int, _Team]:
    """The counts below each drawn node, by the node's identity; a walk without recursion."""
    order: list[tuple[Node, Node | None]] = []
    stack: list[tuple[Node, Node | None]] = [(root, None) for root in roots]
    while stack:
        node, parent = stack.pop()
        order.append((node, parent))
        stack.extend((child, node) for child in node.children)
    teams = {id(node): _Team(posts=node.hidden) for node, _ in order}
    for node, parent in reversed(order):  # every node after its parent, so children are summed first
        if parent is not None:
            team, parent_team = teams[id(node)], teams[id(parent)]
            parent_team.posts += team.posts + 1
            parent_team.groups += team.groups + node.post.group
            parent_team.flagged += team.flagged + (1 if findings.of(node.post) else 0)
    return teams


def _count_text(team: _Team) -> str:
    flagged = f", {team.flagged:,} with findings" if team.flagged else ""
    below = posts_and_groups(team.posts, team.groups)
    return f'<span class="count{" flagged" if team.flagged else ""}">{below} below{flagged}</span>'


def _department_heading(department: str, counts: str, chart: _Chart) -> str:
    """The heading of a department's block: its name and counts, and its own findings (on its first
    block, which is their link target)."""
    first = department not in chart.headed
    chart.headed.add(department)
    name = chart.department_names[department]
    anchor = f' id="{chart.anchors.department(department)}" data-department="{_text(department)}"' if first else ""
    heading = f'<span class="department-name"{anchor}>{_text(name)}{counts}</span>'
    findings = chart.findings_by_department.get(department, []) if first else []
    if findings:
        heading += (
            '<span class="department-findings">'
            + "".join(f"<span>{_code_links([finding], chart.anchors)} {_text(finding.message)}</span>" for finding in findings)
            + "</span>"
        )
    return heading


def _tree(roots: list[Node], chart: _Chart) -> str:
    """The outline: written with a stack, not recursion (a structure may be thousands deep)."""
    teams = _teams(roots, chart.findings_by_post)
    parts: list[str] = ['<ul class="tree">']
    # each entry: (node, its manager's department, layer, whether a department below the top encloses it),
    # or closing text
    stack: list[tuple[Node, str | None, int, bool] | str] = ["</ul>"]
    stack.extend((root, None, 0, False) for root in reversed(roots))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        node, manager_department, layer, enclosed = item
        post, team = node.post, teams[id(node)]
        heading = ""
        if post.department is not None and heads_department(post.department, manager_department):
            heading = _department_heading(
                post.department, chart.department_counts(post.department, chart.blocks[id(node)]), chart
            )
        box = _post_box(
            post, chart, f'<span class="more">{plural(node.hidden, "post")} below, not drawn</span>' if node.hidden else ""
        )
        if layer > DEEPEST_INDENT:
            # past the deepest indent, one flat list item per post saying its layer, its team after it: a
            # browser flattens elements nested some hundreds deep, so the page's nesting stops here
            count = _count_text(team) if node.children else ""
            parts.append(f'<li><span class="layer">layer {layer + 1:,}</span>{heading}{box}{count}</li>')
            stack.extend((child, post.department, layer + 1, True) for child in reversed(node.children))
            continue
        if not node.children:  # a root alone
            parts.append(f"<li>{heading}{box}</li>")
            continue
        # a department that starts below the top post starts a new page in print
        block = (' class="department top-level"' if not enclosed else ' class="department"') if heading else ""
        opened = " open" if layer == 0 or team.flagged > 0 else ""  # the top, and the path to every post with findings
        parts.append(f"<li><details{block}{opened}><summary>{heading}{box}{_count_text(team)}</summary>")
        stack.append("</details></li>")
        inside = enclosed or bool(heading and layer > 0)
        if layer == DEEPEST_INDENT:
            stack.append("</ul>")
            stack.extend((child, post.department, layer + 1, inside) for child in reversed(node.children))
            stack.append('<ul class="team deep">')
            continue
        branches = [child for child in node.children if child.children]
        leaves = [child for child in node.children if not child.children]
        if branches:
            stack.append("</ul>")
            stack.extend((child, post.department, layer + 1, inside) for child in reversed(branches))
            stack.append('<ul class="team">')
        if leaves:  # drawn now, as a grid of boxes
            parts.append(_leaves(post, leaves, chart))
    return "".join(parts)


def _leaves(manager: Post, leaves: list[Node], chart: _Chart) -> str:
    """A manager's reports with no team of their own, as a grid of boxes; those of another
    department than the manager's under their department's heading."""
    parts = ['<ul class="leaves">']
    by_department: dict[str | None, list[Node]] = {}
    for leaf in leaves:
        department = leaf.post.department if leaf.post.department != manager.department else None
        by_department.setdefault(department, []).append(leaf)
    for department, group in by_department.items():
        if department is not None:  # each leaf starts a block of its department: counted together
            counts = chart.department_counts(department, [post for leaf in group for post in chart.blocks[id(leaf)]])
            parts.append(f'<li class="department-group">{_department_heading(department, counts, chart)}</li>')
        for leaf in group:
            more = f'<span class="more">{plural(leaf.hidden, "post")} below, not drawn</span>' if leaf.hidden else ""
            parts.append(f"<li>{_post_box(leaf.post, chart, more)}</li>")
    parts.append("</ul>")
    return "".join(parts)


_LEGEND = (
    '<div class="legend" role="note"><strong>Legend</strong>'
    '<span><span class="post flagged error"><span class="codes">✖ CODE</span></span> error</span>'
    '<span><span class="post flagged warning"><span class="codes">▲ CODE</span></span> warning</span>'
    '<span><span class="post flagged info"><span class="codes">● CODE</span></span> info</span>'
    '<span><span class="post vacant"><span class="tag">vacant</span></span> nobody holds the post</span>'
    '<span class="on-screen">▸ a folded team: select it to open; teams with findings are open</span>'
    '<span class="on-screen">each code links to its finding below; each finding links back to its post</span></div>'
)


def _chart(audit: Audit, chart: _Chart) -> str:
    graph = audit.run.graph
    depth = depth_within(graph, MAX_CHART_POSTS)
    tree = outline(graph, depth=depth)
    chart.blocks = department_blocks(tree.roots, graph)
    chart.department_posts = Counter(post.department for post in audit.run.structure.posts)
    parts = ['<section class="chart" aria-label="Org chart">', "<h2>Org chart</h2>", _LEGEND]
    if tree.hidden:
        parts.append(
            f'<p class="muted">The chart shows the top {(depth or 0) + 1} layers; '
            f"{tree.hidden:,} posts below them are counted on the boxes, and covered by the tables.</p>"
        )
    organisation_wide = off_posts(audit.compliance.findings()).get(None, [])
    if organisation_wide:
        parts.append(
            '<p class="organisation-findings">The whole organisation: '
            + "; ".join(f"{_code_links([finding], chart.anchors)} {_text(finding.message)}" for finding in organisation_wide)
            + "</p>"
        )
    parts.append(_tree(tree.roots, chart))
    if tree.outside:
        parts.append(f"<h3>Outside the reporting lines: {entries(tree.outside)}</h3>")
        parts.append('<div class="tree"><ul class="leaves">')
        for post in tree.outside:
            parts.append(f"<li>{_post_box(post, chart)}</li>")
        parts.append("</ul></div>")
    unheaded = [department for department in chart.findings_by_department if department not in chart.headed]
    if unheaded:
        parts.append("<h3>Departments no post heads in the chart</h3>")
        parts.extend(f'<div class="department">{_department_heading(department, "", chart)}</div>' for department in unheaded)
    parts.append("</section>")
    return "\n".join(parts)


def _findings(audit: Audit, chart: _Chart) -> str:
    """Every finding, by severity and rule; each links to its post's box (or its department's block)."""
    parts = ['<section class="findings">', "<h2>Findings by severity</h2>"]
    for severity, groups in audit.compliance.by_severity.items():
        if not groups:
            continue
        count = sum(len(group.findings) for group in groups)
        parts.append(f'<p class="strong">{SEVERITY_MARKS[severity]} {SEVERITY_TITLES[severity]} ({count:,})</p>')
        for group in groups:
            parts.append(
                _table_start(len(group.findings))
                + f"<caption>{SEVERITY_MARKS[severity]} {_text(group.code)} {_text(group.name)}. "
                f"Basis: {_text(group.basis)}</caption>"
                "<thead><tr><th>Post or department</th><th>Finding</th><th>Location</th></tr></thead><tbody>"
            )
            for finding in group.findings:
                parts.append(
                    f'<tr class="finding" id="{chart.anchors.finding(finding)}"><td>{_subject(finding, chart)}</td>'
                    f'<td><span class="code">{_text(finding.code)}</span> {_text(finding.message)}</td>'
                    f"<td>{_text(location(finding))}</td></tr>"
                )
            parts.append("</tbody></table></div>")
    if len(parts) == 2:
        parts.append('<p class="good">No findings.</p>')
    parts.append("</section>")
    return "\n".join(parts)


_LONGEST_KEPT_WHOLE = 24
"""A post's id up to this long is never broken over two lines; a longer one would run out of a
narrow screen's box."""


def _wraps(post: Post) -> str:
    """The class of an id that may wrap: a group's key (grade, title, ...), or an id too long to
    keep on one line of a phone's box."""
    return ' class="wraps"' if post.group or len(post.id) > _LONGEST_KEPT_WHOLE else ""


def _subject(finding: Diagnostic, chart: _Chart) -> str:
    """The finding's post or department, linked to its place in the chart where it is drawn."""
    if finding.post is not None:
        text = _text(finding.post)
        post = chart.findings_by_post.post_of(finding) or chart.posts.get(finding.post)
        if post is None or id(post) not in chart.drawn:
            return text
        return f'<a{_wraps(post)} href="#{chart.anchors.post(post.id, chart.findings_by_post.number(post))}">{text}</a>'
    if finding.department is not None:
        name = _text(chart.department_names.get(finding.department, finding.department))
        return f'<a href="#{chart.anchors.department(finding.department)}">{name}</a>'
    return '<span class="muted">the organisation</span>'


def _figures(audit: Audit, chart: _Chart) -> str:
    """The summary's one line of figures."""
    posts = audit.run.structure.posts  # every post written, as check counts them
    severities = Counter(finding.severity for finding in audit.compliance.findings())
    counted = ", ".join(
        f"{SEVERITY_MARKS[severity]} {_severity_count(severities[severity], severity)}"
        for severity in sorted(Severity, reverse=True)
    )
    flagged = sum(1 for post in posts if chart.findings_by_post.of(post))
    return (
        f'<p class="figures">{entries(posts)} in {plural(len(audit.run.structure.departments), "department")}; '
        f"{plural(flagged, 'post')} with findings. Findings: {counted}.</p>"
    )


def _audit(audit: Audit) -> str:
    chart = _Chart(
        findings_by_post=audit.findings_by_post,
        posts=audit.run.graph.posts,
        findings_by_department=_findings_by_department(audit),
        department_names=department_labels(audit.run),
    )
    sections = audit_parts(audit)  # but the findings, drawn here with their links
    drawn_chart = _chart(audit, chart)  # first: the findings list links only to posts it drew
    summary = '<section class="summary">' + "\n".join(_blocks(sections.header)) + _figures(audit, chart) + "</section>"
    # the order for print and for reading without styles; on screen the chart comes second
    others = (_section(section) for section in sections.rest)
    body = [summary, _section(sections.compliance), _findings(audit, chart), *others, drawn_chart]
    return '<article class="audit">\n' + "\n".join(body) + "\n</article>"


def render(title: str, report: Report, stream: TextIO) -> None:
    body = [_audit(audit) for audit in report.audits]
    if report.unreadable:
        body.append(_section(unreadable_section(report.unreadable)))
    stream.write(
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{_text(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
