"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from orglint.diagnostics import Severity
from orglint.engine import LintResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, stream: TextIO) -> None:
    for d in result.diagnostics:
        span = d.span
        properties = (
            f"file={_property(span.file)},line={span.line},col={span.column},"
            f"endLine={span.end_line},endColumn={span.end_column},title={_property(f'{d.code} {d.name}')}"
        )
        stream.write(f"::{COMMANDS[d.severity]} {properties}::{_data(d.message)}\n")
