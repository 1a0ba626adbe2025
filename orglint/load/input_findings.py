"""The findings files get while they are read, before any rule runs, with their codes written
here once: X001 (``invalid-yaml``: the file cannot be read as YAML, text or a table), X002
(``invalid-structure``: it is read, but breaks the format) and X004 (``include-outside-repository``:
a path leads outside the project, and is not read). The rules in ``orglint.rules.input`` document
them; the engine completes them like any other finding."""

from __future__ import annotations

from pathlib import Path

from orglint.diagnostics import Diagnostic, Span
from orglint.load.source import LoadProblem, SourceFile, display_path, is_table_path, is_workbook

INVALID_YAML, INVALID_STRUCTURE, INCLUDE_OUTSIDE = "X001", "X002", "X004"


# X001's rule speaks of YAML; a table file that cannot be read says what it should have been:
# (what the file is read as, how to mend it)
_WORKBOOK_FAULT = (
    "Office Open XML workbook (ECMA-376), as Excel saves it",
    "Save the file again as an Excel workbook (.xlsx) from its spreadsheet program; the message says what could not be read.",
)
_CSV_FAULT = (
    "CSV (RFC 4180), a header row first",
    "Save the file again as CSV (UTF-8) from its spreadsheet program; the message says what could not be read.",
)


def invalid_yaml(source: SourceFile, problem: LoadProblem) -> Diagnostic:
    """X001: the file's fault, where the reader met it (for a table file, with its own basis and fix)."""
    span = Span(
        source.display,
        problem.line,
        problem.column,
        problem.end_line or problem.line,
        problem.end_column or problem.column,
    )
    path = source.path
    basis, fix = _WORKBOOK_FAULT if is_workbook(path) else _CSV_FAULT if is_table_path(path) else ("", "")
    return Diagnostic(INVALID_YAML, problem.message, span, basis=basis, fix=fix)


def invalid_structure(message: str, span: Span, post: str | None = None, replacement: str | None = None) -> Diagnostic:
    """X002: a key, value, column, sheet or file that breaks the format; ``replacement``: what the
    span should read instead, where that is certain (a misspelt key's one close match)."""
    return Diagnostic(INVALID_STRUCTURE, message, span, post=post, replacement=replacement)


def include_outside(message: str, span: Span) -> Diagnostic:
    """X004: an include pattern or a link that leads outside the project root."""
    return Diagnostic(INCLUDE_OUTSIDE, message, span)


def link_outside(path: Path) -> Diagnostic:
    """X004 at a file or folder that is a link leading outside its project root (never read). A
    folder's is never followed, even to a repository of its own: a pull request could lead a
    check of ``structures/`` anywhere on the machine; the folder itself can be named."""
    if path.is_dir():
        message = (
            "a link to a folder outside the project root (the folder holding .git above it): it is not read; "
            "to check the folder it leads to, name that folder itself"
        )
    else:
        message = "a link to a file outside the project root (the folder holding .git, else this file's folder): it is not read"
    return include_outside(message, Span.start_of(display_path(path)))
