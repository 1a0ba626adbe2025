"""What orglint itself knows: ``orglint rule`` (a rule's documentation), ``orglint rules`` (the
rules and a ruleset's view of them) and ``orglint schema`` (the JSON Schemas of the file formats)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from orglint.cli.app import BadUsage
from orglint.cli.shared import Verbose


def rule_docs(
    code: Annotated[str | None, typer.Argument(help="A rule code or name.")] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Show every rule's documentation.")] = False,
    output_format: Annotated[str, typer.Option("--output-format", help="text or json.")] = "text",
    verbose: Verbose = False,
) -> None:
    """Show a rule's documentation: what it checks, why, its basis, how to fix it."""
    from orglint.docs import render_rule_docs
    from orglint.rules.registry import code_of, registered_rules

    if all_rules == (code is not None):
        raise BadUsage("give a rule code or name, or --all")
    if all_rules:
        chosen = list(registered_rules().values())
    else:
        assert code is not None
        found_code = code_of(code)
        found = registered_rules()[found_code] if found_code is not None else None
        if found is None:
            from orglint.selection import expand

            expand(code, registered_rules())  # a SelectorError if it names nothing
            raise BadUsage(f"{code!r} is a prefix: give one rule's code or name")
        chosen = [found]
    render_rule_docs(chosen, output_format, sys.stdout)


def rules_table(
    ruleset: Annotated[
        list[str] | None, typer.Option("--ruleset", "-r", metavar="RULESET", help="Ruleset name or path (default: core).")
    ] = None,
    output_format: Annotated[str, typer.Option("--output-format", help="text or json.")] = "text",
    verbose: Verbose = False,
) -> None:
    """List every rule, and whether the ruleset enables it and at what severity."""
    from orglint import selection
    from orglint.docs import render_rules_table
    from orglint.engine import instantiate_rules
    from orglint.rules.registry import registered_rules
    from orglint.ruleset import load_ruleset

    references = selection.split(ruleset) or ["core"]
    resolved = load_ruleset(references, Path.cwd())
    rules = registered_rules()
    enabled = resolved.enabled()
    # as check instantiates them: a setting at fault is the error check gives (exit 2), not a table
    instantiate_rules(resolved, [rules[code] for code in sorted(enabled & rules.keys())], enabled)
    render_rules_table(resolved, output_format, sys.stdout)


class SchemaKind(enum.StrEnum):
    structure = "structure"
    ruleset = "ruleset"


def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file format.")] = SchemaKind.structure, verbose: Verbose = False
) -> None:
    """Print the JSON Schema of structure or ruleset files (the source of schemas/*.json)."""
    import json

    from orglint.json_schema import SCHEMAS

    sys.stdout.write(json.dumps(SCHEMAS[kind.value](), indent=2, ensure_ascii=False) + "\n")
