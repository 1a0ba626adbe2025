"""What hovering shows: a rule's documentation over its finding, a post's card over its id."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from orglint.diagnostics import Diagnostic
from orglint.docs import builtin_rules, rule_anchor, rule_text
from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.rules import Rule
from orglint.rules.registry import registered_rules

_SECTION = re.compile(r"^## (?P<title>.+)$", re.MULTILINE)
_SHOWN_SECTIONS = ("What it does", "Why", "How to fix")
"""A rule's docstring sections a hover shows (its examples are for `orglint rule CODE`)."""

_TOKEN = re.compile(r"[^\s,:\[\]{}#\"']+")
"""A word as a post id is written in YAML: plain, or the inside of quotes."""

RULE_CATALOGUE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
"""docs/rules.md, present where orglint runs from its repository (an editable install)."""


@cache
def docs_uri(code: str) -> str | None:
    """Where a built-in rule is documented (docs/rules.md#anchor), when the catalogue is at hand;
    a plugin's rules are not in it."""
    rule = builtin_rules().get(code)
    if rule is None or not RULE_CATALOGUE.is_file():
        return None
    return f"{RULE_CATALOGUE.as_uri()}#{rule_anchor(rule)}"


def _sections(rule: type[Rule]) -> dict[str, str]:
    text = rule_text(rule)
    marks = list(_SECTION.finditer(text))
    return {
        mark["title"].strip(): text[mark.end() : marks[index + 1].start() if index + 1 < len(marks) else len(text)].strip()
        for index, mark in enumerate(marks)
    }


def rule_markdown(diagnostic: Diagnostic) -> str:
    """The finding's rule: what it checks, why, its basis and how to fix it (Markdown)."""
    rule = registered_rules().get(diagnostic.code)
    if rule is None:
        return f"**{_escaped(diagnostic.message)}**"  # a ruleset's or configuration's fault, which quotes user text
    sections = _sections(rule)
    parts = [f"**{rule.code} {rule.name}** ({diagnostic.severity.label}): {_escaped(diagnostic.message)}", rule.summary()]
    for title in _SHOWN_SECTIONS:
        if title in sections:
            parts.append(f"**{title}**\n\n{sections[title]}")
            if title == "Why":
                parts.append(f"**Basis**: {_escaped(diagnostic.basis or rule.basis)}")
    uri = docs_uri(rule.code)
    if uri is not None:
        parts.append(f"[{rule.code} in the rule catalogue]({uri})")
    return "\n\n".join(parts)


def word_at(line: str, column: int) -> str | None:
    """The word at 0-based ``column`` of ``line`` (or ending just before it)."""
    for match in _TOKEN.finditer(line):
        if match.start() <= column <= match.end():
            return match.group()
    return None


def post_markdown(post: Post, run: StructureRun, findings: Iterable[Diagnostic]) -> str:
    """A post's card: title, manager, grade, and its findings."""
    manager = run.graph.manager(post)
    if post.reports_to is None:
        reports_to = "none (a top post)"
    elif post.reports_to in run.graph.shared_ids:
        reports_to = f"{_escaped(post.reports_to)} (two posts have this id: S001)"
    elif manager is None:
        reports_to = f"{_escaped(post.reports_to)} (no such post)"
    else:
        reports_to = f"{_escaped(manager.id)}, {_escaped(manager.title)}"
    lines = [
        f"**{_escaped(post.id)}** {_escaped(post.title)}",
        "",
        f"- manager: {reports_to}",
        f"- grade: {_escaped(post.grade) if post.grade else 'not given'}",
        f"- tier: {post.tier if post.tier is not None else 'not given'}",
    ]
    own = [finding for finding in findings if finding.post == post.id]
    lines.append("")
    if own:
        lines.append(f"**Findings** ({len(own)}):")
        lines.extend(f"- {finding.code} {finding.severity.label}: {_escaped(finding.message)}" for finding in own)
    else:
        lines.append("No findings.")
    return "\n".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def _escaped(text: str) -> str:
    """User text shown as itself in Markdown, never as markup or a link: its line breaks folded to
    spaces (a line of its own could start a heading, a list or a rule), its markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))
