"""A document (the report, the diff) in the terminal, drawn with rich (colour only on a terminal; NO_COLOR honoured)."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from orglint.output.document import BAD, GOOD, MUTED, WARN, Bullets, Cell, Paragraph, Section, Table

_STYLES = {GOOD: "green", BAD: "bold red", WARN: "yellow", MUTED: "dim", None: ""}


def _cell(cell: Cell) -> str:
    style = _STYLES[cell.tone]
    return f"[{style}]{escape(cell.text)}[/]" if style else escape(cell.text)


def _table(table: Table) -> RichTable:
    shown = RichTable(
        box=box.SIMPLE_HEAD,
        show_header=any(table.columns),
        header_style="bold",
        title=escape(table.caption) if table.caption else None,
        title_justify="left",
        title_style="bold",
    )
    for index, column in enumerate(table.columns):
        numeric = index in table.numeric
        if numeric or index in table.whole:
            widest = max((len(row[index].text) for row in table.rows), default=0)
            shown.add_column(escape(column), justify="right" if numeric else "left", no_wrap=True, min_width=widest)
        else:
            shown.add_column(escape(column), overflow="fold")  # a long word folds rather than losing its end
    for row in table.rows:
        shown.add_row(*(_cell(cell) for cell in row))
    return shown


def render(sections: list[Section], console: Console) -> None:
    for section in sections:
        if section.level == 1:
            console.rule(f"[bold]{escape(section.title)}[/]")
        else:
            console.print()
            console.print(f"[bold underline]{escape(section.title)}[/]")
        for block in section.blocks:
            if isinstance(block, Table):
                console.print(_table(block))
            elif isinstance(block, Paragraph):
                style = " ".join(filter(None, (_STYLES[block.tone], "bold" if block.strong else "")))
                console.print(f"[{style}]{escape(block.text)}[/]" if style else escape(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    console.print(f"  • {escape(item)}")
