"""A document (the report, the diff) in the terminal, drawn with rich (colour only on a terminal; NO_COLOR honoured).

Every table fits the width it is given: a column is never narrower than its longest word (its
widest cell, for figures and locations, which never wrap), so rich wraps text between words and
never breaks a word or a name into one letter a line; a table whose columns cannot all have that
much is stacked instead, each row as label/value pairs."""

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


def _caption(table: Table) -> str | None:
    return escape(table.caption) if table.caption else None


@dataclass(frozen=True, slots=True)
class _Drawn:
    """A cell as drawn: its text and its rich style (``""`` for none)."""

    text: str
    style: str = ""

    @property
    def markup(self) -> str:
        return f"[{self.style}]{escape(self.text)}[/]" if self.style else escape(self.text)


@dataclass
class _Layout:
    """A table laid out for a width: a rich table of its columns (each a fixed width) to draw it
    with, and its rows. Where rich would style nothing (a pipe or a file), rich draws the caption
    and the header, and the rows are written as rich draws them, each cell wrapped between words
    (by the standard library's textwrap, or rich's Text for wide characters) but not passed through
    rich's table: drawing a table of 100,000 findings through rich takes several times as long as
    the check itself."""

    build: Callable[[], RichTable]
    """A table of the columns, with its caption and header, without rows."""
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
        cells: list[list[str]] = []
        for cell, width, right in zip(row, self.widths, self.right, strict=True):
            length = _widest_line(cell.text)
            if length <= width and "\n" not in cell.text:  # most cells: nothing to wrap
                space = " " * (width - length)
                cells.append([space + cell.text if right else cell.text + space])
            elif cell.text.isascii() and _longest_word(cell.text) <= width:  # as rich wraps it, 5x as quick
                cells.append(
                    [
                        line.rjust(width) if right else line.ljust(width)
                        for paragraph in cell.text.splitlines()
                        for line in textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
                    ]
                )
            else:  # wide characters (rich measures them), or a word to fold (rich starts it on a line of its own)
                wrapped = Text(cell.text).wrap(console, width, justify="right" if right else "left", overflow="fold")
                cells.append([line.plain for line in wrapped])
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
        shown = self.build()
        if console.color_system is not None:  # styled: rich draws every row
            for row in self.rows:
                shown.add_row(*(cell.markup for cell in row))
            console.print(shown)
            return
        console.print(shown)  # the caption and the header
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
            title=_caption(table),
            title_justify="left",
            title_style="bold",
        )
        for column, fixed, to_right in zip(table.columns, widths, right, strict=True):
            shown.add_column(escape(column), justify="right" if to_right else "left", width=fixed, overflow="fold")
        return shown

    rows = [[_Drawn(cell.text, _STYLES[cell.tone]) for cell in row] for row in table.rows]
    return _Layout(build, rows, widths, right, " " * _PADDING, " ")


def _stacked_widths(table: Table, width: int) -> list[int]:
    """The widths of the grid columns (label, value, label, ...) of a stacked table's lines: the
    most pairs a line whose columns (pair j, j + k, ...) fit ``width`` with every value whole; else
    one pair a line, the value wrapped in what the labels leave."""
    labels = [_width(column) for column in table.columns]
    values = [max((_widest_line(row[index].text) for row in table.rows), default=0) for index in range(len(labels))]
    for per_line in range(len(labels), 0, -1):
        widths = []
        for first in range(per_line):
            indexes = range(first, len(labels), per_line)
            widths += [max(labels[index] for index in indexes), max(values[index] for index in indexes)]
        if sum(widths) + _STACK_GAP * (2 * per_line - 1) <= width:
            return widths
    return [max(labels), max(1, width - max(labels) - _STACK_GAP)]


def _stacked(table: Table, width: int) -> _Layout:
    """Each row as a block of label/value pairs (the column's name, the cell), as many pairs a line
    as fit, a blank line before each row; the first pair of a row in bold. A value wraps between
    words; only a word wider than the whole width is folded."""
    widths = _stacked_widths(table, width)
    per_line = len(widths) // 2

    def build() -> RichTable:
        shown = RichTable.grid(padding=(0, _STACK_GAP), collapse_padding=True)
        shown.title, shown.title_justify, shown.title_style = _caption(table), "left", "bold"
        for label, value in zip(widths[::2], widths[1::2], strict=True):
            shown.add_column(style="dim", no_wrap=True, width=label)
            shown.add_column(overflow="fold", width=value)
        return shown

    blank = [_Drawn("")] * (2 * per_line)
    rows: list[list[_Drawn]] = []
    for row in table.rows:
        rows.append(blank)
        pairs = [_Drawn(table.columns[0], "bold"), _Drawn(row[0].text, " ".join(filter(None, ("bold", _STYLES[row[0].tone]))))]
        for column, cell in zip(table.columns[1:], row[1:], strict=True):
            pairs += [_Drawn(column), _Drawn(cell.text, _STYLES[cell.tone])]
        for start in range(0, len(pairs), 2 * per_line):
            line = pairs[start : start + 2 * per_line]
            rows.append(line + blank[len(line) :])
    return _Layout(build, rows, widths, [False] * len(widths), "", " " * _STACK_GAP)


def print_table(table: Table, console: Console) -> None:
    """The table side by side if every column fits the console's width at its minimum, else stacked."""
    columns = _columns(table)
    width = console.width
    fits = sum(column.minimum for column in columns) + _overhead(len(columns)) <= width
    (_side_by_side(table, columns, width) if fits else _stacked(table, width)).print(console)


def render(sections: list[Section], console: Console) -> None:
    for section in sections:
        if section.level == 1:
            console.rule(f"[bold]{escape(section.title)}[/]")
        else:
            console.print()
            console.print(f"[bold underline]{escape(section.title)}[/]")
        for block in section.blocks:
            if isinstance(block, Table):
                print_table(block, console)
                console.print()
            elif isinstance(block, Paragraph):
                style = " ".join(filter(None, (_STYLES[block.tone], "bold" if block.strong else "")))
                console.print(f"[{style}]{escape(block.text)}[/]" if style else escape(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    console.print(f"  • {escape(item)}")
