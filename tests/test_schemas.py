"""The JSON Schemas in schemas/ are current, and every sample structure and ruleset validates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from orglint.json_schema import SCHEMAS

from .conftest import REPO, run

SCHEMA_DIR = REPO / "schemas"


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_committed_schemas_are_current(kind: str) -> None:
    exit_code, out, _ = run("schema", kind)
    assert exit_code == 0
    committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(out) == json.loads(committed), f"run: orglint schema {kind} > schemas/{kind}.schema.json"


def _as_json(path: Path) -> Any:
    """The file as a YAML 1.2 editor sees it (`off` and `on` are text, as in yaml-language-server),
    dates as text."""
    loaded = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(loaded, default=str))


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


CLEAN_STRUCTURES = sorted(p for p in (REPO / "sample_structures").rglob("*.yaml") if "broken" not in p.parts)


@pytest.mark.parametrize("path", CLEAN_STRUCTURES, ids=lambda p: str(p.relative_to(REPO)))
def test_sample_structures_validate(path: Path) -> None:
    errors = list(_validator("structure").iter_errors(_as_json(path)))
    assert errors == [], [error.message for error in errors]


@pytest.mark.parametrize("path", sorted((REPO / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_built_in_rulesets_validate(path: Path) -> None:
    errors = list(_validator("ruleset").iter_errors(_as_json(path)))
    assert errors == [], [error.message for error in errors]


def test_the_schema_catches_what_orglint_catches() -> None:
    bad = {"orglint": 1, "posts": [{"id": "A", "title": "T", "reprots_to": "B"}]}
    assert list(_validator("structure").iter_errors(bad))
    bad_ruleset = {"orglint-ruleset": 1, "name": "x", "rules": {"D101": {"max-direct-report": 3}}}
    assert list(_validator("ruleset").iter_errors(bad_ruleset))


def test_the_schema_allows_extension_fields_at_the_top_level_only() -> None:
    """As orglint does: a top-level `x-` key holds anchors; elsewhere, or without the `x-`, it is unknown."""
    validator = _validator("structure")
    officer = {"contract": "permanent", "fte": 0.5}
    good = {"orglint": 1, "x-common": officer, "posts": [{"id": "A", "title": "T", **officer}]}
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors({**good, "common": officer}))
    assert list(validator.iter_errors({"orglint": 1, "posts": [{"id": "A", "title": "T", "x-common": 1}]}))
