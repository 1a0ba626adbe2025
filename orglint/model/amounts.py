"""Numbers as a spreadsheet shows them: ``£60,900``, ``1,234.5``. Excel's currency and thousands
formatting puts the ``£`` and the commas in a cell's text, so every table reader (organograms,
structure workbooks, mapped spreadsheets) reads a number through ``number``. A structure file's
numbers are YAML numbers; ``refuse_formatted`` says what to write there instead."""

from __future__ import annotations

import math
import re
from typing import Any

from orglint.load.yaml_source import THOUSANDS_TAIL, YamlMap

THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
"""A number written with thousands commas, as Excel shows it: ``60,900``, ``1,234.5``."""


def number(text: str) -> float | None:
    """A cell's number ("1", "0.5", "£60,900"); None for text such as "N/D", and for commas that
    do not mark thousands ("45,00", a decimal comma or a slip, is not 4500)."""
    cleaned = text.replace("£", "").strip()
    if "," in cleaned:
        if THOUSANDS.fullmatch(cleaned) is None:
            return None
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


_RANGE_SEPARATOR = re.compile(r"-|–|—|\bto\b")
"""Between the bounds of a range written as text. Looked for, then each side stripped: a pattern
taking both bounds and the spaces around them took the square of a long value's length."""


def range_written(value: Any) -> tuple[float, float] | None:
    """A salary written as one value instead of ``{min, max}``: a range (``85000-95000``,
    ``£45,000 to £52,000``) or a single amount (a spot salary, both bounds); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if not isinstance(value, str):
        return (float(value), float(value)) if math.isfinite(value) and value >= 0 else None
    single = number(value)
    if single is not None:
        return (single, single) if single >= 0 else None
    separator = _RANGE_SEPARATOR.search(value)
    if separator is None:
        return None
    low, high = number(value[: separator.start()].strip()), number(value[separator.end() :].strip())
    return (low, high) if low is not None and high is not None and 0 <= low <= high else None


def plain(value: float) -> str:
    """A number as a structure file writes it: ``45000``, ``52500.5``."""
    return str(int(value)) if value.is_integer() else repr(value)


def refuse_formatted(value: Any) -> Any:
    """A structure file's amount, unchanged; a ValueError saying what to write for text that is a
    number only as a spreadsheet formats it (``£45,000``): YAML has no such number, and the JSON
    Schema editors check against says a number."""
    if isinstance(value, str) and not _is_plain(value):
        amount = number(value)
        if amount is not None:
            raise ValueError(f"should be a plain number ({plain(amount)}, without £ or commas)")
    return value


def _is_plain(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def split_at_commas(record: Any, fields: tuple[str, ...]) -> dict[str, float] | None:
    """The amounts of a YAML flow mapping of ``fields`` (some or all), if thousands commas split them, read
    from the mapping as the file writes it; None if the record is not so split.

    ``{min: £45,000, max: £52,500}`` reads as ``min: £45``, a key ``000``, ``max: £52`` and a key
    ``500``; in ``{min: £45,000, max: £52,000}`` the second ``000`` is a duplicate the loader
    sets aside (``yaml_events``), so the pieces cannot be glued back from the mapping itself."""
    if not isinstance(record, YamlMap) or not any(_is_tail(key, value) for key, value in record.items()):
        return None
    written = _entries_as_written(record)
    if not written or not set(written) <= set(fields):
        return None
    amounts = {key: number(written[key].strip("\"'")) for key in fields}
    if any(amount is None for amount in amounts.values()):
        return None
    return {key: amount for key, amount in amounts.items() if amount is not None}


def refuse_split_at_commas(record: Any, fields: tuple[str, ...], written_as: str) -> None:
    """A ValueError saying what to write, for a flow mapping of ``fields`` whose numbers thousands
    commas split (``split_at_commas``); ``written_as`` says how they are to be written."""
    amounts = split_at_commas(record, fields)
    if amounts is not None:
        written = ", ".join(f"{key}: {plain(amount)}" for key, amount in amounts.items())
        raise ValueError(f"write {{{written}}}: {written_as} (in {{...}} a comma ends the value)")


def _is_tail(key: str, value: Any) -> bool:
    return value is None and THOUSANDS_TAIL.fullmatch(key) is not None


_FLOW_ENTRY = re.compile(
    rf"""\s*+([^:,{{}}]+):\s++("[^"]*"|'[^']*'|£?\s*{THOUSANDS.pattern}(?=\s*[,}}])|[^,}}\s]*+(?:\s++[^,}}\s]++)*+)\s*+(?:,|(?=}}))"""
)
"""One ``key: value`` of a flow mapping, a value with thousands commas whole; the key and a plain
value are taken whole and stripped after (lazy parts before spaces took the square of a long
line's length)."""


def _entries_as_written(record: YamlMap) -> dict[str, str] | None:
    """A flow mapping's entries read from its text, from its first key to its closing brace (on
    the line of its last value or a few after), a value's thousands commas kept in it."""
    first, last = record.key_span(next(iter(record))), record.value_span(next(reversed(record)))
    lines = record.source.lines()[first.line - 1 : last.end_line + _FLOW_LINES_AFTER]
    if not lines:
        return None
    text = "\n".join(lines)
    after_last = sum(len(line) + 1 for line in lines[: last.end_line - first.line]) + last.end_column - 1
    closing = text.find("}", after_last)
    if closing < 0:
        return None
    at, entries = first.column - 1, {}
    while at < closing:
        entry = _FLOW_ENTRY.match(text, at, closing + 1)  # to the brace: never the rest of the lines
        if entry is None or entry.end() == at or entry.end() > closing:
            return None
        entries[entry[1].rstrip()] = entry[2].rstrip()
        at = entry.end()
    return entries


_FLOW_LINES_AFTER = 5
"""How many lines after its last value a flow mapping's set-aside tails and brace are looked for."""
