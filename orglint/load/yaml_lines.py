"""libyaml's places moved onto the lines editors count.

YAML 1.1, and so libyaml, also ends a line at U+0085 (NEL), U+2028 and U+2029; editors, ``git``,
GitHub and the language server protocol end one only at ``\\n``, ``\\r\\n`` and ``\\r``
(``orglint.load.source.LINE_BREAK``), and so does every place orglint shows. Such a character is
legal inside a quoted scalar (a title pasted from a word processor), and after it every line libyaml
reports is one too many. ``YamlLines`` maps libyaml's places to the editor's through their offsets
into the text. Files without these characters, nearly all, need no map: their lines are the same.
"""

from __future__ import annotations

import re
from bisect import bisect_right

YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML (libyaml) counts as a line break."""

_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_YAML_ONLY_BREAK_BYTES = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
"""The same characters in UTF-8: in valid UTF-8 these bytes are never part of another character."""


def has_yaml_only_breaks(data: str | bytes) -> bool:
    """Whether the text (or a file's UTF-8 bytes) has a line break only YAML counts. Run on every
    file read, so in C and fast: ASCII text has none (a word-at-a-time test), and a break's last
    byte is looked for (memchr) before the whole of it (a slower search)."""
    if data.isascii():
        return False
    if isinstance(data, bytes):
        return any(brk[-1:] in data and brk in data for brk in _YAML_ONLY_BREAK_BYTES)
    return any(brk in data for brk in "\x85\u2028\u2029")


def _editor_breaks(text: str, start: int, end: int) -> int:
    """The editor's line breaks in ``text[start:end]``: ``\\r\\n`` is one, a lone ``\\r`` one."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


class YamlLines:
    """Where each of libyaml's lines that starts after a YAML-only break stands on the editor's line.

    Every other line of libyaml's is a whole editor line, fewer by the YAML-only breaks before it.
    Only those breaks are visited in Python (the editor's breaks between them are counted in C),
    so a large file with one pasted U+2028 costs little more than one without.
    """

    def __init__(self, text: str) -> None:
        self._yaml_lines: list[int] = []  # 0-based libyaml lines that start after a YAML-only break
        self._columns: list[int] = []  # where each starts on its editor line (0-based)
        yaml_line = 0
        counted_to = 0
        line_start = 0  # where the editor's line holding the break starts
        for brk in _YAML_ONLY_BREAK.finditer(text):
            yaml_line += _editor_breaks(text, counted_to, brk.start()) + 1
            # the editor's last break is searched for only since the previous YAML-only break:
            # searching back to the file's start for each would be quadratic
            last_break = max(text.rfind("\n", counted_to, brk.start()), text.rfind("\r", counted_to, brk.start()))
            if last_break >= 0:
                line_start = last_break + 1
            counted_to = brk.end()
            self._yaml_lines.append(yaml_line)
            self._columns.append(brk.end() - line_start)

    def place(self, line: int, column: int) -> tuple[int, int]:
        """The editor's 0-based (line, column) of libyaml's 0-based (line, column)."""
        before = bisect_right(self._yaml_lines, line)
        if before and self._yaml_lines[before - 1] == line:
            column += self._columns[before - 1]
        return line - before, column

    def place_1(self, line: int, column: int) -> tuple[int, int]:
        """``place`` for 1-based lines and columns."""
        line, column = self.place(line - 1, column - 1)
        return line + 1, column + 1
