"""The stable JSON shape of SPEC section 7."""

from __future__ import annotations

import json
from typing import Any, TextIO

from orglint import __version__
from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import LintResult


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
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


def render(result: LintResult, stream: TextIO) -> None:
    document = {
        "orglint": __version__,
        "summary": {
            "files": result.files,
            "posts": result.posts,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "suppressed": 0,
        },
        "diagnostics": [diagnostic_json(diagnostic) for diagnostic in result.diagnostics],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
