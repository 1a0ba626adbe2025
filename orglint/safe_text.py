"""User data made safe to show: nothing a linted repository writes (post ids, titles, names, file
names, the lines of a code frame) can drive a terminal, start an output line, or be read by a CI
runner as one of its log commands.

Two layers, so that machine formats carry the data as it is:

- ``safe_data``: the characters that are never safe raw (controls, line breaks, bidi controls,
  lone surrogates) shown as escapes. Applied where user data enters a finding
  (``engine._with_rule_metadata``, ``load.source.display_path``): a finding's message and file
  name keep every other character, ``::`` and ``##`` included, so JSON, SARIF and JUnit carry them
  exactly.
- CI log commands (GitHub's ``::command::`` at the start of a line, even after spaces; GitHub's
  legacy ``##[command]``, Azure's ``##vso[`` and TeamCity's ``##teamcity[`` anywhere in a line)
  are each format's business, in its own escaping: ``safe_text`` for text that may wrap anywhere
  (the report's tables and bullets, the tree), ``safe_line`` for a line-oriented view whose
  lines orglint starts (check's full and concise views, a diff), ``escape_encoded`` for JSON and
  XML, whose own escapes (``\\u0023``, ``&#35;``) the reader decodes back to the data, and the
  github format's ``%3A``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_UNSAFE_BEYOND_C0 = (
    "\x7f-\x9f"  # DEL and the C1 controls (\x9b is a one-character ESC [)
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates ("Trojan Source")
    "\u061c\u200e\u200f"  # and the marks, the rest of Unicode's Bidi_Control characters
    "\ud800-\udfff"  # lone surrogates (a file name's undecodable bytes): no UTF-8 stream takes them
)
_CONTROLS = "[\x00-\x08\x0a-\x1f" + _UNSAFE_BEYOND_C0 + "]"  # C0 controls but tab (harmless); newlines included
_LOG_COMMAND_ANYWHERE = r"(?<=#)#(?=\w*\[)"
"""The second ``#`` of ``##[``, ``##vso[``, ``##teamcity[``: read anywhere in a line."""
_UNSAFE_DATA = re.compile(_CONTROLS)
_UNSAFE = re.compile(
    # text wraps (a report's table cell, a bullet) anywhere, so any `::` may start a line
    _CONTROLS + r"|(?<=:):|" + _LOG_COMMAND_ANYWHERE
)
_UNSAFE_INSIDE_LINE = re.compile(_CONTROLS + "|" + _LOG_COMMAND_ANYWHERE)
_LEADING_SPACE = re.compile(r"[ \t]*")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe_data(text: str) -> str:
    """``text`` with its control characters, line and paragraph separators, bidi controls and
    lone surrogates shown as their Python escapes (``\\x1b``, ``\\n``, ``\\u202e``, ``\\udcff``);
    every other character, ``::`` and ``##`` included, as it is. Every escape is printable ASCII,
    so text may pass through more than once."""
    if text.isprintable():  # C speed; the regex runs only for the rest
        return text
    return _UNSAFE_DATA.sub(_escape, text)


def safe_text(text: str) -> str:
    """``safe_data``, and no CI log command wherever the text is broken into lines: the second
    colon of ``::`` as ``\\x3a``, the second ``#`` of ``##[`` as ``\\x23``; any other text is
    returned as it is. Every escape is printable ASCII and makes none of these, so text may pass
    through more than once."""
    if text.isprintable() and "::" not in text and "##" not in text:
        return text
    return _UNSAFE.sub(_escape, text)


def safe_line(line: str) -> str:
    """``safe_data`` for one whole line of output (no line break of its own), and no CI log
    command in it: ``::`` only where it starts the line (after spaces), which is where a runner
    reads it, and ``##[`` anywhere. A ``::`` inside the line is shown as it is."""
    if line.isprintable() and "##" not in line and not line.lstrip(" \t").startswith("::"):
        return line
    indent = _LEADING_SPACE.match(line)
    start = indent.end() if indent else 0
    head = line[start : start + 2]
    rest = line[start + 2 :] if head == "::" else line[start:]
    return line[:start] + (":\\x3a" if head == "::" else "") + safe_inside_line(rest)


def safe_inside_line(text: str) -> str:
    """``safe_data`` for text that a line-oriented view shows after something of its own on the
    line (a message after its location, a code frame's line after its gutter): ``##[`` escaped,
    as a runner reads it anywhere, but ``::`` shown as it is, as no runner reads it there."""
    if text.isprintable() and "##" not in text:
        return text
    return _UNSAFE_INSIDE_LINE.sub(_escape, text)


def escape_encoded(encoded: str, escape: Callable[[int], str], every_double_colon: bool = False) -> str:
    """JSON or XML text (``encoded``) with each character ``safe_data`` would escape, and the
    second ``#`` of a log command (and, with ``every_double_colon``, the second colon of every
    ``::``), written as the format's own escape of its code point (``escape``: ``\\u001b``,
    ``&#x1b;``), so that a reader decodes the data exactly as it was. Only for text whose syntax
    uses none of these characters outside its strings (JSON's, an XML writer's without
    namespaces), so that every one is inside a string or a text and may be escaped there. (A JSON
    string never starts a line, so ``::`` needs no escape there; an XML text may have many lines.)"""
    # the usual text has none of these: a character class finds that out three times as fast as the whole pattern
    if "##" not in encoded and not (every_double_colon and "::" in encoded) and not _ENCODED_CONTROLS.search(encoded):
        return encoded
    pattern = _ENCODED_WITH_COLONS if every_double_colon else _ENCODED
    return pattern.sub(lambda match: escape(ord(match.group())), encoded)


# in encoded text the line breaks and tabs are the format's own (inside strings they are escaped
# already, by JSON, or are the text's, in XML), so they stay
_ENCODED_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f" + _UNSAFE_BEYOND_C0 + "]")
_ENCODED = re.compile(_ENCODED_CONTROLS.pattern + "|" + _LOG_COMMAND_ANYWHERE)
_ENCODED_WITH_COLONS = re.compile(_ENCODED.pattern + r"|(?<=:):")
