"""The README's examples are real: its configuration and ruleset examples load."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from orglint.config import Settings

from .conftest import REPO, run, write

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_the_configuration_example_is_valid() -> None:
    (example,) = [block for block in _blocks("toml") if "[tool.orglint]" in block]
    settings = Settings.model_validate(tomllib.loads(example)["tool"]["orglint"])
    assert settings.per_file_ignores == {"drafts/*.yaml": ["E"]}


def test_the_ruleset_example_loads(in_tmp: Path) -> None:
    (example,) = [block for block in _blocks("yaml") if block.startswith("orglint-ruleset: 1")]
    write(in_tmp, "our-council.yaml", example)
    exit_code, _, err = run("rules", "--ruleset", "./our-council.yaml", "--output-format", "json")
    assert exit_code == 0, err
