"""Progress for long runs: a transient rich spinner on a terminal, nothing at all when piped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console


@contextmanager
def progress_display(console: Console) -> Iterator[Callable[[str], None]]:
    """Yields ``say(description)``. Shown on ``console`` only if it is a terminal; cleared at the end."""
    if not console.is_terminal:
        yield lambda description: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("Starting", total=None)
        yield lambda description: progress.update(task, description=description)
