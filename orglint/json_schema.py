"""JSON Schemas for structure and ruleset files, generated from the pydantic models (and, for
rulesets, from each registered rule's settings), for editors and other tools. The committed copies
in ``schemas/`` are checked against these by the tests."""

from __future__ import annotations

from typing import Any, get_args

from orglint.model.schema import StructureFile, validator
from orglint.policy import Policy
from orglint.rules import Rule
from orglint.rules.registry import registered_rules
from orglint.ruleset import RuleEntry, RulesetFile, SeverityName

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SEVERITIES = list(get_args(SeverityName))


def structure_schema() -> dict[str, Any]:
    schema = validator(StructureFile).json_schema(by_alias=True)
    return {"$schema": DRAFT, "$id": "orglint-structure.schema.json", "title": "orglint structure file (format 1)", **schema}


def _lift_defs(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    defs.update(schema.pop("$defs", {}))
    return schema


def _rule_entry(rule: type[Rule], defs: dict[str, Any]) -> dict[str, Any]:
    settings = _lift_defs(rule.Settings.model_json_schema(by_alias=True), defs)
    basis = RuleEntry.model_fields["basis"]
    own_basis = {"type": "string", "minLength": 1, "description": basis.description}
    properties = {"severity": {"enum": SEVERITIES}, "basis": own_basis, **settings.get("properties", {})}
    entry: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    return {"description": f"{rule.code} {rule.name}: {rule.summary()}", "anyOf": [{"enum": SEVERITIES}, entry]}


def ruleset_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    schema = _lift_defs(RulesetFile.model_json_schema(by_alias=True), defs)
    rules: dict[str, Any] = {}
    for rule in registered_rules().values():
        rules[rule.code] = rules[rule.name] = _rule_entry(rule, defs)
    schema["properties"]["rules"] = {"type": "object", "properties": rules, "additionalProperties": False}
    schema["properties"]["policy"] = _lift_defs(Policy.model_json_schema(by_alias=True), defs)
    return {
        "$schema": DRAFT,
        "$id": "orglint-ruleset.schema.json",
        "title": "orglint ruleset file (format 1)",
        **schema,
        "$defs": defs,
    }


SCHEMAS = {"structure": structure_schema, "ruleset": ruleset_schema}
