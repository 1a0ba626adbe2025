"""Numbers as a spreadsheet shows them: ``£60,900``, ``1,234.5``. Excel's currency and thousands
formatting puts the ``£`` and the commas in a cell's text, so every table reader (organograms,
structure workbooks, mapped spreadsheets) reads a number through ``number``. A structure file's
numbers are YAML numbers; ``refuse_formatted`` says what to write there instead."""

from __future__ import annotations

import math
from typing import Any


def number(text: str) -> float | None:
    """A cell's number ("1", "0.5", "£60,900"); None for text such as "N/D"."""
    cleaned = text.replace(",", "").replace("£", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


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
    """The amounts ``fields`` of a YAML flow mapping held, if thousands commas split them
    (``{min: £45,000, max: £52,500}`` reads as ``min: £45``, a key ``000``, ``max: £52``, a key
    ``500``), glued back together; None if the record is not so split."""
    if not isinstance(record, dict) or len(record) <= len(fields):  # a split record has the pieces' keys too
        return None
    glued: dict[str, str] = {}
    split = False
    for key, value in record.items():
        if key in fields and isinstance(value, str):
            glued[key] = value
        elif glued and isinstance(key, str) and len(key) == 3 and key.isdigit() and value is None:
            last = next(reversed(glued))
            glued[last] += "," + key
            split = True
        else:
            return None
    amounts = {key: number(text) for key, text in glued.items()}
    if not split or any(amount is None for amount in amounts.values()):
        return None
    return {key: amount for key, amount in amounts.items() if amount is not None}
