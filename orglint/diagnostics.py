"""The one finding type every stage produces and every reporter consumes."""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from typing import NamedTuple

from orglint.wording import shared_by


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` gives the worst severity."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


class Span(NamedTuple):
    """A region of a source file: 1-based lines and columns, ``end_column`` exclusive.

    A named tuple rather than a frozen dataclass: there is one per finding, and a frozen
    dataclass's ``__init__`` (one ``object.__setattr__`` per field) takes four times as long.
    """

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    sheet: str | None = None
    """For a spreadsheet or CSV cell (where ``line`` is its row and ``column`` its column): the
    workbook sheet, if any."""
    header: str | None = None
    """For a spreadsheet or CSV cell: its column's header."""

    @property
    def cell(self) -> str | None:
        """The cell's reference (``K12``), for spans in a table."""
        if self.header is None:
            return None
        from openpyxl.utils.cell import get_column_letter  # only for table findings: openpyxl is slow to import

        return f"{get_column_letter(self.column)}{self.line}"

    def describe_cell(self) -> str | None:
        """``K12 (Reports to Senior Post)``, with the sheet where there is one."""
        if self.cell is None:
            return None
        where = f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        return f"{where} ({self.header})" if self.header else where

    def holds(self, other: Span) -> bool:
        """Whether ``other`` lies within this span (in the same file)."""
        return (
            self.file == other.file
            and (self.line, self.column) <= (other.line, other.column)
            and (other.end_line, other.end_column) <= (self.end_line, self.end_column)
        )

    @classmethod
    def start_of(cls, file: str) -> Span:
        """The first character of a file: where findings about the whole file point."""
        return cls(file, 1, 1, 1, 1)


@dataclass(slots=True)
class Diagnostic:
    """One finding.

    Rules and loaders fill in what they know (code, message, span, post, and a specific fix
    where they have one); the engine then completes name, severity, basis and fix from the
    rule's metadata and the ruleset, in one place, so every finding is described the same way.
    """

    code: str
    message: str
    span: Span
    post: str | None = None
    """The post the finding is about, if one."""
    department: str | None = None
    """The department it is about, for findings about a department rather than a post."""
    designations: tuple[str, ...] = ()
    """The designations of ``post`` it is about, for findings about designations (the two a conflict
    puts on one post): the audit report marks those, not the post's others."""
    fix: str = ""
    name: str = ""
    severity: Severity = Severity.ERROR
    basis: str = ""
    at_most: Severity | None = None
    """Set by a rule for a finding milder than the rule's usual ones (a warning where only a
    published schema's text is stricter than the validator that enforces it): the engine gives
    it the rule's severity from the ruleset, but never more than this."""

    replacement: str | None = None
    """For a finding a safe fix mends: the text its span should read instead (``grade`` for a key
    written ``grdae``, ``2`` for a tier). Its rule (``fixable``) turns it into edits (``Rule.fix_edits``)."""

    sharers: tuple[str, ...] = ()
    """For a finding on a value several posts share (a YAML anchor merged into them, an alias):
    every one of those posts, ``post`` first. The message begins by naming them
    (``wording.shared_by``); the fingerprint leaves that out, so that a baseline entry survives a
    post more or less sharing the value, and an entry written per post still matches its first."""

    follows_from: frozenset[str] | None = None
    """Set by a rule whose findings differ in what accounts for them: the codes of the findings
    this one follows from, in place of the rule's ``follows_from`` (see ``Rule.follows_from``)."""

    about_input: bool = False
    """Set by the engine for an input finding (a file that does not parse or breaks the format):
    these come first in every view, since nothing after them can be fully trusted."""

    def sort_key(self) -> tuple[bool, str, str, int, int, str, str]:
        """Input findings first, then by place in the files (a workbook's sheet by sheet)."""
        span = self.span
        return (not self.about_input, span.file, span.sheet or "", span.line, span.column, self.code, self.message)


@dataclass(slots=True)
class Suppressed:
    """A finding kept out of the results, and why: the suppression comment's reason, or the baseline."""

    diagnostic: Diagnostic
    reason: str


_LOCATIONS = re.compile(r"\b(?:line|row) \d+|:\d+(?::\d+)?\b")


def location_free(message: str) -> str:
    """A message without its line references ("first defined at line 9", "x.yaml:12"), a table's
    rows included ("already used at row 6")."""
    return _LOCATIONS.sub("", message)


def fingerprint(diagnostic: Diagnostic) -> str:
    """Stable across edits that move a finding: file, rule, post and message, never the line
    (line references inside messages, such as "first defined at line 9", are left out too)."""
    message = diagnostic.message
    if diagnostic.sharers:
        message = message.removeprefix(f"{shared_by(diagnostic.sharers)}: ")
    message = location_free(message)
    key = "\0".join((diagnostic.span.file, diagnostic.code, diagnostic.post or "", message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
