"""``file:line:col: CODE [name] message``, one finding a line (a table's cell after the column:
``book.xlsx:4:4: Posts!D4 (Tier): ...``): for editors and grep; then the
summary line, on a clean run too ("All checks passed (...)", as the full format says it)."""

from __future__ import annotations

from typing import TextIO

from orglint.diagnostics import Diagnostic
from orglint.engine import LintResult
from orglint.output.check import summary_line
from orglint.safe_text import safe_line


def render(result: LintResult, stream: TextIO) -> None:
    for diagnostic in result.diagnostics:
        # the file name starts the line: no CI log command in it (the text came in made safe otherwise)
        stream.write(safe_line(concise_line(diagnostic)) + "\n")
    stream.write(summary_line(result) + "\n")


def concise_line(diagnostic: Diagnostic) -> str:
    """The finding on one line, its data as it is (JUnit's failures list them so, escaped as XML)."""
    span = diagnostic.span
    cell = span.describe_cell()  # a table's cell, named as the full format names it: a workbook's sheet
    where = f"{span.file}:{span.line}:{span.column}:" + (f" {cell}:" if cell else "")
    return f"{where} {diagnostic.code} [{diagnostic.name}] {diagnostic.message}"
