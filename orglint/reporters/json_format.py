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
    head = {
        "orglint": __version__,
        "summary": {
            "files": result.files,
            "posts": result.posts,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "suppressed": len(result.suppressed),
        },
    }
    # One finding a line: readable, diffable, and written by json's C encoder (indent= would
    # switch to the pure-Python one, the slowest step of a run with many findings). Each finding
    # is encoded as it is written, so a million findings never stand in memory as dicts.
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps() with options builds one per call
    stream.write(encode(head)[:-1] + ', "diagnostics": [')
    for index, diagnostic in enumerate(result.diagnostics):
        stream.write(("\n  " if index == 0 else ",\n  ") + encode(diagnostic_json(diagnostic)))
    stream.write("\n]}\n" if result.diagnostics else "]}\n")
