"""The report as Markdown (GitHub-flavoured tables), for a committee paper."""

from __future__ import annotations

from typing import TextIO

from orglint.report.sections import BAD, Bullets, Cell, Paragraph, Section, Table


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _cell(cell: Cell) -> str:
    text = _escape(cell.text)
    return f"**{text}**" if cell.tone == BAD and text else text


def _table(table: Table) -> list[str]:
    lines = [f"**{_escape(table.caption)}**", ""] if table.caption else []
    lines.append("| " + " | ".join(_escape(column) for column in table.columns) + " |")
    lines.append("|" + "|".join("---:" if index in table.numeric else "---" for index in range(len(table.columns))) + "|")
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows)
    return lines


def render(sections: list[Section], stream: TextIO) -> None:
    out = []
    for section in sections:
        out += [f"{'#' * section.level} {_escape(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Paragraph):
                out.append(f"**{_escape(block.text)}**" if block.strong else _escape(block.text))
            elif isinstance(block, Bullets):
                out += [f"- {_escape(item)}" for item in block.items]
            out.append("")
    stream.write("\n".join(out).rstrip("\n") + "\n")
