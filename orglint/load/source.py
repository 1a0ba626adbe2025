"""Reading a structure file's bytes as text, with located faults for what is not text."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from orglint.load.overlay import unsaved_text
from orglint.safe_text import safe_data

if TYPE_CHECKING:
    from orglint.load.suppression_comments import Suppression
    from orglint.load.yaml_lines import YamlLines


@dataclass
class LoadProblem(Exception):
    """A fault in an input file, located at 1-based line and column (end exclusive)."""

    message: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return self.message


ENCODING_NAMES = {"cp1252": "Windows-1252"}

LINE_BREAK = re.compile("\r\n|\r|\n")
"""A line break as editors, git, GitHub and the language server protocol count them, and so every
line a finding names. Not YAML's (which also breaks at U+0085, U+2028 and U+2029: see
``orglint.load.yaml_lines``), nor str.splitlines() (which also breaks at those and at \v, \f and
\x1c-\x1e): either would put a finding, a code frame or a diff's hunk a line below where an
editor shows it."""


def text_lines(text: str) -> list[str]:
    """A file's lines as findings number them."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def real_path(path: Path | str) -> Path:
    """The absolute path with links followed; never raises: a symlink loop stays as it is (and
    reading it is then a located fault), where Path.resolve() raises RuntimeError."""
    return Path(os.path.realpath(path))


def display_path(path: Path) -> str:
    """The path as users see it in findings: relative to the working folder where possible, and
    made safe to show (a file's name may hold control characters, or bytes that are not UTF-8)."""
    try:
        return safe_data(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return safe_data(str(path))


def is_workbook(path: Path) -> bool:
    """An Excel workbook (``.xlsx``): a zip of XML parts, not lines of text."""
    return path.suffix.casefold() == ".xlsx"


def is_csv(path: Path) -> bool:
    return path.suffix.casefold() == ".csv"


def is_table_path(path: Path) -> bool:
    """A table: a workbook, or a CSV file (an organogram or a spreadsheet of posts)."""
    return is_workbook(path) or is_csv(path)


@dataclass(eq=False)
class SourceFile:
    """One input file. Its lines are read again only when a reporter shows a code frame."""

    path: Path
    display: str = ""
    suppressions: list[Suppression] = field(default_factory=list)
    _lines: list[str] | None = field(default=None, repr=False)
    yaml_lines: YamlLines | None = field(default=None, repr=False)
    """Where libyaml's lines stand on the editor's, for a file with line breaks only YAML counts
    (None for the rest, whose lines are the same): set when the file is parsed."""

    def __post_init__(self) -> None:
        if not self.display:
            self.display = display_path(self.path)

    def lines(self) -> list[str]:
        """The file's lines as read for a code frame (none for a workbook, whose cells are named instead)."""
        if self._lines is None:
            try:
                self._lines = [] if is_workbook(self.path) else text_lines(read_text(self.path))
            except (LoadProblem, OSError):
                self._lines = []
        return self._lines


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (in characters) of a byte offset, lines broken as editors break them."""
    before = data[:offset].decode("utf-8", errors="replace")
    breaks = list(LINE_BREAK.finditer(before))
    return len(breaks) + 1, len(before) - (breaks[-1].end() if breaks else 0) + 1


@dataclass(frozen=True)
class Limits:
    """How much input orglint accepts (``max-file-size-mb``, ``max-posts`` in the configuration).
    The defaults allow a million-post structure with room to spare."""

    max_file_bytes: int = 2048 * 1024 * 1024
    max_posts: int = 5_000_000


class NotRegular(OSError):
    """A path that is a device, a pipe or a socket: never read (a device has no size or end, and a
    pipe may wait for a writer for ever)."""


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file, judged on what was opened (not on a
    ``stat`` before it, which a swap of the file would outrun); a NotRegular error if it is not.
    Opened without waiting, so a pipe with no writer does not hold the run."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise IsADirectoryError(21, "Is a directory") if stat.S_ISDIR(mode) else NotRegular(path)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_binary(path: Path, limits: Limits | None = None) -> bytes:
    """A file's bytes, whatever they are; a directory, a device or pipe, an unreadable file or one
    over the size limit is a LoadProblem at 1:1 (what it is and its size are checked before
    anything is read: a device has no size, and a pipe may never end)."""
    limit = (limits or Limits()).max_file_bytes
    unsaved = unsaved_text(path)  # open in an editor (``orglint server``): its text, not the disk's
    if unsaved is not None:
        data = unsaved.encode("utf-8")
        _within(len(data), limit)
        return data
    try:
        with open_regular(path) as handle:
            _within(os.fstat(handle.fileno()).st_size, limit)
            return handle.read()
    except NotRegular:
        raise LoadProblem("is not a regular file (a device, a pipe or a socket): it is not read") from None
    except IsADirectoryError:
        raise LoadProblem("is a directory, not a file") from None
    except PermissionError:
        raise LoadProblem("cannot be read: permission denied") from None
    except OSError as error:
        raise LoadProblem(f"cannot be read: {error.strerror or error}") from None


def _within(size: int, limit: int) -> None:
    if size > limit:
        raise LoadProblem(
            f"the file is {size / 2**20:,.1f} MB, over the limit of {limit / 2**20:,.0f} MB "
            "(raise max-file-size-mb in the configuration to read it)"
        )


MARKER_CONTEXT = 200
"""How many bytes after a marker ``markers_in`` keeps."""
_PIECE = 1 << 20
"""How much of a file ``markers_in`` holds at once."""


def markers_in(path: Path, markers: tuple[bytes, ...], limits: Limits | None = None) -> dict[bytes, bytes]:
    """For each of ``markers`` the file holds anywhere, the bytes that follow its first occurrence
    (up to ``MARKER_CONTEXT``): a search for what decides whether to parse a file, read a piece at a
    time, so a huge file costs no more memory than a small one. Nothing for a file ``read_binary``
    would refuse (over the size limit, not a regular file, unreadable)."""
    unsaved = unsaved_text(path)
    if unsaved is not None:
        return _found(unsaved.encode("utf-8"), markers, {}, final=True)
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > (limits or Limits()).max_file_bytes:
                return {}
            found: dict[bytes, bytes] = {}
            kept = b""
            overlap = max(map(len, markers)) + MARKER_CONTEXT
            while len(found) < len(markers):
                piece = handle.read(_PIECE)
                window = kept + piece
                _found(window, markers, found, final=not piece)
                if not piece:
                    break
                kept = window[-overlap:]
            return found
    except OSError:  # NotRegular among them
        return {}


def _found(window: bytes, markers: tuple[bytes, ...], found: dict[bytes, bytes], final: bool) -> dict[bytes, bytes]:
    """``found`` with each marker not yet in it that ``window`` holds with its context whole (or
    all there is, at the end of the file)."""
    for marker in markers:
        if marker in found:
            continue
        at = window.find(marker)
        after = at + len(marker)
        if at >= 0 and (final or len(window) - after >= MARKER_CONTEXT):
            found[marker] = window[after : after + MARKER_CONTEXT]
    return found


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """A text file's bytes; a directory, an unreadable, oversized or binary file is a LoadProblem at 1:1."""
    data = read_binary(path, limits)
    if b"\0" in data[:8192]:  # as git and grep judge it; located at the start (docs/structure-format.md, where findings point)
        raise LoadProblem("binary file: it contains NUL bytes, so it is not a text file")
    return data


def read_text(path: Path, fallback: str | None = None, limits: Limits | None = None) -> str:
    """Decode a file as UTF-8 (a BOM is allowed), else as ``fallback`` if given (spreadsheet
    exports are often Windows-1252); anything else is a located LoadProblem."""
    return decode_text(read_bytes(path, limits), fallback)


def decode_text(data: bytes, fallback: str | None = None) -> str:
    """A file's bytes as text, as ``read_text`` decodes them."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if fallback is not None:
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                pass
        line, column = _position_of_byte(data, error.start)
        bad = data[error.start : error.start + 1].hex()
        also = f" or {ENCODING_NAMES.get(fallback, fallback)}" if fallback else ""
        raise LoadProblem(
            f"not UTF-8{also} text: byte 0x{bad} cannot be decoded (save the file as UTF-8)",
            line,
            column,
            line,
            column + 1,
        ) from None
