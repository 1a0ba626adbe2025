"""The one document model: titled sections of tables, paragraphs and lists, which the report
(``report``) and the diff (``diff``) are laid out as, and which each renderer draws the same way
(``terminal``, ``markdown``, ``html``). Text is made safe to show (``safe_text``) as it enters
cells, paragraphs, lists, captions and titles, so no renderer meets the data raw. Figures and
lists of posts are worded in ``figures``, so both documents say them alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from orglint.diagnostics import Severity
from orglint.safe_text import safe_text

SEVERITY_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
"""A finding's severity as a mark beside its code (chart, tree): seen without colour, and on paper."""


class Tone(StrEnum):
    """How a renderer may colour a cell or paragraph; the value is the HTML report's class."""

    GOOD = "good"  # green
    BAD = "bad"  # red
    WARN = "warn"  # amber
    MUTED = "muted"  # grey


@dataclass(frozen=True)
class Cell:
    text: str
    tone: Tone | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", safe_text(self.text))


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()
    """Indexes of right-aligned (numeric) columns."""
    caption: str | None = None
    whole: frozenset[int] = frozenset()
    """Indexes of columns never wrapped or cut (names and locations): other columns give way."""

    def __post_init__(self) -> None:
        self.caption = None if self.caption is None else safe_text(self.caption)

    def add(self, *cells: str | Cell) -> None:
        self.rows.append([cell if isinstance(cell, Cell) else Cell(cell) for cell in cells])


@dataclass
class Paragraph:
    text: str
    tone: Tone | None = None
    strong: bool = False

    def __post_init__(self) -> None:
        self.text = safe_text(self.text)


@dataclass
class Bullets:
    items: list[str]

    def __post_init__(self) -> None:
        self.items = [safe_text(item) for item in self.items]


Block = Table | Paragraph | Bullets


@dataclass
class Section:
    title: str
    blocks: list[Block]
    level: int = 2

    def __post_init__(self) -> None:
        self.title = safe_text(self.title)


def key_values(pairs: list[tuple[str, str | Cell]]) -> Table:
    """A table of figures without headings: each key (muted), then its value."""
    table = Table(["", ""], whole=frozenset({0}))
    for key, value in pairs:
        table.add(Cell(key, Tone.MUTED), value)
    return table
