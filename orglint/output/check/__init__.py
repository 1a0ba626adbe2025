"""Stage 5: ``orglint check``'s findings as text, one module per output format, each a function
``render(result, stream)``. Imported by the configuration, so it stays light: a format's module
is imported only when it is used."""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from orglint.diagnostics import Severity

if TYPE_CHECKING:
    from orglint.engine import LintResult

Reporter = Callable[["LintResult", TextIO], None]


class OutputFormat(enum.StrEnum):
    """check's output formats, the one list that ``--output-format`` and the configuration's
    ``output-format`` offer. Each is drawn by the module of its name here (json: ``json_format``)."""

    full = "full"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


def summary_line(result: LintResult) -> str:
    counts = [
        (result.count(Severity.ERROR), "error"),
        (result.count(Severity.WARNING), "warning"),
        (result.count(Severity.INFO), "info"),
    ]
    scope = f"{result.files} file{'s' if result.files != 1 else ''}, {result.posts} post{'s' if result.posts != 1 else ''}"
    if result.suppressed:
        scope += f", {len(result.suppressed)} suppressed"
    unchecked = sum(structure.files_unread for structure in result.structures)
    if unchecked:
        scope += f"; {unchecked} structure{'s' if unchecked != 1 else ''} not checked until every file of it can be read"
    if not result.diagnostics:
        return f"All checks passed ({scope})."
    found = ", ".join(f"{n} {word}{'s' if n != 1 and word != 'info' else ''}" for n, word in counts if n)
    return f"Found {found} ({scope})."


def reporter(name: str) -> Reporter:
    """The reporter for an output format; imported only when used, to keep start-up fast."""
    output_format = OutputFormat(name)  # a ValueError for a name that is none
    module = "json_format" if output_format is OutputFormat.json else output_format.value  # not the json library's name
    render: Reporter = importlib.import_module(f"{__name__}.{module}").render
    return render
