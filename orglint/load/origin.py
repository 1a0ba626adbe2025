"""Where a value came from: the protocol every input format's containers satisfy."""

from __future__ import annotations

from typing import Any, Protocol

from orglint.diagnostics import Span


class Origin(Protocol):
    """A mapping read from a file that can say where each of its keys and values stands."""

    def key_span(self, key: str) -> Span: ...

    def value_span(self, key: str) -> Span: ...

    def span(self) -> Span: ...


def locate(node: Any, path: tuple[str | int, ...], *, key: bool = False) -> Span | None:
    """The span of the value at ``path`` below ``node`` (of its key, if ``key``).

    Where the path leaves the data (a missing key), the deepest container reached answers:
    the key that holds it, or its own span. ``None`` only if ``node`` carries no positions.
    """
    best: Span | None = node.span() if hasattr(node, "span") else None
    current = node
    for depth, step in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(step, str) and hasattr(current, "key_span") and step in current:
            best = current.key_span(step) if (key and last) else current.value_span(step)
            current = current[step]
        elif isinstance(step, int) and hasattr(current, "item_span") and 0 <= step < len(current):
            best = current.item_span(step)
            current = current[step]
        else:
            break
    return best
