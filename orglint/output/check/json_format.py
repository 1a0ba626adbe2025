"""The stable JSON shape (docs/ci-and-pre-commit.md, JSON output).

The data is carried as it is: a post id, a message or a file name decodes to the text the finding
has (``::`` included). What must never reach a terminal or a CI log raw (a control character, a
bidi control, the ``##`` of a log command) is written as a JSON escape (``\u001b``, ``\u0023``),
which a JSON reader decodes back (``safe_text.escape_encoded``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring  # what JSONEncoder(ensure_ascii=False) does to a str
from typing import Any, TextIO

from orglint import __version__
from orglint.diagnostics import Diagnostic, Severity, Span
from orglint.engine import LintResult
from orglint.safe_text import escape_encoded, safe_data


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
        "post": _post(diagnostic),
        "basis": diagnostic.basis,
        "fix": diagnostic.fix,
    }
    if span.header is not None:  # a spreadsheet or CSV cell: line is its row, column its column
        found["cell"] = table_cell(span)
    return found


def table_cell(span: Span) -> dict[str, str | None]:
    """A table cell's place: its sheet's name and its column's header (made safe where the table made the span)."""
    return {"sheet": span.sheet, "ref": span.cell, "header": span.header}


def _json_escape(code: int) -> str:
    return f"\\u{code:04x}"  # every character escaped is in the Basic Multilingual Plane


def _post(diagnostic: Diagnostic) -> str | None:
    """The post's id as data: ``::`` and all, but no control or bidi character a reader would
    decode raw (``jq -r`` writing an escape sequence into a CI log), as in the message."""
    return None if diagnostic.post is None else safe_data(diagnostic.post)


def json_safe(encoded: str) -> str:
    """Encoded JSON with what must not reach a terminal or a CI log raw written as JSON escapes."""
    return escape_encoded(encoded, _json_escape)


_BATCH = 1024
"""Findings written per call to the stream."""


class _FindingLines:
    """Each finding as ``json.dumps(diagnostic_json(d), ensure_ascii=False)`` would write it,
    composed from its encoded values.

    Why: encoding a dict builds a new C encoder on every call (``JSONEncoder.iterencode``),
    the larger part of writing one finding, and building the dict is most of the rest. A string
    goes straight to the function the encoder itself calls for one (``encode_basestring``), and
    the texts that recur from finding to finding (code, name, basis, file) are encoded once. The
    tests hold the two to identical output.
    """

    def __init__(self, encode: Callable[[Any], str]) -> None:
        self._encode = encode
        self._recurring: dict[str, str] = {}
        self._severities = {severity: encode(severity.label) for severity in Severity}

    def _once(self, text: str) -> str:
        encoded = self._recurring.get(text)
        if encoded is None:
            encoded = self._recurring[text] = encode_basestring(text)
        return encoded

    def __call__(self, diagnostic: Diagnostic) -> str:
        span = diagnostic.span
        encode, once = encode_basestring, self._once
        post = "null" if diagnostic.post is None else encode(safe_data(diagnostic.post))
        cell = ""
        if span.header is not None:
            cell = ', "cell": ' + self._encode(table_cell(span))
        return (
            f'{{"code": {once(diagnostic.code)}, "name": {once(diagnostic.name)}, '
            f'"severity": {self._severities[diagnostic.severity]}, "message": {encode(diagnostic.message)}, '
            f'"file": {once(span.file)}, "line": {span.line}, "column": {span.column}, '
            f'"end_line": {span.end_line}, "end_column": {span.end_column}, "post": {post}, '
            f'"basis": {once(diagnostic.basis)}, "fix": {encode(diagnostic.fix)}{cell}}}'
        )


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
    # One finding a line: readable, diffable, and written without building a dict per finding
    # (see _FindingLines), so a million findings never stand in memory as dicts.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    stream.write(json_safe(encode(head)[:-1]) + ', "diagnostics": [')
    line = _FindingLines(encode)
    findings = result.diagnostics
    for start in range(0, len(findings), _BATCH):
        lines = ",\n  ".join(map(line, findings[start : start + _BATCH]))
        stream.write(("\n  " if start == 0 else ",\n  ") + json_safe(lines))
    stream.write("\n]}\n" if findings else "]}\n")
