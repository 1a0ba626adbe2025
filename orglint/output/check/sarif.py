"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from orglint import __version__
from orglint.diagnostics import Diagnostic, Severity, Span, fingerprint
from orglint.docs import rule_text
from orglint.engine import LintResult
from orglint.output.check.json_format import json_safe, table_cell
from orglint.rules.registry import registered_rules
from orglint.safe_text import safe_data

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(code: str) -> dict[str, Any]:
    rule = registered_rules()[code]
    docs = rule_text(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": docs},
        "help": {"text": f"{rule.fix}\n\nBasis: {rule.basis}", "markdown": f"{docs}\n\n**Basis:** {rule.basis}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"basis": rule.basis},
    }


def _cell_location(span: Span) -> dict[str, str]:
    """SARIF's logical location of a table cell: ``C3``, fully ``Posts!C3`` in a workbook (the
    result's ``properties.cell`` gives its header too)."""
    cell = span.cell or ""
    return {"name": cell, "fullyQualifiedName": f"{span.sheet}!{cell}" if span.sheet else cell, "kind": "element"}


def _result(diagnostic: Diagnostic, index: int) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(PurePath(span.file).as_posix()), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": span.line,
                        "startColumn": span.column,
                        "endLine": span.end_line,
                        "endColumn": max(span.end_column, span.column + 1 if span.end_line == span.line else 1),
                    },
                },
                # a table's cell by name: a workbook's row and column are no line and column of its bytes
                **({"logicalLocations": [_cell_location(span)]} if span.cell is not None else {}),
            }
        ],
        "partialFingerprints": {"orglint/v1": fingerprint(diagnostic)},
        "properties": {
            "post": None if diagnostic.post is None else safe_data(diagnostic.post),
            "basis": diagnostic.basis,
            "fix": diagnostic.fix,
            # a table's cell, as JSON gives it: a workbook's row is no line of the file
            **({"cell": table_cell(span)} if span.header is not None else {}),
        },
    }


def render(result: LintResult, stream: TextIO) -> None:
    codes = list(registered_rules())
    index = {code: position for position, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orglint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(diagnostic, index[diagnostic.code]) for diagnostic in result.diagnostics],
            }
        ],
    }
    stream.write(json_safe(json.dumps(log, ensure_ascii=False, indent=1)) + "\n")  # the data as it is, JSON-escaped where unsafe
