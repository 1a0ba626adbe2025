"""Safe fixes: the edits fixable rules (``Rule.fixable``) declare for their findings, applied to
a structure file's text (``fix_text``) and, for ``orglint check --fix`` and ``--diff``, to the
files of a lint run (``plan_fixes``, ``apply_fixes``).

A fix edits only the characters its finding points at (a value, a key, a suppression comment):
every other byte of the file stays as written, so comments, key order, quoting, blank lines and
line breaks survive, and the file's diff touches only the fixed lines. The result must still read
as YAML with ruamel.yaml's round-trip parser, or nothing is changed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from orglint.diagnostics import Diagnostic
from orglint.rules import Rule
from orglint.rules.registry import registered_rules
from orglint.text_edits import SourceText, TextEdit


@dataclass(frozen=True)
class FixedText:
    text: str
    """The whole file after the fixes (the text given, if nothing was fixed)."""
    fixed: tuple[Diagnostic, ...]
    """The findings mended."""


def fixable(finding: Diagnostic, rules: dict[str, type[Rule]] | None = None) -> bool:
    """Whether the finding's rule declares fixes and the finding carries one."""
    rule = (rules if rules is not None else registered_rules()).get(finding.code)
    return rule is not None and rule.fixable and finding.replacement is not None


def fix_text(text: str, findings: Sequence[Diagnostic]) -> FixedText:
    """Apply the safe fixes of ``findings`` (all in the one YAML file whose content is ``text``);
    return the new text and which findings it mended. Findings without a fix are ignored. Pure:
    reads and writes no file.

    The fixes are applied from the end of the file to its start, each worked out on the text as
    the later ones left it, so that each finding's span still means what it did and two fixes on
    one line (two stale codes of one suppression comment) compose. A fix whose edits would reach
    outside its finding's lines, or into text another fix already changed, is left out."""
    rules = registered_rules()
    wanted = [finding for finding in findings if fixable(finding, rules)]
    if not wanted or not _reads_as_yaml(text):
        return FixedText(text, ())
    wanted.sort(key=lambda finding: (finding.span.line, finding.span.column, finding.span.end_line, finding.span.end_column))
    current = text
    untouched_before = len(text)  # offsets from here on have been edited
    fixed: list[Diagnostic] = []
    for finding in reversed(wanted):
        source = SourceText(current)
        try:
            edits = sorted(rules[finding.code]().fix_edits(finding, source))
        except ValueError:  # a span outside the text: the finding is not about this text
            continue
        if not edits or not _within(edits, finding, source, untouched_before):
            continue
        for edit in reversed(edits):
            current = current[: edit.start] + edit.new + current[edit.end :]
        untouched_before = edits[0].start
        fixed.append(finding)
    if not fixed or current == text or not _reads_as_yaml(current):
        return FixedText(text, ())
    return FixedText(current, tuple(reversed(fixed)))


def _within(edits: list[TextEdit], finding: Diagnostic, source: SourceText, untouched_before: int) -> bool:
    """The edits stay on the finding's own lines, do not overlap, and end before any text a
    fix already changed."""
    first = source.line_start(finding.span.line)
    last = source.next_line_start(finding.span.end_line)
    ends = [edit.end for edit in edits]
    starts = [edit.start for edit in edits]
    apart = all(end <= start for end, start in zip(ends, starts[1:], strict=False))
    return apart and first <= starts[0] and ends[-1] <= min(last, untouched_before)


def _reads_as_yaml(text: str) -> bool:
    """Whether ruamel.yaml's round-trip parser reads the text (every document of it)."""
    try:
        for _ in YAML(typ="rt").load_all(text):
            pass
    except YAMLError:
        return False
    except (ValueError, RecursionError):  # what else a hostile text can make a parser raise
        return False
    return True


def unified_diff(display: str, before: str, after: str) -> str:
    """The change as a unified diff, ``a/`` and ``b/`` as git shows it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{display}", f"b/{display}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass
class FileFix:
    """One file's fixes: its text before and after, and the findings mended."""

    path: Path
    display: str
    before: str
    after: str
    fixed: list[Diagnostic] = field(default_factory=list)


def findings_by_file(findings: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = {}
    for finding in findings:
        by_file.setdefault(finding.span.file, []).append(finding)
    return by_file
