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
    Only the one span answered is built (this runs once per finding).
    """
    current = node
    container: Any = None
    step_found: str | int = 0
    as_key = False
    for depth, step in enumerate(path):
        if isinstance(step, str) and hasattr(current, "key_span") and step in current:
            container, step_found, as_key = current, step, key and depth == len(path) - 1
        elif isinstance(step, int) and hasattr(current, "item_span") and 0 <= step < len(current):
            container, step_found, as_key = current, step, False
        else:
            break
        current = current[step]
    if container is None:
        return node.span() if hasattr(node, "span") else None
    if isinstance(step_found, int):
        return container.item_span(step_found)
    return container.key_span(step_found) if as_key else container.value_span(step_found)
