"""The docs hold together: every link between the README and the docs pages leads somewhere, the
rule catalogue is what the rules' docstrings generate, and the reference pages name what the
code defines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orglint.config import Settings
from orglint.docs import rule_anchor, rule_catalogue_markdown
from orglint.model import schema
from orglint.model.schema import fields_of
from orglint.rules.registry import registered_rules
from orglint.ruleset import builtin_rulesets

from .conftest import REPO

DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
_FENCE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6} (?P<title>.+)$", re.MULTILINE)


def _prose(text: str) -> str:
    """A page without its code blocks: a `#` line in a fenced example is a comment, not a heading."""
    return _FENCE.sub("", text)


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, spaces to hyphens, punctuation
    dropped (link targets too, their text kept), and ``-1``, ``-2`` on repeats."""
    found: set[str] = set()
    for match in _HEADING.finditer(_prose(text)):
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match["title"]).strip().lower()
        slug = "".join(character for character in title if character.isalnum() or character in " -_").replace(" ", "-")
        candidate, repeat = slug, 0
        while candidate in found:
            repeat += 1
            candidate = f"{slug}-{repeat}"
        found.add(candidate)
    return found


def _links(page: Path) -> list[str]:
    prose = _CODE_SPAN.sub("", _prose(page.read_text(encoding="utf-8")))
    return [match["target"] for match in _LINK.finditer(prose) if not re.match(r"[a-z]+:", match["target"])]


def test_the_link_checker_sees_links_and_anchors() -> None:
    assert anchors("# A page\n## `orglint import`\n```yaml\n# a comment\n```\n## Why\n### Why\n") == {
        "a-page",
        "orglint-import",
        "why",
        "why-1",
    }
    assert _links(REPO / "README.md")[0] == "docs/README.md"  # a link in prose; not `[x](y)` in code


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_every_internal_link_resolves(page: Path) -> None:
    broken = []
    for target in _links(page):
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.exists() or not linked.is_relative_to(REPO):
            broken.append(f"{target}: no such file in the repository")
        elif anchor and anchor not in anchors(linked.read_text(encoding="utf-8")):
            broken.append(f"{target}: {linked.name} has no heading #{anchor}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_every_docs_page_is_in_the_index() -> None:
    index = set(_links(DOCS / "README.md"))
    assert {page.name for page in DOCS.glob("*.md") if page.name != "README.md"} <= index


def test_the_rule_catalogue_is_what_the_rules_generate() -> None:
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert committed == rule_catalogue_markdown(), "docs/rules.md is stale: run `python -m orglint.docs`"
    catalogue_anchors = anchors(committed)
    for rule in registered_rules().values():  # the test environment has no plugin installed
        assert rule_anchor(rule) in catalogue_anchors, f"docs/rules.md has no heading for {rule.code}"


def test_the_format_reference_names_every_key() -> None:
    page = (DOCS / "structure-format.md").read_text(encoding="utf-8")
    formats = [
        schema.StructureFile,
        schema.Organisation,
        schema.Department,
        schema.BusinessPartners,
        schema.Profile,
        schema.Post,
        schema.Salary,
        schema.Evaluation,
        schema.HayPoints,
    ]
    missing = [f"{cls.__name__}.{key}" for cls in formats for key in fields_of(cls) if f"`{key}`" not in page]
    assert not missing, f"docs/structure-format.md does not name {missing}"


def test_the_pages_name_every_builtin_ruleset_and_configuration_key() -> None:
    rulesets = (DOCS / "rulesets.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in rulesets for name in builtin_rulesets())
    documented = (DOCS / "command-line.md").read_text(encoding="utf-8") + (DOCS / "organograms-and-spreadsheets.md").read_text(
        encoding="utf-8"
    )
    keys = [field.alias or name for name, field in Settings.model_fields.items()]
    assert all(re.search(rf"^\[?{re.escape(key)}\b", documented, re.MULTILINE) for key in keys), keys


_REPOSITORY_PATH = re.compile(r"`(?P<path>(?:orglint|tests|rules|schemas|bench|sample_structures|docs)/[^`*<>\s]*)`")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_the_repository_paths_named_exist(page: Path) -> None:
    """Modules and folders named in the docs are still where the docs say (the layout moves)."""
    named = {match["path"] for match in _REPOSITORY_PATH.finditer(page.read_text(encoding="utf-8"))}
    assert not [path for path in sorted(named) if not (REPO / path).exists()], page.name
