"""The default format: each finding with a code frame of the lines at fault, its basis and fix,
grouped by file, then a summary. Colour only on a terminal (rich draws it; NO_COLOR is honoured);
to a pipe or a file the same text is written without loading rich."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from orglint.console import in_colour
from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import LintResult
from orglint.load.perimeter import leaves_its_project
from orglint.load.source import SourceFile
from orglint.output.check import summary_line
from orglint.safe_text import safe_inside_line, safe_line

CONTEXT_LINES = 1
MAX_FRAME_LINES = 6
TAB = "→"
"""A tab as a frame shows it: one column, as libyaml counts it, so carets stay under their text,
and visible (a tab in the indentation is a YAML error; shown as a space, it could not be seen)."""
_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}


def code_frame(lines: list[str], diagnostic: Diagnostic) -> list[tuple[str, str]]:
    """(gutter, text) rows: the span's lines (a few at most) with one line of context before,
    and a row of carets under the span's first line."""
    span = diagnostic.span
    if not lines or span.line > len(lines):
        return []
    end_line = span.end_line
    if end_line > span.line and span.end_column == 1:
        end_line -= 1  # a block value ends at the start of the next line
    first = max(1, span.line - CONTEXT_LINES)
    last = min(len(lines), max(span.line, min(end_line, span.line + MAX_FRAME_LINES - 1)))
    width = len(str(last))
    rows = []
    for number in range(first, last + 1):
        line = lines[number - 1].replace("\t", TAB)
        text = safe_inside_line(line)  # after the gutter: the user's line as written, but for what is never safe
        rows.append((f" {number:>{width}} ", text))
        if number == span.line:
            start, end = span.column, span.end_column if span.end_line == span.line else len(line) + 1
            if len(text) != len(line):  # escapes are wider than the characters they show: the carets move with them
                start, end = _shown_column(line, start), _shown_column(line, end)
            rows.append((f" {'':>{width}} ", " " * (start - 1) + "^" * max(1, end - start)))
    return rows


def _shown_column(line: str, column: int) -> int:
    """Where a column of ``line`` is once the line is shown through ``safe_inside_line``."""
    before = line[: column - 1]
    return column + len(safe_inside_line(before)) - len(before)


Piece = tuple[str, str]
"""Some text of a line and its style (rich's style syntax; ``""`` for none)."""


def render(result: LintResult, stream: TextIO) -> None:
    if not result.diagnostics:  # the usual pre-commit run: one plain line, without loading rich
        stream.write(summary_line(result) + "\n")
        return
    if in_colour(stream):
        _write_styled(_lines(result), stream)
    else:  # a pipe or a file, as under pre-commit and CI: the same text, without loading rich
        stream.writelines("".join(text for text, _ in pieces) + "\n" for pieces in _lines(result))


def _write_styled(lines: Iterator[list[Piece]], stream: TextIO) -> None:
    from rich.markup import escape

    from orglint.console import console

    view = console(file=stream, soft_wrap=True)
    for pieces in lines:
        view.print("".join(f"[{style}]{escape(text)}[/]" if style else escape(text) for text, style in pieces))


def _source_lines(source: SourceFile | None, file: str) -> list[str]:
    """A file's lines for code frames: a structure's as it was read; a file outside any structure
    (one that could not be parsed) read again, unless it leads out of its project (an X004 link:
    what lies there is never read, nor shown)."""
    if source is not None:
        return source.lines()
    path = Path(file)
    return [] if leaves_its_project(path) else SourceFile(path, file).lines()


def _lines(result: LintResult) -> Iterator[list[Piece]]:
    """Each line of the report as its pieces: per file a heading, then each finding with its code
    frame, basis and fix, and a blank line; the summary last. The text of a finding is made safe
    where it came in (``safe_data``); here, no CI log command: a file name starts a line
    (``safe_line``), and the rest follows something of orglint's (``safe_inside_line``)."""
    sources = {source.display: source for structure in result.structures for source in structure.files}
    lines: dict[str, list[str]] = {}
    previous_file = None
    # a file's findings together under one heading, its input findings first (they come first overall)
    first_of_file: dict[str, int] = {}
    for index, diagnostic in enumerate(result.diagnostics):
        first_of_file.setdefault(diagnostic.span.file, index)
    for diagnostic in sorted(result.diagnostics, key=lambda found: first_of_file[found.span.file]):
        span = diagnostic.span
        if span.file not in lines and span.header is None:
            lines[span.file] = _source_lines(sources.get(span.file), span.file)
        shown_file = safe_line(span.file)
        if span.file != previous_file:
            yield [(shown_file, "bold underline")]
        previous_file = span.file
        style = _STYLES[diagnostic.severity]
        cell = span.describe_cell()  # a table's cell: named here, never inside the message
        yield [
            (f"{shown_file}:{span.line}:{span.column}:", "bold"),
            *([(f" {cell}:", "cyan")] if cell else []),
            (" ", ""),
            (diagnostic.code, style),
            (" ", ""),
            (f"[{diagnostic.name}]", "dim"),
            (f" {safe_inside_line(diagnostic.message)}", ""),
        ]
        # a table cell (CSV, XLSX): the header line names the cell; rows are not lines, so no frame
        in_table = span.header is not None or span.sheet is not None
        frame = code_frame(lines[span.file], diagnostic) if span.file in lines and not in_table else []
        for gutter, text in frame:
            yield [(f"{gutter}│", "blue"), (" ", ""), (text, style if gutter.strip() == "" else "")]
        if diagnostic.basis:
            yield [("  = basis:", "dim"), (f" {safe_inside_line(diagnostic.basis)}", "")]
        if diagnostic.fix:
            yield [("  = fix:", "dim"), (f" {safe_inside_line(diagnostic.fix)}", "")]
        yield []
    yield [(summary_line(result), "bold")]
