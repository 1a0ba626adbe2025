"""``orglint tree``: the structure as a tree, each post with its title, grade and designations,
and the codes of its findings marked beside it. Colour only where rich would style it (its Tree
draws it, wrapping long lines under their guides); to a pipe or a file the same text is written
line by line without rich, whose per-node rendering would take several times as long as the
check itself on a large structure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import StructureRun
from orglint.model.organogram import KEY_SEPARATOR
from orglint.model.schema import Post
from orglint.output.document import SEVERITY_MARKS
from orglint.output.figures import number
from orglint.output.outline import Node, Outline, outline
from orglint.report.audit import marks
from orglint.report.departments import department_labels
from orglint.report.post_findings import PostFindings, by_post, off_posts, on_other_rows, place
from orglint.safe_text import safe_text

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}

Piece = tuple[str, str]
"""Some text of a label and its style (rich's style syntax; ``""`` for none)."""

_BRANCH, _LAST, _STEM, _SPACE = "├── ", "└── ", "│   ", "    "
"""The guides rich's Tree draws (its default, non-ASCII set), so both ways show the same tree."""


def _label(post: Post, findings: PostFindings, hidden: int) -> list[Piece]:
    # a group's id may be its key (an organogram's junior row: `17004 › EO › Caseworker`): what it
    # says already is not said again, and its size is
    said = set(post.id.split(KEY_SEPARATOR)) if post.group else set()
    pieces = [(safe_text(post.id), "bold")]
    if post.title not in said:
        pieces.append((safe_text(post.title), ""))
    if findings.number(post) is not None:  # another post has its id (S001): where each is tells them apart
        pieces.append((f"({safe_text(place(post))})", "dim"))
    if post.grade and post.grade not in said:
        pieces.append((safe_text(post.grade), "dim"))
    if post.group:
        pieces.append((f"{number(post.fte)} FTE", "dim"))
    if post.designations:
        pieces.append((safe_text(", ".join(post.designations)), "cyan"))
    own, other_rows = on_other_rows(post, findings.of(post))
    if own:
        pieces += _marked(own)
    for row, found in sorted(other_rows.items()):  # another row giving its reference: that row's findings
        pieces += [(f"row {row}:", "dim"), *_marked(found)]
    if hidden:
        pieces.append((f"… {hidden:,} more below", "dim"))
    return pieces


def _heading(run: StructureRun) -> list[Piece]:
    organisation = run.structure.organisation
    heading = organisation.name if organisation is not None else run.structure.root.display
    return [(safe_text(heading), "bold underline"), (f"({safe_text(run.structure.root.display)})", "dim")]


def _outside(drawn: Outline) -> list[Piece]:
    return [(f"Outside the reporting lines ({len(drawn.outside):,})", "bold red")]


def _children(drawn: Outline, findings: PostFindings, unplaced: list[list[Piece]]) -> list[tuple[list[Piece], list[Node]]]:
    """The heading's branches: the findings on no post (``unplaced``), each root post (its label,
    its children), then the posts outside."""
    branches: list[tuple[list[Piece], list[Node]]] = [(label, []) for label in unplaced]
    branches += [(_label(node.post, findings, node.hidden), node.children) for node in drawn.roots]
    if drawn.outside:
        branches.append((_outside(drawn), [Node(post) for post in drawn.outside]))
    return branches


def _unplaced(run: StructureRun, diagnostics: list[Diagnostic]) -> list[list[Piece]]:
    """A label for the findings on the whole organisation (a statutory officer missing), then one
    for each department's own (B101, C101): no post of the tree carries them."""
    # a file's own faults (X001-X004) are the file's, which check reports, not the organisation's
    by_place = off_posts(diagnostic for diagnostic in diagnostics if not diagnostic.about_input)
    names = department_labels(run)
    labels = []
    for where in sorted(by_place, key=lambda department: (department is not None, department or "")):
        title = "The whole organisation" if where is None else f"{names[where]} (department)"
        labels.append([(safe_text(title), "bold"), *_marked(by_place[where])])
    return labels


def _marked(found: list[Diagnostic]) -> list[Piece]:
    return [(f"{SEVERITY_MARKS[severity]} {', '.join(codes)}", _STYLES[severity]) for severity, codes in marks(found)]


def render(
    run: StructureRun,
    diagnostics: list[Diagnostic],
    console: Console | None,
    stream: TextIO,
    start: str | None,
    depth: int | None,
) -> None:
    """Drawn by ``console`` (rich) if given, else written to ``stream`` as plain text, with the
    structure's findings: each on its post, and those on no post first (from the top only)."""
    drawn = outline(run.graph, start, depth)
    on_posts = PostFindings(by_post(diagnostics), run.graph.duplicates)
    unplaced = _unplaced(run, diagnostics) if start is None else []
    if console is not None:
        _draw(run, drawn, on_posts, unplaced, console)
    else:
        stream.writelines(line + "\n" for line in _plain_lines(run, drawn, on_posts, unplaced))


def _plain_lines(run: StructureRun, drawn: Outline, findings: PostFindings, unplaced: list[list[Piece]]) -> Iterator[str]:
    yield _joined(_heading(run))
    # (guide before the label, label, children, prefix of the children's guides); no recursion:
    # structures may be thousands of layers deep
    stack: list[tuple[str, list[Piece], list[Node], str]] = []
    branches = _children(drawn, findings, unplaced)
    for index, (label, children) in reversed(list(enumerate(branches))):
        last = index == len(branches) - 1
        stack.append((_LAST if last else _BRANCH, label, children, _SPACE if last else _STEM))
    while stack:
        guide, label, children, prefix = stack.pop()
        yield guide + _joined(label)
        for index in range(len(children) - 1, -1, -1):
            child = children[index]
            last = index == len(children) - 1
            stack.append(
                (
                    prefix + (_LAST if last else _BRANCH),
                    _label(child.post, findings, child.hidden),
                    child.children,
                    prefix + (_SPACE if last else _STEM),
                )
            )


def _joined(pieces: list[Piece]) -> str:
    return " ".join(text for text, _ in pieces)


def _draw(run: StructureRun, drawn: Outline, findings: PostFindings, unplaced: list[list[Piece]], console: Console) -> None:
    from rich.markup import escape
    from rich.tree import Tree

    def markup(pieces: list[Piece]) -> str:
        return " ".join(f"[{style}]{escape(text)}[/]" if style else escape(text) for text, style in pieces)

    tree = Tree(markup(_heading(run)), guide_style="dim")
    stack: list[tuple[Tree, list[Piece], list[Node]]] = [
        (tree, label, children) for label, children in reversed(_children(drawn, findings, unplaced))
    ]
    while stack:  # no recursion: structures may be thousands of layers deep
        parent, label, children = stack.pop()
        branch = parent.add(markup(label))
        stack.extend((branch, _label(child.post, findings, child.hidden), child.children) for child in reversed(children))
    console.print(tree)
