"""Finding rules: every rule, built-in or plugin, comes from the ``orglint.rules`` entry points."""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import entry_points

from orglint.errors import OrglintError
from orglint.rules import Rule

ENTRY_POINT_GROUP = "orglint.rules"
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class PluginError(OrglintError):
    """An entry point that does not give a usable rule: a configuration error (exit 2)."""


@cache
def registered_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, in code order."""
    rules: dict[str, type[Rule]] = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            rule = entry_point.load()
        except Exception as error:  # a broken plugin must not look like an orglint crash
            raise PluginError(f"rule plugin {entry_point.name!r} ({entry_point.value}) failed to load: {error}") from error
        _check_rule(entry_point.name, entry_point.value, rule)
        if rule.code in rules and rules[rule.code] is not rule:
            raise PluginError(f"rule code {rule.code} is registered twice: {rules[rule.code].__module__} and {rule.__module__}")
        rules[rule.code] = rule
    names: dict[str, str] = {}
    for rule in rules.values():
        if rule.name in names:
            raise PluginError(f"rule name {rule.name!r} is used by both {names[rule.name]} and {rule.code}")
        names[rule.name] = rule.code
    return dict(sorted(rules.items(), key=lambda item: catalogue_order(item[0])))


FAMILIES = {
    "X": "Input",
    "S": "Structure",
    "D": "Spans and layers",
    "C": "Commissioning and providing",
    "G": "Grades and pay",
    "R": "Job profiles",
    "L": "Statutory officers",
    "E": "Job evaluation",
    "B": "Business partners",
    "T": "Organogram publication",
    "P": "Transparency Code publication",
}
"""Rule families by code prefix, in catalogue order (docs/rules.md): input, structure, design, then
the policy families."""


def family_of(code: str) -> str:
    """A code's family: its letters (``L`` for ``L104``; a plugin's ``ZZ101`` is ``ZZ``)."""
    return code.rstrip("0123456789")


def family_name(family: str) -> str:
    return FAMILIES.get(family, f"{family} rules")


def catalogue_order(code: str) -> tuple[int, str]:
    order = list(FAMILIES)
    family = family_of(code)
    return (order.index(family) if family in order else len(order), code)


def _check_rule(entry_name: str, target: str, rule: object) -> None:
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise PluginError(f"rule plugin {entry_name!r} ({target}) is not an orglint Rule class")
    for attribute in ("code", "name", "severity", "basis", "fix"):
        if not hasattr(rule, attribute):
            raise PluginError(f"rule {target} has no {attribute!r}")
    if not _CODE.match(rule.code) or entry_name != rule.code:
        raise PluginError(
            f"rule {target}: code {rule.code!r} must look like 'ABC123' and match its entry point name {entry_name!r}"
        )
    if not _NAME.match(rule.name):
        raise PluginError(f"rule {target}: name {rule.name!r} must be kebab-case")
    if not rule.__doc__:
        raise PluginError(f"rule {target} has no docstring: its docstring is its documentation")


_by_code_or_name_cache: tuple[object, dict[str, type[Rule]]] = (None, {})
"""The registry the mapping was built from, and the mapping."""


def _by_code_or_name() -> dict[str, type[Rule]]:
    """Codes and names to rules, rebuilt whenever the registry is (tests clear its cache)."""
    global _by_code_or_name_cache
    rules = registered_rules()
    if _by_code_or_name_cache[0] is not rules:
        _by_code_or_name_cache = (rules, {**{rule.name: rule for rule in rules.values()}, **rules})
    return _by_code_or_name_cache[1]


def rule_by_code_or_name(key: str) -> type[Rule] | None:
    """The rule a code (``D103``) or name (``one-over-one``) names, exactly as written."""
    return _by_code_or_name().get(key)


def code_of(text: str) -> str | None:
    """The code of the rule a user's text names: a code, a name, or a code in lower case (``d103``)."""
    rule = rule_by_code_or_name(text) or rule_by_code_or_name(text.upper())
    return rule.code if rule is not None else None
