"""How every message naming an unknown key, rule, post or value suggests the one probably meant
("did you mean"):

    f"unknown key {key!r}{did_you_mean(closest(key, keys))}"
    f"unknown key {key!r}{did_you_mean(closest(key, keys), otherwise=f'; known keys: {listed}')}"
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(written: str, known: Iterable[str]) -> str | None:
    """The known name ``written`` is most probably a misspelling of, if any is close enough."""
    close = difflib.get_close_matches(written, known, n=1)
    return close[0] if close else None


def only_close(written: str, known: Iterable[str]) -> str | None:
    """The one known name close enough to ``written`` to be its misspelling, if exactly one is: a
    suggestion certain enough to apply (``orglint check --fix``), not merely to show."""
    close = difflib.get_close_matches(written, known, n=2)
    return close[0] if len(close) == 1 else None


def did_you_mean(meant: str | None, otherwise: str = "") -> str:
    """The suggestion to append to a message (`` (did you mean 'grade'?)``), or ``otherwise``
    when there is nothing to suggest."""
    return f" (did you mean {meant!r}?)" if meant is not None else otherwise
