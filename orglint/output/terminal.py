"""A document (the report, the diff) in the terminal, drawn with rich (colour only on a terminal; NO_COLOR honoured).

Every table fits the width it is given: a column is never narrower than its longest word (its
widest cell, for figures and locations, which never wrap), so rich wraps text between words and
never breaks a word or a name into one letter a line; a table whose columns cannot all have that
much is stacked instead, each row as label/value pairs."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table as RichTable

from orglint.output.document import BAD, GOOD, MUTED, WARN, Bullets, Cell, Paragraph, Section, Table

_STYLES = {GOOD: "green", BAD: "bold red", WARN: "yellow", MUTED: "dim", None: ""}

_PADDING = 1
"""Spaces each side of a cell."""

_PROSE_WIDTH = 20
"""The narrowest a column of text (not a figure, name or location) is made, unless all of its text
is narrower: narrower, a sentence becomes a word a line, and the table reads better stacked."""

_STACK_GAP = 2
"""Spaces between the columns of a stacked table."""


def _cell(cell: Cell) -> str:
    style = _STYLES[cell.tone]
    return f"[{style}]{escape(cell.text)}[/]" if style else escape(cell.text)


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _widest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _minimum_widths(table: Table) -> list[int]:
    """Each column's narrowest width that breaks no word of its header or cells (and no line of a
    figure or a location: those never wrap)."""
    widths = []
    for index, column in enumerate(table.columns):
        if index in table.numeric or index in table.whole:
            widths.append(max(_longest_word(column), *(_widest_line(row[index].text) for row in table.rows)))
        else:
            widest = max(_widest_line(column), *(_widest_line(row[index].text) for row in table.rows))
            longest_word = max(_longest_word(column), *(_longest_word(row[index].text) for row in table.rows))
            widths.append(max(longest_word, min(widest, _PROSE_WIDTH)))
    return widths


def _overhead(columns: int) -> int:
    """The width a table's box (``SIMPLE_HEAD`` without its edges: one space between columns) and
    padding add to its columns' widths."""
    return (columns - 1) + 2 * _PADDING * columns


def _caption(table: Table) -> str | None:
    return escape(table.caption) if table.caption else None


def _widths(table: Table, minimum: list[int], width: int) -> list[int] | None:
    """Each column's width when the table is wider than ``width``: its minimum, and the room left
    shared in proportion to how much wider each column would be. None when the table fits as it
    is (rich then sizes its columns to their contents). rich's own narrowing shrinks the widest
    wrappable column first, whatever its minimum, and may leave a table wider than the width."""
    widest = [
        max(_widest_line(column), *(_widest_line(row[index].text) for row in table.rows))
        for index, column in enumerate(table.columns)
    ]
    room = width - _overhead(len(widest))
    if sum(widest) <= room:
        return None
    slack = [most - least for most, least in zip(widest, minimum, strict=True)]
    spare = room - sum(minimum)
    shares = [spare * part // sum(slack) for part in slack]
    for index in sorted(range(len(slack)), key=lambda index: -slack[index])[: spare - sum(shares)]:
        shares[index] += 1  # what rounding down left, to the columns with the most to show
    return [least + share for least, share in zip(minimum, shares, strict=True)]


def _side_by_side(table: Table, minimum: list[int], width: int) -> RichTable:
    shown = RichTable(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, _PADDING),
        show_header=any(table.columns),
        header_style="bold",
        title=_caption(table),
        title_justify="left",
        title_style="bold",
    )
    widths = _widths(table, minimum, width)
    for index, column in enumerate(table.columns):
        justify = "right" if index in table.numeric else "left"
        fixed = widths[index] if widths is not None else None
        shown.add_column(escape(column), justify=justify, width=fixed, overflow="fold")
    for row in table.rows:
        shown.add_row(*(_cell(cell) for cell in row))
    return shown


def _pairs_per_line(labels: list[str], values: list[list[str]], width: int) -> int:
    """How many label/value pairs a line of a stacked table holds within ``width``: the most whose
    grid columns (pair j, j + k, ...) fit with every value whole; 1 if none do (values then wrap)."""
    for per_line in range(len(labels), 1, -1):
        total = _STACK_GAP * (2 * per_line - 1)
        for first in range(per_line):
            indexes = range(first, len(labels), per_line)
            total += max(cell_len(labels[index]) for index in indexes)
            total += max(_widest_line(row[index]) for row in values for index in indexes)
        if total <= width:
            return per_line
    return 1


def _stacked(table: Table, width: int) -> RichTable:
    """Each row as a block of label/value pairs (the column's name, the cell), as many pairs a line
    as fit, a blank line before each row; the first pair of a row in bold. A value wraps between
    words; only a word wider than the whole width is folded."""
    per_line = _pairs_per_line(table.columns, [[cell.text for cell in row] for row in table.rows], width)
    shown = RichTable.grid(padding=(0, _STACK_GAP), collapse_padding=True)
    shown.title, shown.title_justify, shown.title_style = _caption(table), "left", "bold"
    for _ in range(per_line):
        shown.add_column(style="dim", no_wrap=True)
        shown.add_column(overflow="fold")
    for row in table.rows:
        shown.add_row()
        pairs: list[str] = []
        for index, (column, cell) in enumerate(zip(table.columns, row, strict=True)):
            pairs += [f"[bold]{escape(column)}[/]", f"[bold]{_cell(cell)}[/]"] if index == 0 else [escape(column), _cell(cell)]
        for start in range(0, len(pairs), 2 * per_line):
            shown.add_row(*pairs[start : start + 2 * per_line])
    return shown


def table_renderable(table: Table, width: int) -> RenderableType:
    """The table side by side if every column fits ``width`` at its minimum, else stacked."""
    minimum = _minimum_widths(table)
    if sum(minimum) + _overhead(len(minimum)) <= width:
        return _side_by_side(table, minimum, width)
    return _stacked(table, width)


def render(sections: list[Section], console: Console) -> None:
    for section in sections:
        if section.level == 1:
            console.rule(f"[bold]{escape(section.title)}[/]")
        else:
            console.print()
            console.print(f"[bold underline]{escape(section.title)}[/]")
        for block in section.blocks:
            if isinstance(block, Table):
                console.print(table_renderable(block, console.width))
                console.print()
            elif isinstance(block, Paragraph):
                style = " ".join(filter(None, (_STYLES[block.tone], "bold" if block.strong else "")))
                console.print(f"[{style}]{escape(block.text)}[/]" if style else escape(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    console.print(f"  • {escape(item)}")
