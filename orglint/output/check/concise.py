"""``file:line:col: CODE [name] message``, one finding a line: for editors and grep; then the
summary line, on a clean run too ("All checks passed (...)", as the full format says it)."""

from __future__ import annotations

from typing import TextIO

from orglint.engine import LintResult
from orglint.output.check import summary_line
from orglint.safe_text import safe_line


def render(result: LintResult, stream: TextIO) -> None:
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        # the file name starts the line: no CI log command in it (the text came in made safe otherwise)
        stream.write(
            safe_line(f"{span.file}:{span.line}:{span.column}: {diagnostic.code} [{diagnostic.name}] {diagnostic.message}") + "\n"
        )
    stream.write(summary_line(result) + "\n")
