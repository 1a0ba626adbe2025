"""User data made safe to show: nothing a linted repository writes (post ids, titles, names, file
names, the lines of a code frame) can drive a terminal, start an output line, or be read by a CI
runner as one of its log commands.

Applied where user data enters output (``engine._with_rule_metadata``, ``load.source.display_path``, the
report's document model, the tree, the code frame); each format escapes its own syntax on top
(GitHub workflow commands, XML, Markdown, HTML).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f"  # C0 controls but tab (harmless), newline and carriage return included
    "\x7f-\x9f"  # DEL and the C1 controls (\x9b is a one-character ESC [)
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates ("Trojan Source")
    "\ud800-\udfff]"  # lone surrogates (a file name's undecodable bytes): no UTF-8 stream takes them
    # CI log commands. GitHub reads `::command::` at the start of a line even after spaces, and
    # text wraps (a report's table cell, a bullet) anywhere: so no `::` at all. GitHub's legacy
    # `##[command]`, Azure's `##vso[` and TeamCity's `##teamcity[` are read anywhere in a line.
    r"|(?<=:):|(?<=#)#(?=\w*\[)"
)
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe_text(text: str) -> str:
    """``text`` with each of those characters shown as its Python escape (``\\x1b``, ``\\n``,
    ``\\u202e``, ``\\udcff``; the second colon of ``::`` as ``\\x3a``, the second ``#`` of ``##[``
    as ``\\x23``); any other text is returned as it is. Every escape is printable ASCII and
    makes none of these, so text may pass through more than once."""
    if text.isprintable() and "::" not in text and "##" not in text:  # C speed; the regex runs only for the rest
        return text
    return _UNSAFE.sub(_escape, text)
