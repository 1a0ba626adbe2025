"""Baselines: accepted findings recorded so that only new ones fail (docs/ci-and-pre-commit.md).

A baseline entry is (file, code, post, fingerprint), never a line: edits above a finding do not
break it. Entries count: two accepted findings with one key absorb two findings, not more.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from orglint.diagnostics import Diagnostic, Span, fingerprint
from orglint.errors import OrglintError

FORMAT_VERSION = 1

Key = tuple[str, str, str | None, str]


class BaselineError(OrglintError):
    """An unreadable baseline file: a usage error (exit 2)."""


def key(diagnostic: Diagnostic) -> Key:
    return (diagnostic.span.file, diagnostic.code, diagnostic.post, fingerprint(diagnostic))


def _keys(diagnostic: Diagnostic) -> list[Key]:
    """The keys an entry accepting ``diagnostic`` may have: its own, and for a finding on a value
    several posts share, the key it has for each of them (the first post sharing it changes when a
    post is added above the others; a baseline written before such findings were merged holds an
    entry for each post)."""
    own = key(diagnostic)
    if not diagnostic.sharers:
        return [own]
    return [own, *(key(replace(diagnostic, post=post)) for post in diagnostic.sharers if post != diagnostic.post)]


_OLD_ESCAPE = re.compile(r"(?<=:)(?:\\x3a)+|(?<=#)\\x23(?=\w*\[)")
"""How file names and messages held a CI log command before findings carried it as data (``::``
as ``:\\x3a``, ``:::`` as ``:\\x3a\\x3a``, the ``##`` of ``##[`` as ``#\\x23``): baselines written
then hold these, and fingerprints worked out from them."""


def _entry_key(entry: dict[str, Any]) -> Key:
    """An entry's key as orglint works it out now. An entry written while file names and messages
    held ``:\\x3a`` for ``::`` (and whose fingerprint is that text's) is read as the same finding
    now shown with ``::``, so that it still matches rather than showing as stale beside it."""
    file, code, post, print_ = entry["file"], entry["code"], entry["post"], entry["fingerprint"]
    message = entry.get("message", "")
    if not (_OLD_ESCAPE.search(file) or _OLD_ESCAPE.search(message)):
        return (file, code, post, print_)
    if fingerprint(Diagnostic(code, message, Span.start_of(file), post=post)) != print_:
        return (file, code, post, print_)  # not the text its fingerprint was worked out from: as it is
    file, message = _unescaped(file), _unescaped(message)
    return (file, code, post, fingerprint(Diagnostic(code, message, Span.start_of(file), post=post)))


def _unescaped(text: str) -> str:
    return _OLD_ESCAPE.sub(lambda match: match.group().replace("\\x3a", ":").replace("\\x23", "#"), text)


def acceptable(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings a baseline can accept: not input findings (X001, X002, X004), which no comment can
    suppress either, since nothing the rules say about a file that could not be read is trusted."""
    return [d for d in diagnostics if not d.about_input]


def render(diagnostics: list[Diagnostic]) -> str:
    """A baseline accepting ``diagnostics`` (which must be ``acceptable``)."""
    entries = [
        {"file": d.span.file, "code": d.code, "post": d.post, "fingerprint": fingerprint(d), "message": d.message}
        for d in diagnostics
    ]
    entries.sort(key=lambda entry: (entry["file"], entry["code"], entry["post"] or "", entry["fingerprint"]))
    return json.dumps({"orglint-baseline": FORMAT_VERSION, "findings": entries}, indent=1, ensure_ascii=False) + "\n"


@dataclass
class Baseline:
    accepted: Counter[Key]
    messages: dict[Key, str]

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            document: Any = json.loads(path.read_text(encoding="utf-8"))
            if document.get("orglint-baseline") != FORMAT_VERSION:
                raise ValueError(f"not an orglint baseline (format {FORMAT_VERSION})")
            entries = document["findings"]
            keys = [_entry_key(entry) for entry in entries]
        except OSError as error:
            raise BaselineError(f"{path}: cannot read the baseline: {error.strerror or error}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BaselineError(f"{path}: cannot use this baseline: {error}") from None
        return cls(Counter(keys), {k: e.get("message", "") for k, e in zip(keys, entries, strict=True)})

    def filter(self, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic], list[str]]:
        """(new findings, accepted findings, descriptions of entries that no longer match)."""
        remaining = Counter(self.accepted)
        new, accepted = [], []
        for diagnostic in diagnostics:
            entry = next((entry for entry in _keys(diagnostic) if remaining[entry] > 0), None)
            if entry is not None and not diagnostic.about_input:
                remaining[entry] -= 1
                accepted.append(diagnostic)
            else:
                new.append(diagnostic)
        stale = [
            f"{file}: {code}{f' ({post})' if post else ''}: {self.messages.get((file, code, post, print_), '')}"
            for (file, code, post, print_), count in sorted(remaining.items(), key=lambda item: tuple(map(str, item[0])))
            for _ in range(count)
        ]
        return new, accepted, stale
