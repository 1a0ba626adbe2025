"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

The one format in which a finding's text goes inside a log command of its own: its properties
(file, title) are written with GitHub's escapes (``%3A`` for ``:``, ``%2C``, ``%25``, ``%0A``), so
no ``::`` of the data can end the command early, and its message, the command's data, with ``##[``
escaped (read anywhere in a line by GitHub's legacy and Azure's runners)."""

from __future__ import annotations

from typing import TextIO

from orglint.diagnostics import Severity
from orglint.engine import LintResult
from orglint.safe_text import safe_inside_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return safe_inside_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, stream: TextIO) -> None:
    for d in result.diagnostics:
        span = d.span
        cell = span.describe_cell()  # a workbook's lines are no place GitHub can show: the title names the cell
        title = f"{d.code} {d.name}" + (f" at {cell}" if cell else "")
        properties = (
            f"file={_property(span.file)},line={span.line},col={span.column},"
            f"endLine={span.end_line},endColumn={span.end_column},title={_property(title)}"
        )
        stream.write(f"::{COMMANDS[d.severity]} {properties}::{_data(d.message)}\n")
