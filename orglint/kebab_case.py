"""Keys as users write them in YAML and TOML: kebab-case (``max-direct-reports``) for fields in
snake_case (``max_direct_reports``)."""

from __future__ import annotations

from pydantic import ConfigDict


def kebab_case(name: str) -> str:
    """The key a field is written as."""
    return name.replace("_", "-")


KEBAB_CASE_KEYS = ConfigDict(extra="forbid", alias_generator=kebab_case, defer_build=True)
"""The ``model_config`` of a model users write (keys in kebab-case, an unknown key an error), to
which a model adds its own options: ``KEBAB_CASE_KEYS | ConfigDict(frozen=True)``."""
