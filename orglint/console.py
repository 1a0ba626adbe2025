"""The one way orglint makes a rich Console."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def console(**options: Any) -> Console:
    """A Console that shows text as written: no highlighting of numbers and paths, and no emoji
    codes, so a title such as ``Head of :100: Service`` or a location such as ``x.yaml:100:9``
    stays what it is. rich is imported here, when a view needs it, not at start-up."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, **options)


def in_colour(stream: TextIO) -> bool:
    """Whether rich would style output to ``stream``: on a terminal, or where the environment asks
    for it (``FORCE_COLOR``, ``TTY_COMPATIBLE``). Only then is rich worth its import: elsewhere a
    view writes the same text itself."""
    if os.environ.get("FORCE_COLOR") is not None or os.environ.get("TTY_COMPATIBLE", "") != "":
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # a closed stream
        return False
