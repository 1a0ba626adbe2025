"""Texts the load layer reads instead of the disk: an editor's unsaved text (``orglint server``)
and ``--fix``'s fixed text, linted again before it is written (or, for ``--diff``, never written).

Within ``reading(overlay)``, reading a file whose real path has a text in the overlay gives that
text, and a file parsed in an earlier run whose bytes have not changed since is not parsed again
(the other files of a structure, the rulesets). Nothing here decides *which* files are read: the
perimeter rules (docs/security.md) choose the paths on disk as ever, and an overlay's text only
stands in for the content of a file they chose. Nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any


class Overlay:
    """Texts standing in for files (open in an editor, or fixed), and the files parsed so far."""

    def __init__(self) -> None:
        self._texts: dict[Path, str] = {}
        self._parsed: dict[Path, tuple[bytes, Any]] = {}

    @staticmethod
    def _key(path: Path) -> Path:
        return Path(os.path.realpath(path))

    def set_text(self, path: Path, text: str) -> None:
        """The file's content is now ``text`` (opened or edited in the editor, or fixed)."""
        self._texts[self._key(path)] = text

    def drop_text(self, path: Path) -> None:
        """The file is closed (or its fixes given up): its content is the disk's again."""
        self._texts.pop(self._key(path), None)

    def snapshot(self) -> Overlay:
        """The texts as they are now (to lint them while the editor changes them), sharing the
        parses."""
        copy = Overlay()
        copy._texts = dict(self._texts)
        copy._parsed = self._parsed
        return copy

    def branch(self) -> Overlay:
        """The texts as they are now and the parses so far, to set other texts over (``--fix``'s
        rounds over an editor's text) without touching this overlay's: the parses of the texts
        set on the branch stay the branch's."""
        copy = self.snapshot()
        copy._parsed = dict(self._parsed)
        return copy

    def text_of(self, path: Path) -> str | None:
        return self._texts.get(self._key(path))

    def parsed(self, path: Path, data: bytes) -> Any:
        """What parsing ``data`` at ``path`` gave last time, if those were its bytes then."""
        remembered = self._parsed.get(self._key(path))
        return remembered[1] if remembered is not None and remembered[0] == data else None

    def remember(self, path: Path, data: bytes, parsed: Any) -> None:
        self._parsed[self._key(path)] = (data, parsed)

    def forget(self, path: Path) -> None:
        """A file changed or went away: it is parsed again when next read."""
        self._parsed.pop(self._key(path), None)


_CURRENT: ContextVar[Overlay | None] = ContextVar("orglint_editor_files", default=None)


@contextmanager
def reading(files: Overlay) -> Iterator[None]:
    """Within this block the load layer reads ``files``' unsaved text and reuses its parses."""
    token = _CURRENT.set(files)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_overlay() -> Overlay | None:
    """The overlay being read through (None outside ``reading``: the disk as it is)."""
    return _CURRENT.get()


def unsaved_text(path: Path) -> str | None:
    """The overlay's text for ``path``, if it has one."""
    files = _CURRENT.get()
    return files.text_of(path) if files is not None else None
