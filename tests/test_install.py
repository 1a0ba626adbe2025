"""The package a user installs is the package we test: the wheel and the sdist, built from a copy
of the source tree as pip builds them, hold every module and built-in ruleset; installed (not
editable) into fresh virtualenvs, each runs every command on the repository's samples.

The installs fetch orglint's dependencies from the package index (pip's cache makes reruns quick).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from orglint import __version__
from orglint.load.yaml_source import ACCELERATED
from orglint.output.check import OutputFormat

from .conftest import REPO, SAMPLES, run

pytestmark = pytest.mark.slow  # builds the wheel and sdist and installs them

ORGANOGRAM = REPO / "tests" / "data" / "organograms" / "planning_inspectorate-2011-09-30"
BROKEN = "sample_structures/broken/structure.yaml"
PROPOSED = "sample_structures/leicestershire/proposed.yaml"
"""A structure with findings, none of them input findings (which --new-only always reports)."""

MODULES = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "orglint").rglob("*.py"))
RULESETS = sorted(path.name for path in (REPO / "rules").iterdir() if path.suffix == ".yaml")
# The built-in rulesets live at the top of the repository (rules/) and install as the data folder
# orglint/rulesets/ (setup.py).
INSTALLED_FILES = MODULES + [f"orglint/rulesets/{name}" for name in RULESETS]
SDIST_FILES = MODULES + [f"rules/{name}" for name in RULESETS] + ["orglint/load/_plain_compose.c", "setup.py", "pyproject.toml"]

# What builds and the development install leave in the tree. The artefacts are built from a copy
# without them, as from a fresh clone: a stale build/lib would otherwise go into the wheel and
# hide a package the build no longer finds, and an in-place .so hide a C build that fails.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "*.so"
)

OUTPUT_FORMATS = list(OutputFormat)
COMMANDS: dict[str, list[str]] = {
    **{f"check-{name}": ["check", "sample_structures/broken", "--output-format", name] for name in OUTPUT_FORMATS},
    "check-every-sample": ["check", "sample_structures"],
    "check-organogram": ["check", f"{ORGANOGRAM.name}-senior.csv"],
    "rule": ["rule", "D104"],
    "rule-all": ["rule", "--all"],
    "rules": ["rules"],
    "rules-organogram": ["rules", "--ruleset", "uk-organogram"],
    "report-terminal": ["report", "sample_structures/riverside"],
    "report-markdown": ["report", "sample_structures/riverside", "--format", "markdown", "-o", "report.md"],
    "report-html": ["report", "sample_structures/riverside", "--format", "html", "-o", "report.html"],
    "tree": ["tree", "sample_structures/riverside"],
    **{
        f"diff-{name}": [
            "diff",
            "sample_structures/carlisle-2009/structure.yaml",
            "sample_structures/carlisle-2009/proposed.yaml",
            "-f",
            name,
        ]
        for name in ("terminal", "markdown", "json")
    },
    "schema-structure": ["schema", "structure"],
    "schema-ruleset": ["schema", "ruleset"],
}


@dataclass(frozen=True)
class Artefacts:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    """orglint installed from one artefact into a virtualenv of its own."""

    venv: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def environment(self) -> dict[str, str]:
        """The caller's, with the virtualenv first on PATH and nothing that points Python at other code."""
        environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        environment["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
        return environment

    def orglint(self, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the installed ``orglint`` executable, as a user's shell or pre-commit would."""
        done = subprocess.run(
            [str(self.venv / "bin" / "orglint"), *args], cwd=cwd, capture_output=True, text=True, env=self.environment()
        )
        assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done


def _succeed(command: list[str], cwd: Path | None = None) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}{done.stderr}"


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Artefacts:
    """The wheel (built from the tree, as ``pip install .`` builds it) and the sdist, built once."""
    source = tmp_path_factory.mktemp("source") / "orglint"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    dist = tmp_path_factory.mktemp("dist")
    _succeed([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(dist), str(source)])
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    return Artefacts(wheel, sdist)


@pytest.fixture(scope="module", params=["wheel", "sdist"])
def installed(request: pytest.FixtureRequest, artefacts: Artefacts, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtualenv with orglint installed from the artefact: the wheel as it is, the sdist
    through the wheel pip builds from it."""
    venv = tmp_path_factory.mktemp(f"venv-{request.param}")
    _succeed([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    artefact = artefacts.wheel if request.param == "wheel" else artefacts.sdist
    # This environment's pip installs into the new one (--python, pip 22.3+): the same install,
    # without bootstrapping a pip of its own into each virtualenv.
    _succeed([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", str(artefact)])
    return Installed(venv)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A scratch folder holding copies of the samples and one organogram, and no orglint/ folder
    that could stand in for the installed package."""
    shutil.copytree(SAMPLES, tmp_path / "sample_structures")
    for table in ("senior", "junior"):
        shutil.copy(f"{ORGANOGRAM}-{table}.csv", tmp_path)
    return tmp_path


def test_version_and_its_short_option_print_the_version() -> None:
    for option in ("--version", "-V"):
        assert run(option) == (0, f"orglint {__version__}\n", "")


def test_the_wheel_holds_every_module_and_builtin_ruleset(artefacts: Artefacts) -> None:
    with zipfile.ZipFile(artefacts.wheel) as wheel:
        names = set(wheel.namelist())
    assert [name for name in INSTALLED_FILES if name not in names] == []
    # the rulesets' folder is data: their YAML, nothing else
    assert sorted(name for name in names if name.startswith("orglint/rulesets/")) == [f"orglint/rulesets/{n}" for n in RULESETS]


def test_the_sdist_holds_every_module_the_rulesets_and_the_c_source(artefacts: Artefacts) -> None:
    with tarfile.open(artefacts.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}  # less the orglint-X.Y.Z/ folder
    assert [name for name in SDIST_FILES if name not in names] == []


def test_the_installed_package_is_what_runs_and_is_complete(installed: Installed, work: Path) -> None:
    script = "import orglint, orglint.load.yaml_source as yaml_source; print(orglint.__file__); print(yaml_source.ACCELERATED)"
    done = subprocess.run(
        [str(installed.python), "-c", script], cwd=work, capture_output=True, text=True, env=installed.environment()
    )
    assert done.returncode == 0, done.stderr
    location, accelerated = done.stdout.splitlines()
    package = Path(location).parent
    assert package.is_relative_to(installed.venv) and package.parent.name == "site-packages"
    shebang = (installed.venv / "bin" / "orglint").read_text(encoding="utf-8").splitlines()[0]
    assert shebang == f"#!{installed.python}"  # the executable runs the virtualenv's Python, so this package
    assert [name for name in INSTALLED_FILES if not (package.parent / name).is_file()] == []
    # The C walk is built wherever the development install's was (the same compiler and headers):
    # from the sdist too, which must carry its source.
    assert accelerated == str(ACCELERATED)


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_the_installed_version(installed: Installed, work: Path, option: str) -> None:
    done = installed.orglint(work, option)
    assert (done.returncode, done.stdout) == (0, f"orglint {__version__}\n")


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_each_command_runs_from_the_installed_package(installed: Installed, work: Path, args: list[str]) -> None:
    done = installed.orglint(work, *args)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    if "-o" in args:
        assert (work / args[args.index("-o") + 1]).stat().st_size > 0
    else:
        assert done.stdout.strip()


def test_a_baseline_written_by_the_installed_package_accepts_every_rule_s_finding(installed: Installed, work: Path) -> None:
    """Every finding but the input ones (X001, X002, X004), which no baseline accepts."""
    assert installed.orglint(work, "check", BROKEN).returncode == 1
    assert installed.orglint(work, "baseline", "write", "baseline.json", BROKEN).returncode == 0
    done = installed.orglint(work, "check", BROKEN, "--baseline", "baseline.json", "--output-format", "concise")
    codes = [line.split()[1] for line in done.stdout.splitlines() if line.startswith(BROKEN)]
    assert done.returncode == 1 and codes and all(code.startswith("X") for code in codes)


def test_an_imported_organogram_lints(installed: Installed, work: Path) -> None:
    assert installed.orglint(work, "import", f"{ORGANOGRAM.name}-senior.csv", "-o", "imported.yaml").returncode == 0
    assert installed.orglint(work, "check", "imported.yaml").returncode in (0, 1)


@pytest.mark.skipif(shutil.which("git") is None, reason="--new-only reads the base revision with git")
def test_new_only_fails_only_on_a_change_that_adds_a_finding(installed: Installed, work: Path) -> None:
    git = ["git", "-c", "user.name=orglint tests", "-c", "user.email=tests@orglint.invalid", "-c", "commit.gpgsign=false"]
    _succeed([*git, "init", "-q"], cwd=work)
    _succeed([*git, "add", PROPOSED], cwd=work)
    _succeed([*git, "commit", "-q", "-m", "base"], cwd=work)
    assert installed.orglint(work, "check", "--new-only", PROPOSED).returncode == 0  # its findings are all in HEAD's version
    structure = work / PROPOSED
    text = structure.read_text(encoding="utf-8")
    assert "    reports_to: CE\n" in text
    structure.write_text(text.replace("    reports_to: CE\n", "    reports_to: NOBODY\n", 1), encoding="utf-8")
    done = installed.orglint(work, "check", "--new-only", PROPOSED, "--output-format", "concise")
    assert done.returncode == 1 and "S002 [unknown-manager]" in done.stdout
