"""Safe fixes: the edits fixable rules (``Rule.fixable``) declare for their findings, applied to
a structure file's text (``fix_text``) and, for ``orglint check --fix`` and ``--diff``, to the
files of a lint run, round after round (``fix_rounds``, ``write_fixes``).

A fix edits only the characters its finding points at (a value, a key, a suppression comment):
every other byte of the file stays as written, so comments, key order, quoting, blank lines and
line breaks survive, and the file's diff touches only the fixed lines. (A YAML round trip, even
ruamel.yaml's, writes the whole file again: it keeps comments and order but may re-indent, re-wrap
or re-space what it did not change, and at 7 s for 1,000 posts it is far slower than the lint.)
The result must still read as YAML, as well as it did, with the reader ``check`` uses, or nothing
is changed.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from orglint.diagnostics import Diagnostic, Span, location_free
from orglint.load.input_findings import INVALID_YAML
from orglint.load.overlay import Overlay, current_overlay, reading
from orglint.load.perimeter import is_within, project_root
from orglint.load.source import LINE_BREAK, LoadProblem, SourceFile, decode_text, read_binary, real_path
from orglint.load.yaml_source import YamlMap, YamlSeq, compose
from orglint.output_file import OutputFailed, write_atomically
from orglint.rules import Rule
from orglint.rules.registry import registered_rules
from orglint.safe_text import safe_line
from orglint.text_edits import SourceText, TextEdit
from orglint.wording import MAX_SHARERS, listed

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
    reads and writes no file."""
    lines = text_with_breaks(text)
    fixed = mend_lines(lines, findings)
    return FixedText("".join(lines), fixed) if fixed else FixedText(text, ())


def text_with_breaks(text: str) -> list[str]:
    """The text's lines, each with its line break (as findings count lines): ``"".join`` gives it back."""
    lines, start = [], 0
    for brk in LINE_BREAK.finditer(text):
        lines.append(text[start : brk.end()])
        start = brk.end()
    lines.append(text[start:])
    return lines


def mend_lines(lines: list[str], findings: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Apply the safe fixes of ``findings`` to a file's ``lines`` (``text_with_breaks``, or what
    an earlier call left): each stays where it is, ``""`` once a fix removes it, so that the list
    stays aligned with the file's lines as they were (which makes the diff). Findings count the
    lines that are left. Returns the findings mended.

    A fix edits its finding's own line only. The fixes are applied from the end of the file to its
    start, each worked out on its line as the later ones left it, so that each finding's span still
    means what it did and two fixes on one line (two stale codes of one suppression comment)
    compose. A finding whose span another fix already changed (the same finding twice) is left
    out. A fix after which the text does not read as YAML as well as it did is not made."""
    rules = registered_rules()
    wanted = [f for f in findings if fixable(f, rules) and f.span.line == f.span.end_line]
    if not wanted:
        return ()
    problems = _yaml_problems(lines)
    if problems is None:
        return ()
    return _mend(lines, wanted, problems, rules)[0]


_Problems = set[tuple[str, int]]


def _mend(
    lines: list[str], wanted: list[Diagnostic], problems: _Problems, rules: dict[str, type[Rule]]
) -> tuple[tuple[Diagnostic, ...], _Problems]:
    """``mend_lines``'s work, for the fixable ``wanted`` and the ``problems`` of ``lines`` as
    given; returns the findings mended and the problems of ``lines`` as it leaves them (so that
    fixes tried one by one read the text once each)."""
    given = list(lines)
    rows = [index for index, line in enumerate(lines) if line]  # the lines left, by number
    edited_from: dict[int, int] = {}  # by index: where the line's text has been edited from
    fixed: list[Diagnostic] = []
    for finding in sorted(wanted, key=lambda finding: (finding.span.line, finding.span.column), reverse=True):
        if not 1 <= finding.span.line <= len(rows):
            continue
        index = rows[finding.span.line - 1]
        line = lines[index]
        source = SourceText(line, first_line=finding.span.line)
        try:
            if source.span_range(finding.span)[1] > edited_from.get(index, len(line)):
                continue
            edits = sorted(rules[finding.code]().fix_edits(finding, source))
        except ValueError:  # a span outside the text: the finding is not about this text
            continue
        if not edits or not _apart(edits, len(line)) or all(line[e.start : e.end] == e.new for e in edits):
            continue
        for edit in reversed(edits):
            line = line[: edit.start] + edit.new + line[edit.end :]
        lines[index] = line
        edited_from[index] = min(edited_from.get(index, len(line)), edits[0].start)
        fixed.append(finding)
    if not fixed:
        return (), problems
    now = _yaml_problems(lines)
    if now is not None and now <= problems:
        return tuple(reversed(fixed)), now
    lines[:] = given
    if len(fixed) == 1:
        return (), problems
    # one of the fixes spoils the YAML (a "comment" that is inside a quoted value): each on its own
    mended: list[Diagnostic] = []
    for finding in fixed:
        one, problems = _mend(lines, [finding], problems, rules)
        mended.extend(one)
    return tuple(reversed(mended)), problems


def _apart(edits: list[TextEdit], length: int) -> bool:
    """The edits (in order) lie within the line, and do not overlap."""
    ends = [edit.end for edit in edits]
    starts = [edit.start for edit in edits]
    return starts[0] >= 0 and ends[-1] <= length and all(end <= start for end, start in zip(ends, starts[1:], strict=False))


def _yaml_problems(lines: list[str]) -> _Problems | None:
    """The faults orglint's YAML reader (the one ``check`` reads files with) finds in the text of
    ``lines`` (aligned as ``mend_lines`` keeps them) that do not stop it (a key given twice), as
    (message, line): each line numbered as in ``lines``, so that a line a fix removed moves no
    fault below it. None if it cannot read the text at all. A fix may mend faults, never make one
    (a set, not a count: a fix that removes one duplicate key and makes another is refused)."""
    try:
        _, problems = compose("".join(lines), SourceFile(Path("fixed.yaml"), display="fixed.yaml"))
    except LoadProblem:
        return None
    if not problems:
        return set()
    rows = [index for index, line in enumerate(lines) if line]  # the text's lines, by number
    return {(problem.message, rows[problem.line - 1] if 0 < problem.line <= len(rows) else -1) for problem in problems}


def unified_diff(display: str, before: list[str], after: list[str]) -> str:
    """The change from ``before`` to ``after`` (a file's lines, aligned as ``mend_lines`` keeps
    them) as a unified diff, ``a/`` and ``b/`` as git names the sides, that ``git apply`` and
    ``patch`` take (``_diff_line``), made safe to show: a file's control characters never reach
    the terminal. The lines being aligned, nothing is searched
    for (difflib's matcher took four minutes over a 10,000-post file)."""
    count = len(before) - 1 if before and not before[-1] else len(before)  # no line after a final break
    opcodes: list[_Opcode] = []
    index = kept = 0  # kept: lines of ``after`` so far
    while index < count:
        start, start_kept = index, kept
        unchanged = before[index] == after[index]
        while index < count and (before[index] == after[index]) == unchanged:
            kept += 1 if after[index] else 0
            index += 1
        if unchanged:
            opcodes.append(("equal", start, index, start_kept, kept))
        else:
            opcodes.append(("replace" if kept > start_kept else "delete", start, index, start_kept, kept))
    old = before[:count]
    new = [line for line in after[:count] if line]
    out = [f"--- a/{display}\n", f"+++ b/{display}\n"]
    for group in _Aligned(opcodes).get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(" " + line for line in old[i1:i2])
                continue
            out.extend("-" + line for line in old[i1:i2])
            out.extend("+" + line for line in new[j1:j2])
    if len(out) == 2:
        return ""
    return "".join(map(_diff_line, out))


_NO_NEWLINE = "\\ No newline at end of file\n"


def _diff_line(line: str) -> str:
    """A line of the diff as ``diff`` and ``git diff`` write it, so that ``patch`` and ``git
    apply`` take it: its own line break kept (``\\r\\n`` stays ``\\r\\n``), and the file's last
    line, if it has none, followed by "\\ No newline at end of file". Its text is made safe to
    show (a control character, or a CI log command, is shown escaped; such a line is no longer
    the file's, but it never reaches a terminal raw). A line that ends in a lone ``\\r`` (a break
    for editors, not for diff tools) is shown with the break escaped and ended with ``\\n``.
    U+0085, U+2028 and U+2029 end no line here, as they end none for git (nor for findings), so
    the hunks' line numbers are git's; U+2028 and U+2029 (a title pasted from a word processor)
    are even kept as they are (``_patch_line``), and such a hunk applies. U+0085 is a C1 control,
    and is escaped."""
    if line.endswith("\r\n"):
        return _patch_line(line[:-2]) + "\r\n"
    if line.endswith("\n"):
        return _patch_line(line[:-1]) + "\n"
    if LINE_BREAK.search(line[-1:]):
        return _patch_line(line) + "\n"
    return _patch_line(line) + "\n" + _NO_NEWLINE


_SEPARATORS = re.compile("([\u2028\u2029])")


def _patch_line(line: str) -> str:
    """``safe_line``, but with U+2028 and U+2029 kept: they drive no terminal and end no line for
    git or a CI runner (which read only ``\\n`` and ``\\r``), and escaped they would keep the
    patch from applying. Each stretch between them is made safe as a line of its own: the
    stricter reading, for a viewer that does break lines there."""
    if "\u2028" not in line and "\u2029" not in line:
        return safe_line(line)
    return "".join(part if _SEPARATORS.fullmatch(part) else safe_line(part) for part in _SEPARATORS.split(line))


_Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]


class _Aligned(difflib.SequenceMatcher[str]):
    """difflib's grouping of changes into hunks, for changes already known."""

    def __init__(self, opcodes: list[_Opcode]) -> None:
        super().__init__(None, [], [])
        self._known = opcodes

    def get_opcodes(self) -> list[_Opcode]:
        return self._known


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it (difflib's rule): 1-based start, and the length
    unless it is 1; an empty range names the line before it."""
    length = stop - start
    if length == 1:
        return f"{start + 1}"
    return f"{start + 1 if length else start},{length}"


MAX_ROUNDS = 20
"""Fixes can make others: a director's tier set right leaves its team's tiers, which followed the
old one, to be set in the next round. Each round lints the fixed text again, until nothing is
left to fix: as many rounds as the tiers below the highest fix, a handful (D104 allows seven
layers). Fixes still going after this many never settle: their file is left alone."""

_YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class FileFix:
    """One file's fixes: its content before and after (bytes, exactly), and the findings mended."""

    path: Path
    """The file's real path (a link inside the project is fixed where it leads)."""
    display: str
    before: bytes
    lines_before: list[str]
    lines: list[str]
    """The lines now, aligned with ``lines_before`` (``mend_lines``)."""
    fixed: list[Diagnostic] = field(default_factory=list)

    @property
    def after(self) -> bytes:
        bom = codecs.BOM_UTF8 if self.before.startswith(codecs.BOM_UTF8) else b""  # kept as it was
        return bom + "".join(self.lines).encode("utf-8")

    def diff(self) -> str:
        return unified_diff(self.display, self.lines_before, self.lines)


@dataclass
class FixOutcome:
    """What ``--fix`` changes (or ``--diff`` would), and what it leaves alone and why."""

    files: dict[Path, FileFix] = field(default_factory=dict)
    left_alone: dict[str, str] = field(default_factory=dict)
    """Files with fixable findings that are not rewritten, by display path: why."""
    result: LintResult | None = None
    """The lint of the fixed files (the last round)."""
    first_found: set[tuple[str, str, str | None, str]] = field(default_factory=set)
    """The findings of the first lint, as they last (``_lasting``): those the user saw. A fix of
    any other is one the fixes led to (a team's tiers, after its director's is set right)."""

    @property
    def changed(self) -> list[FileFix]:
        return [fix for fix in self.files.values() if fix.after != fix.before]

    def seen_fixed(self, fix: FileFix) -> int:
        """How many of the findings ``fix`` mends the first lint found."""
        return sum(1 for finding in fix.fixed if _lasting(finding) in self.first_found)


def fix_rounds(lint: Callable[[], LintResult], codes: Collection[str] | None = None) -> FixOutcome:
    """Lint (``lint``), fix what it found (only the findings of ``codes``, if given), lint the
    fixed text again (``lint`` reads it instead of the files on disk) and fix again, until a round
    fixes nothing. Nothing is written: the outcome holds each file's content before and after.

    The fixes are made to the bytes the lint read: every lint runs through one overlay, which
    keeps the bytes of each file it parsed; a file whose bytes on disk are no longer those (an
    editor saved it meanwhile) is left alone, since its findings' lines and columns are about
    other text.

    A fix must bring no finding the first lint did not have. Should the fixed text of a file have
    one (a value merged into several posts from one anchor, set right for one and wrong for
    another), that file's fixes are all given up, and it is left as it was."""
    outer = current_overlay()  # an editor's unsaved text (``orglint server``): what is fixed
    read = outer.branch() if outer is not None else Overlay()  # and the fixed texts over it; what each lint parsed
    with reading(read):
        first = lint()
    had = {_lasting(finding) for finding in first.diagnostics}
    outcome = FixOutcome(result=first, first_found=had)
    given_up: set[Path] = set()
    result = first
    rounds = 0
    while True:
        changing = _fix_round(result, outcome, codes, given_up, read) if rounds < MAX_ROUNDS else set()
        rounds += 1
        if not changing:  # settled, or out of rounds
            new: dict[str, Diagnostic] = {}
            for finding in result.diagnostics:
                if _lasting(finding) not in had:
                    new.setdefault(finding.span.file, finding)
            unsettled = _still_fixing(result, outcome, codes) if rounds > MAX_ROUNDS else set()
            spoiled = [path for path, fix in outcome.files.items() if fix.display in new.keys() | unsettled]
            if not spoiled:
                break
            for path in spoiled:
                fix = outcome.files.pop(path)
                read.drop_text(path)  # the disk's again
                given_up.add(path)
                outcome.left_alone[fix.display] = _shared_value_at_fault(first, fix.display, codes) or (
                    "its fixes do not settle" if fix.display in unsettled else _brings(new[fix.display])
                )
        for path, fix in outcome.files.items():
            read.set_text(path, "".join(fix.lines))
        with reading(read):
            result = lint()
        outcome.result = result
    return outcome


def _still_fixing(result: LintResult, outcome: FixOutcome, codes: Collection[str] | None) -> set[str]:
    """The display paths of ``outcome``'s files that one more round would change again."""
    rules = registered_rules()
    by_file = findings_by_file(f for f in result.diagnostics if fixable(f, rules) and (codes is None or f.code in codes))
    return {fix.display for fix in outcome.files.values() if mend_lines(list(fix.lines), by_file.get(fix.display, ()))}


def _shared_value_at_fault(first: LintResult, display: str, codes: Collection[str] | None) -> str | None:
    """Why a file's fixes are given up, where a value several posts share (an anchored mapping
    merged into them, an alias) has a fix: no one value is right for all of them (set right for
    one post, it is wrong for another, whose fix sets it back). None if no fix is to such a value."""
    rules = registered_rules()
    structures = {source.display: run.structure for run in first.runs for source in run.structure.files}
    structure = structures.get(display)
    if structure is None:
        return None
    at_fault = [
        finding
        for finding in first.diagnostics
        if finding.span.file == display and fixable(finding, rules) and (codes is None or finding.code in codes)
    ]
    if not at_fault:
        return None
    posts_at: dict[Span, list[str]] = {}  # each value's place, to the posts whose data hold it: one walk
    for post in structure.posts:
        for span in _value_spans(post.origin):
            posts_at.setdefault(span, []).append(post.id)
    for finding in at_fault:
        sharing = posts_at.get(finding.span, [])
        if len(sharing) > 1:
            posts = listed([repr(post) for post in dict.fromkeys(sharing)], most=MAX_SHARERS)
            return (
                f"the value at line {finding.span.line} is shared by posts {posts} (a YAML anchor or alias), and no one "
                "value is right for all of them: give each post its own"
            )
    return None


def _value_spans(node: object) -> set[Span]:
    """Where each value inside ``node`` (a post's data as read) stands."""
    spans: set[Span] = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, YamlMap):
            spans.update(node.value_span(key) for key in node)
            stack.extend(node.values())
        elif isinstance(node, YamlSeq):
            spans.update(node.item_span(index) for index in range(len(node)))
            stack.extend(node)
    return spans


def _brings(finding: Diagnostic) -> str:
    about = f" on {finding.post!r}" if finding.post else ""
    return f"its fixes would bring findings it did not have ({finding.code}{about}: {finding.message})"


def _lasting(finding: Diagnostic) -> tuple[str, str, str | None, str]:
    """A finding as it stays when its file is edited elsewhere: without its line and column."""
    return (finding.span.file, finding.code, finding.post, location_free(finding.message))


def _fix_round(
    result: LintResult, outcome: FixOutcome, codes: Collection[str] | None, given_up: set[Path], read: Overlay
) -> set[Path]:
    """Apply one round of fixes to ``outcome``'s files (not those ``given_up``); the files it
    changed. A file is fixed from the bytes the lint that found its findings parsed (``read``)."""
    rules = registered_rules()
    sources = {source.display: (source, run.structure) for run in result.runs for source in run.structure.files}
    unreadable = {finding.span.file for finding in result.diagnostics if finding.code == INVALID_YAML}
    changed: set[Path] = set()
    for display, findings in findings_by_file(result.diagnostics).items():
        wanted = [f for f in findings if fixable(f, rules) and (codes is None or f.code in codes)]
        if not wanted:
            continue
        found = sources.get(display)
        why = _not_rewritten(display, found, unreadable)
        if why is not None or found is None:
            outcome.left_alone.setdefault(display, why or "not a file this run read")
            continue
        path = real_path(found[0].path)
        if path in given_up:
            continue
        fix = outcome.files.get(path)
        if fix is None:
            try:
                content = read_binary(path)  # as the lint read it (the size limit held then)
                lines = text_with_breaks(decode_text(content))
            except LoadProblem:
                outcome.left_alone.setdefault(display, "it cannot be read back as UTF-8 text")
                continue
            if read.parsed(path, content) is None:  # not the bytes the findings are about
                outcome.left_alone.setdefault(display, CHANGED_MEANWHILE)
                given_up.add(path)
                continue
            fix = FileFix(path, display, content, lines, list(lines))
        mended = mend_lines(fix.lines, wanted)
        if mended:
            fix.fixed.extend(mended)
            outcome.files[path] = fix
            changed.add(path)
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


CHANGED_MEANWHILE = "it changed while orglint ran"


def write_fixes(outcome: FixOutcome) -> dict[str, str]:
    """Write each changed file whole or not at all (a temporary file renamed over it). A file
    that changed on disk since it was read is left alone: the problems it had may be gone, and
    what was changed in it must not be lost. A file that cannot be written (a full disk) does not
    stop the others. Returns the files not written, display path → why."""
    not_written = {}
    for fix in outcome.changed:
        try:
            now = fix.path.read_bytes()
        except OSError:
            now = None
        if now != fix.before:
            not_written[fix.display] = CHANGED_MEANWHILE
            continue
        try:
            write_atomically(fix.path, fix.after, shown_as=fix.display)
        except OutputFailed as failure:
            not_written[fix.display] = str(failure)
    return not_written


def findings_by_file(findings: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = {}
    for finding in findings:
        by_file.setdefault(finding.span.file, []).append(finding)
    return by_file
