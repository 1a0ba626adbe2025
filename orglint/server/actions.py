"""The edits the code actions make: a finding's safe fix (``orglint.fix``), and a suppression
comment with its reason left to write.

Both are worked out on the text the editor holds and returned as one replacement of the part that
changed, in protocol positions (code points; the server converts them to the client's units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from orglint.diagnostics import Diagnostic
from orglint.fix import fix_text, fixable
from orglint.load.suppression_comments import inside_value
from orglint.server.positions import DocumentText, offset_position

_EXISTING = re.compile(r"#\s*orglint:\s*ignore\[(?P<codes>[^\]]*)\]")
"""A line's suppression comment (orglint/load/suppression_comments.py), to add a code to."""


@dataclass(frozen=True)
class Replacement:
    """Replace ``start``-``end`` (protocol positions in code points) with ``new``; the cursor then
    belongs at ``cursor``."""

    start: types.Position
    end: types.Position
    new: str
    cursor: types.Position


def safe_fix(text: str, finding: Diagnostic) -> Replacement | None:
    """The finding's safe fix on ``text``, if its rule has one that applies there."""
    if not fixable(finding):
        return None
    fixed = fix_text(text, [finding])
    if not fixed.fixed or fixed.text == text:
        return None
    return _difference(text, fixed.text)


def every_safe_fix(text: str, fixed: str | None) -> Replacement | None:
    """All the safe fixes of a file at once (``source.fixAll``): the replacement that turns the
    editor's ``text`` into ``fixed``, the text ``check --fix`` would write (``LintSession.fixed_text``)."""
    if fixed is None or fixed == text:
        return None
    return _difference(text, fixed)


def fix_title(finding: Diagnostic) -> str:
    """What a finding's fix does, as a code action's title."""
    if finding.replacement:
        return f"Fix {finding.code}: write {finding.replacement!r}"
    return f"Fix {finding.code}: remove it"


def _difference(before: str, after: str) -> Replacement:
    """The one replacement that turns ``before`` into ``after``: what lies between their common
    start and common end."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]:
        end_before, end_after = end_before - 1, end_after - 1
    new = after[start:end_after]
    return Replacement(
        offset_position(before, start), offset_position(before, end_before), new, offset_position(after, end_after)
    )


def suppression(text: str, finding: Diagnostic, root: object) -> Replacement | None:
    """``# orglint: ignore[CODE] -- `` at the end of the finding's line (or CODE added to the
    comment already there), with the cursor where the reason goes. None where a comment cannot
    suppress it (an input finding: X001, X002), its line is not in the text, or the line ends
    inside a value of ``root``, the text's YAML tree (a quoted or plain scalar that goes on to the
    next line, a block scalar: there the "comment" would be part of the value). Findings count
    the editor's lines, so a U+2028 inside a quoted title ends none."""
    if finding.about_input or not finding.code:
        return None
    document = DocumentText(text)
    number = finding.span.line
    if not 1 <= number <= document.line_count():
        return None
    start, end = document.source.line_start(number), document.source.line_end(number)
    line = text[start:end]
    existing = _EXISTING.search(line)
    comment_column = existing.start() + 1 if existing is not None else len(line.rstrip()) + 1
    if inside_value(root, (number, comment_column)):
        return None
    if existing is not None:
        codes = [code.strip() for code in existing["codes"].split(",") if code.strip()]
        if finding.code in codes:
            return None
        where = document.position(start + existing.end("codes"))
        new = ", " + finding.code if codes else finding.code
        after = document.position(end)
        return Replacement(where, where, new, types.Position(line=after.line, character=after.character + len(new)))
    kept = document.position(start + len(line.rstrip()))
    comment = f"  # orglint: ignore[{finding.code}] -- "
    return Replacement(
        kept, document.position(end), comment, types.Position(line=kept.line, character=kept.character + len(comment))
    )
