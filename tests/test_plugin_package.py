"""A real plugin package, installed the way users install plugins, runs like a built-in rule."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import STRUCTURE_HEAD, write

pytestmark = pytest.mark.slow  # installs the example plugin

PLUGIN = Path(__file__).parent / "example_plugin"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin installed into a folder of its own (the test environment stays as it was)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(PLUGIN)],
        check=True,
        capture_output=True,
    )
    return target


def _orglint(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "orglint", *args], cwd=cwd, capture_output=True, text=True, env=environment)


def test_the_installed_plugin_rule_is_listed_documented_and_run(plugin_site: Path, tmp_path: Path) -> None:
    listed = _orglint(plugin_site, tmp_path, "rules", "--output-format", "json")
    assert '"Z101"' in listed.stdout
    docs = _orglint(plugin_site, tmp_path, "rule", "vacant-statutory-post")
    assert docs.returncode == 0 and "A statutory office must be filled" in docs.stdout
    write(
        tmp_path,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1, designations: [head-of-paid-service], holder: vacant}\n",
    )
    done = _orglint(plugin_site, tmp_path, "check", "s.yaml", "--extend-select", "Z101", "--output-format", "concise")
    assert "s.yaml:4:" in done.stdout and "Z101 [vacant-statutory-post]" in done.stdout


def test_rule_tester_runs_a_plugin_s_docstring_examples(plugin_site: Path, tmp_path: Path) -> None:
    script = (
        "import sys, pathlib; from orglint.testing import RuleTester; "
        "from orglint_example_plugin.vacant_statutory_post import VacantStatutoryPost as R; "
        "RuleTester(R).check_examples(pathlib.Path(sys.argv[1])); print('examples ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(plugin_site)},
    )
    assert done.stdout.strip() == "examples ok", done.stderr


def test_rule_tester_tests_a_plugin_rule_s_fix(plugin_site: Path, tmp_path: Path) -> None:
    """Z102's fix, through the plugin API, as a plugin's own test would check it; and `--fix` applies it."""
    before = STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1, holder: ' Vacant'}\n"
    script = (
        "import sys, pathlib; from orglint.testing import RuleTester; "
        "from orglint_example_plugin.vacancy_spelling import VacancySpelling as R; "
        "RuleTester(R).check_examples(pathlib.Path(sys.argv[1]) / 'examples'); "
        "print(repr(RuleTester('Z102').fixed(pathlib.Path(sys.argv[1]) / 'fixed', sys.argv[2])))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), before],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(plugin_site)},
    )
    assert done.stdout.strip() == repr(before.replace("' Vacant'", "'vacant'")), done.stderr
    listed = _orglint(plugin_site, tmp_path, "rules", "--output-format", "json")
    assert '"code": "Z102"' in listed.stdout and '"fixable": true' in listed.stdout
    write(tmp_path, "s.yaml", before)
    _orglint(plugin_site, tmp_path, "check", "s.yaml", "--extend-select", "Z102", "--fix")
    assert (tmp_path / "s.yaml").read_text(encoding="utf-8") == before.replace("' Vacant'", "'vacant'")


def test_rule_tester_catches_a_wrong_example(tmp_path: Path) -> None:
    from orglint.rules.design.one_over_one import OneOverOne
    from orglint.testing import RuleTester

    class Drifted(OneOverOne):
        __doc__ = (OneOverOne.__doc__ or "").replace("# <- D103", "")

    with pytest.raises(AssertionError, match="failing example"):
        RuleTester(Drifted).check_examples(tmp_path)
