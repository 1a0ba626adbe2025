"""``--select``, ``--extend-select`` and ``--ignore``: which rules run.

A selector is ``ALL``, a rule code (``D103``), a code prefix (``D``, ``D10``) or a rule name
(``one-over-one``). ``--select`` replaces the ruleset's choice of rules (taking rules from every
registered rule, each with the ruleset's settings); ``--extend-select`` adds to it; ``--ignore``
removes, last. Input rules (X) are always reported: nothing after them can be trusted.

A rule chosen by ``ALL`` or a prefix that needs settings the ruleset does not give (its policy is
not in force) is left out; one named by its code or name is run, and the missing settings are a
configuration error.
"""

from __future__ import annotations

from collections.abc import Iterable

from orglint.errors import OrglintError
from orglint.rules import InputRule, Rule
from orglint.suggest import closest, did_you_mean


class SelectorError(OrglintError):
    """A selector that matches no rule: a usage error (exit 2)."""


def expand(selector: str, rules: dict[str, type[Rule]]) -> set[str]:
    text = selector.strip()
    if text.upper() == "ALL":
        return set(rules)
    if text in rules:
        return {text}
    by_name = {rule.name: code for code, rule in rules.items()}
    if text in by_name:
        return {by_name[text]}
    if text[:1].isupper() and text.isalnum():
        prefixed = {code for code in rules if code.startswith(text)}
        if prefixed:
            return prefixed
    candidates = list(rules) + list(by_name)
    hint = did_you_mean(closest(text, candidates))
    raise SelectorError(f"{selector!r} selects no rule{hint}: give a code (D103), a prefix (D) or a name (one-over-one)")


def split(values: Iterable[str] | None) -> list[str]:
    """Selectors from repeated options and comma-separated lists alike."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def resolve(
    enabled_by_ruleset: set[str],
    rules: dict[str, type[Rule]],
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> set[str]:
    chosen = set(enabled_by_ruleset) if not select else set().union(*(expand(s, rules) for s in select))
    for selector in extend_select or ():
        chosen |= expand(selector, rules)
    for selector in ignore or ():
        chosen -= expand(selector, rules)
    chosen |= {code for code, rule in rules.items() if issubclass(rule, InputRule)}
    return chosen


def named_exactly(selectors: Iterable[str], rules: dict[str, type[Rule]]) -> set[str]:
    """The codes of rules the selectors name one by one (not by ALL or a prefix)."""
    by_name = {rule.name: code for code, rule in rules.items()}
    texts = [selector.strip() for selector in selectors]
    return {text if text in rules else by_name[text] for text in texts if text in rules or text in by_name}
