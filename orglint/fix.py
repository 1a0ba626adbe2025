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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from orglint.diagnostics import Diagnostic
from orglint.load.documents import PENDING_CONTENT
from orglint.load.input_findings import INVALID_YAML
from orglint.load.perimeter import is_within, project_root
from orglint.load.source import SourceFile, real_path, text_lines
from orglint.output_file import write_atomically
from orglint.rules import Rule
from orglint.rules.registry import registered_rules
from orglint.safe_text import safe_text
from orglint.text_edits import SourceText, TextEdit

if TYPE_CHECKING:
    from orglint.engine import LintResult
    from orglint.model.structure import Structure


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
    one line (two stale codes of one suppression comment) compose. A finding whose span another
    fix already changed (the same finding twice) is left out, as is a fix whose edits would reach
    outside its finding's lines."""
    rules = registered_rules()
    wanted = [finding for finding in findings if fixable(finding, rules)]
    if not wanted or not _reads_as_yaml(text):
        return FixedText(text, ())
    wanted.sort(key=lambda finding: (finding.span.line, finding.span.column, finding.span.end_line, finding.span.end_column))
    current = text
    untouched_before = len(text)  # the text before this offset is as it was given
    fixed: list[Diagnostic] = []
    for finding in reversed(wanted):
        source = SourceText(current)
        try:
            if source.span_range(finding.span)[1] > untouched_before:
                continue
            edits = sorted(rules[finding.code]().fix_edits(finding, source))
        except ValueError:  # a span outside the text: the finding is not about this text
            continue
        if not edits or not _within(edits, finding, source):
            continue
        for edit in reversed(edits):
            current = current[: edit.start] + edit.new + current[edit.end :]
        untouched_before = min(untouched_before, edits[0].start)
        fixed.append(finding)
    if not fixed or current == text or not _reads_as_yaml(current):
        return FixedText(text, ())
    return FixedText(current, tuple(reversed(fixed)))


def _within(edits: list[TextEdit], finding: Diagnostic, source: SourceText) -> bool:
    """The edits (in order) stay on the finding's own lines and do not overlap."""
    first = source.line_start(finding.span.line)
    last = source.next_line_start(finding.span.end_line)
    ends = [edit.end for edit in edits]
    starts = [edit.start for edit in edits]
    apart = all(end <= start for end, start in zip(ends, starts[1:], strict=False))
    return apart and first <= starts[0] and ends[-1] <= last


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
    """The change as a unified diff (``a/`` and ``b/`` as git names the sides), its lines as YAML
    counts them and made safe to show: a file's control characters never reach the terminal."""
    lines = difflib.unified_diff(text_lines(before), text_lines(after), f"a/{display}", f"b/{display}", lineterm="")
    return "".join(safe_text(line) + "\n" for line in lines)


MAX_ROUNDS = 10
"""Fixes can make others: a director's tier set right leaves its team's tiers, which followed the
old one, to be set in the next round. Each round lints the fixed text again, until nothing is
left to fix (a bound, not a target: a tree seven tiers deep takes seven)."""

_YAML_SUFFIXES = (".yaml", ".yml")
_BOM = b"\xef\xbb\xbf"


@dataclass
class FileFix:
    """One file's fixes: its content before and after (bytes, exactly), and the findings mended."""

    path: Path
    """The file's real path (a link inside the project is fixed where it leads)."""
    display: str
    before: bytes
    after: bytes
    fixed: list[Diagnostic] = field(default_factory=list)

    def diff(self) -> str:
        return unified_diff(self.display, _text(self.before), _text(self.after))


@dataclass
class FixOutcome:
    """What ``--fix`` changes (or ``--diff`` would), and what it leaves alone and why."""

    files: dict[Path, FileFix] = field(default_factory=dict)
    left_alone: dict[str, str] = field(default_factory=dict)
    """Files with fixable findings that are not rewritten, by display path: why."""
    result: LintResult | None = None
    """The lint of the fixed files (the last round)."""

    @property
    def changed(self) -> list[FileFix]:
        return [fix for fix in self.files.values() if fix.after != fix.before]

    @property
    def fixed_count(self) -> int:
        return sum(len(fix.fixed) for fix in self.changed)


def _text(content: bytes) -> str:
    return content.removeprefix(_BOM).decode("utf-8")


def fix_rounds(lint_again: Callable[[], LintResult], first: LintResult) -> FixOutcome:
    """Fix what ``first`` found, lint the fixed text again (``lint_again``, which reads it instead
    of the files on disk) and fix again, until a round fixes nothing. Nothing is written: the
    outcome holds each file's content before and after."""
    outcome = FixOutcome(result=first)
    result = first
    for _ in range(MAX_ROUNDS):
        if not _fix_round(result, outcome):
            break
        token = PENDING_CONTENT.set(MappingProxyType({path: fix.after for path, fix in outcome.files.items()}))
        try:
            result = lint_again()
        finally:
            PENDING_CONTENT.reset(token)
        outcome.result = result
    return outcome


def _fix_round(result: LintResult, outcome: FixOutcome) -> bool:
    """Apply one round of fixes to ``outcome``'s files; whether anything changed."""
    rules = registered_rules()
    sources = {source.display: (source, run.structure) for run in result.runs for source in run.structure.files}
    unreadable = {finding.span.file for finding in result.diagnostics if finding.code == INVALID_YAML}
    changed = False
    for display, findings in findings_by_file(result.diagnostics).items():
        wanted = [finding for finding in findings if fixable(finding, rules)]
        if not wanted:
            continue
        found = sources.get(display)
        why = _not_rewritten(display, found, unreadable)
        if why is not None or found is None:
            outcome.left_alone.setdefault(display, why or "not a file this run read")
            continue
        path = real_path(found[0].path)
        fix = outcome.files.get(path)
        if fix is None:
            try:
                content = path.read_bytes()
                _text(content)
            except (OSError, UnicodeDecodeError):
                outcome.left_alone.setdefault(display, "it cannot be read back as UTF-8 text")
                continue
            fix = FileFix(path, display, content, content)
        bom = _BOM if fix.after.startswith(_BOM) else b""
        mended = fix_text(_text(fix.after), wanted)
        if mended.fixed:
            fix.after = bom + mended.text.encode("utf-8")
            fix.fixed.extend(mended.fixed)
            outcome.files[path] = fix
            changed = True
    return changed


def _not_rewritten(display: str, found: tuple[SourceFile, Structure] | None, unreadable: set[str]) -> str | None:
    """Why a file with fixable findings is left alone, if it is."""
    if found is None:
        return "not a structure file this run read"
    source, structure = found
    if source.path.suffix.lower() not in _YAML_SUFFIXES:
        return "a workbook or table is not rewritten: make the change in it"
    if display in unreadable:
        return "it does not read as YAML (X001)"
    if not is_within(source.path, project_root(structure.root.path)):
        return "it lies outside the repository"
    return None


def write_fixes(outcome: FixOutcome) -> list[str]:
    """Write each changed file whole or not at all (a temporary file renamed over it). A file
    that changed on disk since it was read is left alone: the problems it had may be gone, and
    what was changed in it must not be lost. Returns those files' display paths."""
    changed_meanwhile = []
    for fix in outcome.changed:
        try:
            now = fix.path.read_bytes()
        except OSError:
            now = None
        if now != fix.before:
            changed_meanwhile.append(fix.display)
            continue
        write_atomically(fix.path, fix.after)
    return changed_meanwhile


def findings_by_file(findings: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = {}
    for finding in findings:
        by_file.setdefault(finding.span.file, []).append(finding)
    return by_file
