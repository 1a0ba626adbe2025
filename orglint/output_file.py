"""Writing what a user asked for to a file (``-o``, ``baseline write``, ``import``) without ever
destroying what they had (docs/security.md).

* A path that names a file the run read, or an existing structure, ruleset or configuration
  file, is refused unless ``--force`` is given: a mistyped ``-o`` must not replace a ruleset.
* The text goes to a temporary file beside the target, which is then renamed over it, so the old
  file stays whole until the new one is complete; an error, Ctrl-C or SIGTERM removes the
  temporary file and leaves the old one as it was.
* A new file gets the mode the umask gives (as ``open()`` would); a replaced file keeps its mode.
* A device or pipe (``-o /dev/stdout``) is written straight into, never renamed over. A symbolic
  link is replaced, not followed: a link planted in a repository cannot aim a report at a file
  elsewhere.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from orglint.config import CONFIG_FILES
from orglint.errors import OrglintError
from orglint.load.source import real_path

_ORGLINT_YAML = re.compile(rb"^(orglint|orglint-ruleset)[ \t]*:", re.MULTILINE)
"""A structure's or ruleset's top-level marker key."""


class OutputRefused(OrglintError):
    """The output path names a file that must not be replaced (exit 2)."""


class OutputFailed(OrglintError):
    """Writing the output failed; the message names the file and the reason (exit 2)."""


def _kind_of_existing(path: Path) -> str | None:
    """What an existing file is, if it is one orglint never replaces unasked."""
    if path.name in CONFIG_FILES:
        return "a configuration file"
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return None
    match = _ORGLINT_YAML.search(head)
    if match is None:
        return None
    return "a ruleset" if match[1] == b"orglint-ruleset" else "a structure file"


def refuse_to_replace(path: Path, read: Mapping[Path, str]) -> None:
    """Raise OutputRefused if ``path`` is a file this run read (``read``: real path → what it
    is), or an existing structure, ruleset or configuration file."""
    if not os.path.isfile(path):
        return
    target = real_path(path)
    kind = read.get(target)
    what = f"{kind} this run read" if kind is not None else _kind_of_existing(target)
    if what is not None:
        raise OutputRefused(f"{path} is {what}: choose another output file, or give --force to replace it")


def _mode_for(path: Path) -> int:
    """A replaced file's own mode; the umask's for a new file, or one replacing a link."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return _default_mode()
    return _default_mode() if stat.S_ISLNK(status.st_mode) else stat.S_IMODE(status.st_mode)


def _default_mode() -> int:
    umask = os.umask(0)  # the only way to read it is to set it
    os.umask(umask)
    return 0o666 & ~umask


def _names_a_device(path: Path) -> bool:
    """Whether ``path`` names a device or pipe itself, or is one of the system's names for one
    (``/dev/stdout``, itself a link): a link elsewhere that leads to one is replaced like any
    other link, not written through (a repository's ``report.html`` leading to a pipe outside)."""
    return not os.path.islink(path) or os.path.abspath(path).startswith(("/dev/", "/proc/"))


def write_atomically(path: Path, text: str | bytes, shown_as: str | None = None) -> None:
    """Write ``text`` to ``path`` (as UTF-8; bytes as they are), whole or not at all. A failure
    (a full disk, a read-only folder) is an OutputFailed naming the file (as ``shown_as``, if
    given) and the system's reason."""
    name = shown_as or path
    content = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if os.path.isdir(path):  # a folder, or a link to one: nothing of it is replaced
            raise IsADirectoryError(21, "Is a directory")
        if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode) and _names_a_device(path):
            with open(path, "wb") as stream:  # a device or a pipe: nothing to rename over
                stream.write(content)
            return
        folder = path.parent if str(path.parent) else Path(".")
        mode = _mode_for(path)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputFailed(f"cannot write {name}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(content)
        os.replace(temporary, path)
    except BaseException as error:  # including KeyboardInterrupt and the SystemExit SIGTERM raises
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputFailed(f"cannot write {name}: {error.strerror or error}") from None
        raise
