"""The stable JSON shape of SPEC section 7."""

from __future__ import annotations

import json
from typing import Any, TextIO

from orglint import __version__
from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import LintResult


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    found = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "file": span.file,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "post": diagnostic.post,
        "basis": diagnostic.basis,
        "fix": diagnostic.fix,
    }
    if span.header is not None:  # a spreadsheet or CSV cell: line is its row, column its column
        found["cell"] = {"sheet": span.sheet, "ref": span.cell, "header": span.header}
    return found


def render(result: LintResult, stream: TextIO) -> None:
    document = {
        "orglint": __version__,
        "summary": {
            "files": result.files,
            "posts": result.posts,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "suppressed": len(result.suppressed),
        },
        "diagnostics": [diagnostic_json(diagnostic) for diagnostic in result.diagnostics],
    }
    # One finding a line: readable, diffable, and written by json's C encoder (indent= would
    # switch to the pure-Python one, the slowest step of a run with many findings).
    head = json.dumps({key: document[key] for key in ("orglint", "summary")}, ensure_ascii=False)
    stream.write(head[:-1] + ', "diagnostics": [')
    diagnostics = document["diagnostics"]
    for index, diagnostic in enumerate(diagnostics):
        stream.write(("\n  " if index == 0 else ",\n  ") + json.dumps(diagnostic, ensure_ascii=False))
    stream.write("\n]}\n" if diagnostics else "]}\n")
