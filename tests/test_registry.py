"""Rules come from the `orglint.rules` entry points: the built-in ones and a plugin's alike."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.rules import registry as registry_module
from orglint.rules.registry import ENTRY_POINT_GROUP, PluginError, registered_rules

from .conftest import STRUCTURE_HEAD, check_json, run, write


class VacantPost(Rule, code="Z901", name="vacant-post", severity=Severity.INFO):
    """A post is vacant (a plugin's rule, for this test).

    ## What it does
    Reports vacant posts.
    """

    basis = "test"
    fix = "Recruit."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post in context.structure.posts:
            if post.holder == "vacant":
                yield self.finding(context.value_span(post, "holder"), f"{post.id} is vacant", post=post.id)


def rules_defined_in_orglint() -> list[type[Rule]]:
    """Every concrete rule class in the package: each module imported, each ``Rule`` subclass
    defined there that has a code (the shared bases, such as the organogram rules', have none)."""
    import orglint

    defined: list[type[Rule]] = []
    for module_info in pkgutil.walk_packages(orglint.__path__, prefix="orglint."):
        if module_info.name == "orglint.__main__":
            continue  # running it is the command line, not a definition
        module = importlib.import_module(module_info.name)
        for _, member in inspect.getmembers(module, inspect.isclass):
            if issubclass(member, Rule) and member.__module__ == module.__name__ and getattr(member, "code", None):
                defined.append(member)
    return defined


def test_every_rule_in_the_package_is_registered_under_its_code() -> None:
    """A rule class without its `orglint.rules` line in pyproject.toml would silently never run."""
    from importlib.metadata import entry_points

    registered = {entry_point.name: entry_point.load() for entry_point in entry_points(group=ENTRY_POINT_GROUP)}
    defined = rules_defined_in_orglint()
    assert len(defined) >= 61
    unregistered = [
        f"{rule.code} ({rule.__module__}:{rule.__qualname__})" for rule in defined if registered.get(rule.code) is not rule
    ]
    assert unregistered == [], f"rules not registered under the {ENTRY_POINT_GROUP!r} entry points: {unregistered}"
    assert {rule.code for rule in defined} <= set(registered_rules())


def test_every_rule_has_a_test_module_of_its_own() -> None:
    """``tests/rules/test_<code>_<name>.py``, as ``tests/rules/__init__.py`` describes."""
    modules = {path.name for path in (Path(__file__).parent / "rules").glob("test_*.py")}
    expected = {f"test_{code.lower()}_{rule.name.replace('-', '_')}.py": code for code, rule in registered_rules().items()}
    assert sorted(code for name, code in expected.items() if name not in modules) == []


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Install one more entry point, as a plugin's package metadata would."""
    from importlib import metadata

    real = metadata.entry_points

    def with_plugin(**params: str):  # type: ignore[no-untyped-def]
        found = list(real(**params))
        if params.get("group") == ENTRY_POINT_GROUP:
            found.append(EntryPoint("Z901", f"{__name__}:VacantPost", ENTRY_POINT_GROUP))
        return found

    monkeypatch.setattr(registry_module, "entry_points", with_plugin)
    registered_rules.cache_clear()
    yield
    registered_rules.cache_clear()


def test_a_plugin_rule_runs_like_a_built_in_one(plugin: None, in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, holder: vacant}\n")
    _, document = check_json("s.yaml", "--extend-select", "Z901")
    assert [(d["code"], d["post"], d["line"], d["column"]) for d in document["diagnostics"]] == [("Z901", "CE", 4, 46)]
    exit_code, out, _ = run("rule", "vacant-post")
    assert exit_code == 0 and "Reports vacant posts." in out


def test_a_broken_plugin_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch, in_tmp: Path) -> None:
    def broken(**params: str) -> list[EntryPoint]:
        return [EntryPoint("Z902", "no_such_module:Rule", ENTRY_POINT_GROUP)]

    monkeypatch.setattr(registry_module, "entry_points", broken)
    registered_rules.cache_clear()
    try:
        with pytest.raises(PluginError, match="failed to load"):
            registered_rules()
        write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: CE}\n")
        exit_code, _, err = run("check", "s.yaml")
        assert exit_code == 2 and "Z902" in err
    finally:
        registered_rules.cache_clear()


def test_an_entry_point_must_be_named_by_its_rule_s_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        registry_module, "entry_points", lambda **_: [EntryPoint("Z000", f"{__name__}:VacantPost", ENTRY_POINT_GROUP)]
    )
    registered_rules.cache_clear()
    try:
        with pytest.raises(PluginError, match="match its entry point name"):
            registered_rules()
    finally:
        registered_rules.cache_clear()
