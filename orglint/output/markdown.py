"""A document (the report, the diff) as Markdown (GitHub-flavoured tables), for a committee paper."""

from __future__ import annotations

import re
from typing import TextIO

from orglint.output.document import Bullets, Cell, Paragraph, Section, Table, Tone

_INLINE_SYNTAX = re.compile(r"[\\`*\[\]<|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
"""What could make an element of text (a link or image, emphasis, code, a strikethrough, an HTML
tag or an entity) or end a table cell. An underscore between two letters or digits cannot, and
stays as it is."""

_BLOCK_MARKER = re.compile(r"[#>+-]|\d{1,9}[.)]")
"""What makes a line a heading, a quote, a list item or a rule (``*``, ``_`` and fences are
escaped wherever they are)."""


def _escape(text: str) -> str:
    """Text (already made safe by the sections) as Markdown that shows it as it is."""
    return _INLINE_SYNTAX.sub(r"\\\g<0>", text)


def _line_start(text: str) -> str:
    """``_escape``, for text that starts a line or a list item: not a block of its own either."""
    text = _escape(text).lstrip(" \t")  # leading space would make a code block
    marker = _BLOCK_MARKER.match(text)
    if marker is None:
        return text
    return f"{text[: marker.end() - 1]}\\{text[marker.end() - 1 :]}"


def _cell(cell: Cell) -> str:
    text = _escape(cell.text)
    return f"**{text}**" if cell.tone == Tone.BAD and text else text


def _table(table: Table) -> list[str]:
    lines = [f"**{_escape(table.caption)}**", ""] if table.caption else []
    lines.append("| " + " | ".join(_escape(column) for column in table.columns) + " |")
    lines.append("|" + "|".join("---:" if index in table.numeric else "---" for index in range(len(table.columns))) + "|")
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows)
    return lines


def render(sections: list[Section], stream: TextIO) -> None:
    out = []
    for section in sections:
        out += [f"{'#' * section.level} {_line_start(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Paragraph):
                out.append(f"**{_escape(block.text)}**" if block.strong else _line_start(block.text))
            elif isinstance(block, Bullets):
                out += [f"- {_line_start(item)}" for item in block.items]
            out.append("")
    stream.write("\n".join(out).rstrip("\n") + "\n")
