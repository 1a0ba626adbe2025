"""Today's date, as every date judgement takes it (evaluations, report headers, imports)."""

from __future__ import annotations

import datetime
import os

TODAY_VARIABLE = "ORGLINT_TODAY"
"""An ISO date to take as today (for reproducible runs, such as tests and CI); the real date otherwise."""


def today() -> datetime.date:
    given = os.environ.get(TODAY_VARIABLE)
    return datetime.date.fromisoformat(given) if given else datetime.date.today()
