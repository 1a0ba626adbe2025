"""``orglint tree``: the structure as a rich tree, each post with its title, grade and
designations, and the codes of its findings marked beside it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.output.outline import Node, outline
from orglint.report.audit import marks
from orglint.safe_text import safe_text

_MARKS = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _shown(text: str) -> str:
    """User data as rich markup that shows it as it is, made safe to show."""
    return escape(safe_text(text))


def _label(post: Post, findings: list[Diagnostic], hidden: int) -> str:
    parts = [f"[bold]{_shown(post.id)}[/]", _shown(post.title)]
    if post.grade:
        parts.append(f"[dim]{_shown(post.grade)}[/]")
    if post.designations:
        parts.append(f"[cyan]{_shown(', '.join(post.designations))}[/]")
    if findings:
        worst, codes = marks(findings)
        parts.append(f"[{_MARKS[worst]}]✗ {', '.join(codes)}[/]")
    if hidden:
        parts.append(f"[dim]… {hidden:,} more below[/]")
    return " ".join(parts)


def render(
    run: StructureRun, findings: dict[str, list[Diagnostic]], console: Console, start: str | None, depth: int | None
) -> None:
    organisation = run.structure.organisation
    heading = organisation.name if organisation is not None else run.structure.root.display
    tree = Tree(f"[bold underline]{_shown(heading)}[/] [dim]({_shown(run.structure.root.display)})[/]", guide_style="dim")
    drawn = outline(run.graph, start, depth)
    stack: list[tuple[Tree, Node]] = [(tree, node) for node in reversed(drawn.roots)]
    while stack:  # no recursion: structures may be thousands of layers deep
        parent, node = stack.pop()
        branch = parent.add(_label(node.post, findings.get(node.post.id, []), node.hidden))
        stack.extend((branch, child) for child in reversed(node.children))
    if drawn.outside:
        outside = tree.add(f"[bold red]Outside the reporting lines ({len(drawn.outside):,})[/]")
        for post in drawn.outside:
            outside.add(_label(post, findings.get(post.id, []), 0))
    console.print(tree)
