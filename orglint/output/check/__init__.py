"""Stage 5: findings to text. Each format is a function ``render(result, stream)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from orglint.diagnostics import Severity
from orglint.engine import LintResult

Reporter = Callable[[LintResult, TextIO], None]


def summary_line(result: LintResult) -> str:
    counts = [
        (result.count(Severity.ERROR), "error"),
        (result.count(Severity.WARNING), "warning"),
        (result.count(Severity.INFO), "info"),
    ]
    scope = f"{result.files} file{'s' if result.files != 1 else ''}, {result.posts} post{'s' if result.posts != 1 else ''}"
    if result.suppressed:
        scope += f", {len(result.suppressed)} suppressed"
    if not result.diagnostics:
        return f"All checks passed ({scope})."
    found = ", ".join(f"{n} {word}{'s' if n != 1 and word != 'info' else ''}" for n, word in counts if n)
    return f"Found {found} ({scope})."


def reporter(name: str) -> Reporter:
    """The reporter for an output format; imported only when used, to keep start-up fast."""
    if name == "json":
        from orglint.reporters.json_format import render
    elif name == "concise":
        from orglint.reporters.concise import render
    elif name == "full":
        from orglint.reporters.full import render
    elif name == "sarif":
        from orglint.reporters.sarif import render
    elif name == "junit":
        from orglint.reporters.junit import render
    elif name == "github":
        from orglint.reporters.github import render
    else:
        raise ValueError(f"unknown output format {name!r}")
    return render
