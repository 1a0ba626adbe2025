"""Applying inline suppressions to a structure's findings, and finding the unused ones (X003)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from orglint.diagnostics import Diagnostic, Span, Suppressed
from orglint.graph import OrgGraph
from orglint.load.suppression_comments import Suppression
from orglint.model.schema import Post
from orglint.rules import InputRule, Rule
from orglint.rules.registry import code_of

UNUSED_SUPPRESSION = "X003"


def apply(
    diagnostics: list[Diagnostic], suppressions: list[Suppression], graph: OrgGraph
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """Split findings into (kept, suppressed with the comment's reason). A finding is suppressed by a comment naming its
    rule on the line where the finding stands, on the first line of its post, or anywhere in its
    file as ``ignore-file``. Input findings (X001, X002) cannot be suppressed."""
    if not suppressions:
        return diagnostics, []
    by_line: dict[tuple[str, int], list[Suppression]] = defaultdict(list)
    whole_file: dict[str, list[Suppression]] = defaultdict(list)
    for suppression in suppressions:
        (whole_file[suppression.file] if suppression.whole_file else by_line[(suppression.file, suppression.line)]).append(
            suppression
        )
    kept: list[Diagnostic] = []
    suppressed: list[Suppressed] = []
    for diagnostic in diagnostics:
        if diagnostic.about_input:  # the engine marked it, from its rule
            kept.append(diagnostic)
            continue
        candidates = [*by_line.get((diagnostic.span.file, diagnostic.span.line), ()), *whole_file.get(diagnostic.span.file, ())]
        post = graph.posts.get(diagnostic.post) if diagnostic.post is not None else None
        if post is not None:
            start = post.origin.span()
            if start.file == diagnostic.span.file and start.line != diagnostic.span.line:
                candidates.extend(by_line.get((start.file, start.line), ()))
        matched = next((s for s in candidates for text in s.codes if code_of(text) == diagnostic.code), None)
        if matched is None:
            kept.append(diagnostic)
        else:
            matched.used.add(diagnostic.code)
            where = f"{matched.file}:{matched.line}"
            reason = f"{matched.reason} ({where})" if matched.reason else f"no reason given ({where})"
            suppressed.append(Suppressed(diagnostic, reason))
    return kept, suppressed


def unused(suppressions: list[Suppression], ran: set[str], posts: list[Post], rules: dict[str, type[Rule]]) -> list[Diagnostic]:
    """X003 for each code of a comment that suppressed nothing, among rules that ran, that names
    no rule, or that names an input rule (whose findings are never suppressed), at the code. Each
    names, in ``post``, the post whose lines the comment is on."""
    findings = []
    post_at = _PostLines(posts)
    for suppression in suppressions:
        for text, column in zip(suppression.codes, suppression.code_columns, strict=True):
            span = Span(suppression.file, suppression.line, column, suppression.line, column + len(text))
            code = code_of(text)
            # the code is removed by X003's fix where that can expose no finding: not a code naming
            # no rule, which may be a misspelling of the one whose finding it means to hide
            removable: str | None = ""
            if code is None:
                message, removable = f"suppression names no rule: {text!r}", None
            elif issubclass(rules[code], InputRule):
                message = f"input findings cannot be suppressed: correct the input that {code} reports instead"
            elif code in ran and code not in suppression.used:
                message = f"unused suppression: no {code} finding here to suppress"
            else:
                continue
            post = post_at(suppression.file, suppression.line)
            findings.append(Diagnostic(UNUSED_SUPPRESSION, message, span, post=post, replacement=removable))
    return findings


class _PostLines:
    """The post whose record spans a line of a file: built on first use (most runs have no stale
    comment), then one binary search per question."""

    def __init__(self, posts: list[Post]) -> None:
        self._posts = posts
        self._by_file: dict[str, tuple[list[int], list[tuple[int, str]]]] | None = None

    def __call__(self, file: str, line: int) -> str | None:
        if self._by_file is None:
            spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
            for post in self._posts:
                where = post.origin.span()
                if where.header is None:  # a table's row is no range of lines
                    spans[where.file].append((where.line, where.end_line, post.id))
            self._by_file = {}
            for name, ranges in spans.items():
                ranges.sort()
                self._by_file[name] = ([start for start, _, _ in ranges], [(end, post_id) for _, end, post_id in ranges])
        starts, ends = self._by_file.get(file, ([], []))
        index = bisect_right(starts, line) - 1
        if index < 0 or ends[index][0] < line:
            return None
        return ends[index][1]
