"""The one way orglint makes a rich Console."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console(**options: Any) -> Console:
    """A Console that shows text as written: no highlighting of numbers and paths, and no emoji
    codes, so a title such as ``Head of :100: Service`` or a location such as ``x.yaml:100:9``
    stays what it is. rich is imported here, when a view needs it, not at start-up."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, **options)
