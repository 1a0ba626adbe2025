"""A document (the report, the diff) in the terminal, drawn with rich (colour only on a terminal; NO_COLOR honoured).

Every table fits the width it is given: a column is never narrower than its longest word (its
widest cell, for figures and locations, which never wrap), so rich wraps text between words and
never breaks a word or a name into one letter a line; a table whose columns cannot all have that
much is stacked instead, each row as its heading (its first cell) on a line of its own, then
label/value pairs."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable
from rich.text import Text

from orglint.output.document import Bullets, Paragraph, Section, Table, Tone

_STYLES = {Tone.GOOD: "green", Tone.BAD: "bold red", Tone.WARN: "yellow", Tone.MUTED: "dim", None: ""}

_PADDING = 1
"""Spaces each side of a cell."""

_PROSE_WIDTH = 20
"""The narrowest a column of text (not a figure, name or location) is made, unless all of its text
is narrower: narrower, a sentence becomes a word a line, and the table reads better stacked."""

_STACK_GAP = 2
"""Spaces between the columns of a stacked table."""


def _width(text: str) -> int:
    """The cells ``text`` takes on a line (``len`` for the usual ASCII text: much quicker)."""
    return len(text) if text.isascii() else cell_len(text)


def _widest_line(text: str) -> int:
    if "\n" not in text:
        return _width(text)
    return max((_width(line) for line in text.splitlines()), default=0)


def _longest_word(text: str) -> int:
    return max(map(len if text.isascii() else cell_len, text.split()), default=0)


@dataclass
class _Column:
    widest: int
    """Its widest line, header included."""
    minimum: int
    """Its narrowest width that breaks no word of its header or cells, and no line of a figure or
    a location (those never wrap); for other text, no narrower than ``_PROSE_WIDTH`` unless all
    of it is."""


def _columns(table: Table) -> list[_Column]:
    columns = []
    for index, header in enumerate(table.columns):
        widest_cell = max((_widest_line(row[index].text) for row in table.rows), default=0)
        widest = max(_widest_line(header), widest_cell)
        if index in table.numeric or index in table.whole:
            minimum = max(_longest_word(header), widest_cell)
        else:
            longest_word = max(_longest_word(header), *(_longest_word(row[index].text) for row in table.rows))
            minimum = max(longest_word, min(widest, _PROSE_WIDTH))
        columns.append(_Column(widest, minimum))
    return columns


def _overhead(columns: int) -> int:
    """The width a table's box (``SIMPLE_HEAD`` without its edges: one space between columns) and
    padding add to its columns' widths."""
    return (columns - 1) + 2 * _PADDING * columns


@dataclass(frozen=True, slots=True)
class _Drawn:
    """A cell as drawn: its text and its rich style (``""`` for none)."""

    text: str
    style: str = ""

    @property
    def markup(self) -> str:
        return f"[{self.style}]{escape(self.text)}[/]" if self.style else escape(self.text)


def _cell_lines(text: str, width: int, right: bool, console: Console) -> list[str]:
    """A cell's text in lines of ``width`` as rich wraps it in a column that wide: between words (by
    the standard library's textwrap, or rich's Text for wide characters), a word wider than the
    column folded, each line padded to the width (on the left, aligned right)."""
    length = _widest_line(text)
    if length <= width and "\n" not in text:  # most cells: nothing to wrap
        space = " " * (width - length)
        return [space + text if right else text + space]
    if text.isascii() and _longest_word(text) <= width:  # as rich wraps it, 5x as quick
        return [
            line.rjust(width) if right else line.ljust(width)
            for paragraph in text.splitlines()
            for line in textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
        ]
    # wide characters (rich measures them), or a word to fold (rich starts it on a line of its own)
    wrapped = Text(text).wrap(console, width, justify="right" if right else "left", overflow="fold")
    return [line.plain for line in wrapped]


def _print_caption(caption: str | None, console: Console) -> None:
    """A table's caption on a line of its own, over the table: wrapped to the console's width, never
    to the table's (a narrow table's title would break: "Moved (a new manager)" / "(1)")."""
    if caption:
        console.print(f"[bold]{escape(caption)}[/]")


@dataclass
class _Layout:
    """A table laid out for a width: a rich table of its columns (each a fixed width) to draw it
    with, and its rows. Where rich would style nothing (a pipe or a file), rich draws the caption
    and the header, and the rows are written as rich draws them, each cell wrapped between words
    (by the standard library's textwrap, or rich's Text for wide characters) but not passed through
    rich's table: drawing a table of 100,000 findings through rich takes several times as long as
    the check itself."""

    caption: str | None
    build: Callable[[], RichTable]
    """A table of the columns, with its header, without rows."""
    rows: list[list[_Drawn]]
    widths: list[int]
    right: list[bool]
    """Columns aligned right."""
    padding: str
    """Each side of a cell."""
    gap: str
    """Between two cells."""

    def lines(self, row: list[_Drawn], console: Console) -> list[str]:
        """The row's lines as rich draws them: each cell wrapped to its column."""
        cells = [
            _cell_lines(cell.text, width, right, console) for cell, width, right in zip(row, self.widths, self.right, strict=True)
        ]
        if all(len(cell) == 1 for cell in cells):
            return [self.gap.join(f"{self.padding}{cell[0]}{self.padding}" for cell in cells) + "\n"]
        blank = [" " * width for width in self.widths]
        return [
            self.gap.join(
                f"{self.padding}{cell[number] if number < len(cell) else blank[index]}{self.padding}"
                for index, cell in enumerate(cells)
            )
            + "\n"
            for number in range(max(len(cell) for cell in cells))
        ]

    def print(self, console: Console) -> None:
        _print_caption(self.caption, console)
        shown = self.build()
        if console.color_system is not None:  # styled: rich draws every row
            for row in self.rows:
                shown.add_row(*(cell.markup for cell in row))
            console.print(shown)
            return
        console.print(shown)  # the header
        console.file.writelines(line for row in self.rows for line in self.lines(row, console))


def _widths(columns: list[_Column], width: int) -> list[int]:
    """Each column's width: as wide as its contents when the table fits ``width``; else its
    minimum and the room left shared in proportion to how much wider each column would be.
    (rich's own narrowing shrinks the widest wrappable column first, whatever its minimum, and may
    leave a table wider than the width.)"""
    room = width - _overhead(len(columns))
    if sum(column.widest for column in columns) <= room:
        return [column.widest for column in columns]
    slack = [column.widest - column.minimum for column in columns]
    spare = room - sum(column.minimum for column in columns)
    shares = [spare * part // sum(slack) for part in slack]
    for index in sorted(range(len(slack)), key=lambda index: -slack[index])[: spare - sum(shares)]:
        shares[index] += 1  # what rounding down left, to the columns with the most to show
    return [column.minimum + share for column, share in zip(columns, shares, strict=True)]


def _side_by_side(table: Table, columns: list[_Column], width: int) -> _Layout:
    widths = _widths(columns, width)
    right = [index in table.numeric for index in range(len(table.columns))]

    def build() -> RichTable:
        shown = RichTable(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            padding=(0, _PADDING),
            show_header=any(table.columns),
            header_style="bold",
        )
        for column, fixed, to_right in zip(table.columns, widths, right, strict=True):
            shown.add_column(escape(column), justify="right" if to_right else "left", width=fixed, overflow="fold")
        return shown

    rows = [[_Drawn(cell.text, _STYLES[cell.tone]) for cell in row] for row in table.rows]
    return _Layout(table.caption, build, rows, widths, right, " " * _PADDING, " ")


_Line = tuple[list[int], list[int]]
"""A line of a stacked row: the indexes of the cells on it, and the widths of its grid columns
(label, value, label, value...)."""


def _grid(indexes: list[int], labels: list[int], values: list[int], width: int) -> list[_Line] | None:
    """The cells ``indexes`` (of widths ``labels`` and widest ``values``) as the most pairs a line
    whose columns (pair j, j + k, ...) fit ``width`` with every value whole; None if even one a
    line does not."""
    for per_line in range(len(indexes), 0, -1):
        widths: list[int] = []
        for first in range(per_line):
            chosen = indexes[first::per_line]
            widths += [max(labels[index] for index in chosen), max(values[index] for index in chosen)]
        if sum(widths) + _STACK_GAP * (2 * per_line - 1) <= width:
            lines = [indexes[start : start + per_line] for start in range(0, len(indexes), per_line)]
            return [(line, widths[: 2 * len(line)]) for line in lines]
    return None


def _stacked_lines(labels: list[int], values: list[int], width: int, heading: int) -> list[_Line]:
    """The lines of a stacked row's pairs: the cells in a grid of two or more pairs a line where
    that fits with every value whole, the widest cells set aside until it does; then each cell set
    aside on a line of its own, wrapped in what its label leaves, the labels of those lines as wide
    as the widest of them, of the grid's first and of the heading's (``heading`` wide)."""
    indexes = list(range(len(labels)))
    apart: list[int] = []
    grid: list[_Line] = []
    while len(indexes) > 1:
        found = _grid(indexes, labels, values, width)
        if found is not None and len(found[0][0]) > 1:
            grid = found
            break
        widest = max(indexes, key=lambda index: labels[index] + values[index])
        indexes.remove(widest)
        apart.append(widest)
    if not grid:
        apart += indexes  # one cell left: a line of its own, aligned with the others
    label = max([heading, *(labels[index] for index in apart), *(widths[0] for _, widths in grid[:1])])
    return grid + [([index], [label, max(1, width - label - _STACK_GAP)]) for index in sorted(apart)]


_Segment = tuple[str, str]
"""Text, and its rich style ("" for none)."""


@dataclass
class _Stacked:
    """A table too wide for the width, each row as a block: a blank line; its heading, the row's
    first cell, bold, on a line of its own (after the column's name, when it has one, in bold);
    then its other cells as label/value pairs (the column's name dim, the cell) in lines the same
    for every row (``_stacked_lines``), a line whose cells are all empty left out. A value wraps
    between words; only a word wider than its column is folded. Drawn line by line: the same text
    piped and on a terminal."""

    caption: str | None
    headings: list[tuple[str, _Drawn]]
    """Each row's first column's name ("" for none) and first cell."""
    pairs: list[list[tuple[_Drawn, _Drawn]]]
    """Each row's other cells: the column's name, the cell."""
    lines: list[_Line]
    width: int

    def row_lines(self, number: int, console: Console) -> list[list[_Segment]]:
        label, heading = self.headings[number]
        lines: list[list[_Segment]] = [[]]
        indent = ""
        if label:  # as wide as the first line's labels, so the heading's cell lines up with theirs
            indent = label + " " * (max(0, (self.lines[0][1][0] if self.lines else 0) - _width(label)) + _STACK_GAP)
        for index, text in enumerate(_cell_lines(heading.text, max(1, self.width - _width(indent)), False, console)):
            lines.append([(indent if index == 0 else " " * _width(indent), "bold"), (text, heading.style)])
        pairs = self.pairs[number]
        for indexes, widths in self.lines:
            if not any(pairs[index][1].text for index in indexes):
                continue  # a label alone ("Findings" with none) says nothing
            cells = [cell for index in indexes for cell in pairs[index]]
            wrapped = [_cell_lines(cell.text, width, False, console) for cell, width in zip(cells, widths, strict=True)]
            for line_number in range(max(len(cell_lines) for cell_lines in wrapped)):
                line: list[_Segment] = []
                for index, (cell, cell_lines) in enumerate(zip(cells, wrapped, strict=True)):
                    if index:
                        line.append((" " * _STACK_GAP, ""))
                    blank = " " * widths[index]
                    line.append((cell_lines[line_number] if line_number < len(cell_lines) else blank, cell.style))
                lines.append(line)
        return lines

    def print(self, console: Console) -> None:
        _print_caption(self.caption, console)
        styled = console.color_system is not None
        for number in range(len(self.headings)):
            for line in self.row_lines(number, console):
                if styled:
                    drawn = Text.assemble(*line)
                    drawn.rstrip()
                    console.print(drawn, no_wrap=True, crop=False)
                else:
                    console.file.write("".join(text for text, _ in line).rstrip() + "\n")


def _stacked(table: Table, width: int) -> _Stacked:
    """The table stacked (see ``_Stacked``)."""
    labels = [_width(column) for column in table.columns[1:]]
    values = [max((_widest_line(row[index].text) for row in table.rows), default=0) for index in range(1, len(table.columns))]
    headings: list[tuple[str, _Drawn]] = []
    pairs: list[list[tuple[_Drawn, _Drawn]]] = []
    for row in table.rows:
        headings.append((table.columns[0], _Drawn(row[0].text, " ".join(filter(None, ("bold", _STYLES[row[0].tone]))))))
        pairs.append(
            [
                (_Drawn(column, "dim"), _Drawn(cell.text, _STYLES[cell.tone]))
                for column, cell in zip(table.columns[1:], row[1:], strict=True)
            ]
        )
    lines = _stacked_lines(labels, values, width, _width(table.columns[0]))
    return _Stacked(table.caption, headings, pairs, lines, width)


def print_table(table: Table, console: Console) -> None:
    """The table side by side if every column fits the console's width at its minimum, else stacked."""
    columns = _columns(table)
    width = console.width
    fits = sum(column.minimum for column in columns) + _overhead(len(columns)) <= width
    (_side_by_side(table, columns, width) if fits else _stacked(table, width)).print(console)


def render(sections: list[Section], console: Console) -> None:
    for section in sections:
        if section.level == 1 and cell_len(section.title) + 4 <= console.width:
            console.rule(f"[bold]{escape(section.title)}[/]")
        elif section.level == 1:  # too long to sit in the rule, which would cut it: the rule, then it whole
            console.rule()
            console.print(f"[bold]{escape(section.title)}[/]")
        else:
            console.print()
            console.print(f"[bold underline]{escape(section.title)}[/]")
        for block in section.blocks:
            if isinstance(block, Table):
                print_table(block, console)
                console.print()
            elif isinstance(block, Paragraph):
                style = " ".join(filter(None, (_STYLES[block.tone], "bold" if block.strong else "")))
                _print_wrapped(Text(block.text, style), console)
            elif isinstance(block, Bullets):
                for item in block.items:  # an item too long for the line wraps under its own text
                    _print_wrapped(Text(item), console, "  • ", "    ")


def _print_wrapped(text: Text, console: Console, first: str = "", rest: str = "") -> None:
    """``text`` wrapped between words to the console's width after ``first`` on its first line and
    ``rest`` on the others, each line without the trailing spaces a wrap leaves."""
    for index, line in enumerate(text.wrap(console, max(console.width - cell_len(first), 20))):
        line.rstrip()
        console.print(Text(first if index == 0 else rest) + line, no_wrap=True, crop=False)
