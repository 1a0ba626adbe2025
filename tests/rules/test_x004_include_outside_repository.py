"""X004 include-outside-repository: an include or a linked file leads outside the project root.

Links, loops and the project root are tested in ``tests/test_perimeter.py``."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from . import where
from .core import HEAD

X004 = RuleTester("X004")

ROOT = HEAD.replace("posts:\n", "include: [INCLUDE]\nposts:\n") + "  - {id: CE, title: Chief Executive, tier: 1}\n"


def test_an_include_beside_the_root_is_clean(tmp_path: Path) -> None:
    team = "orglint: 1\nposts:\n" + "".join(f"  - {{id: D{n}, title: Director, reports_to: CE, tier: 2}}\n" for n in (1, 2, 3))
    assert X004.findings(tmp_path / "repo", ROOT.replace("INCLUDE", "team.yaml"), {"team.yaml": team}, alone=False) == []


def test_an_absolute_pattern_and_one_climbing_out_are_each_reported_at_the_pattern(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("orglint: 1\nposts:\n  - {id: S, title: Secret, reports_to: CE}\n", encoding="utf-8")
    text = ROOT.replace("INCLUDE", "/etc/*.yaml, ../secret.yaml")
    found = X004.findings(tmp_path / "repo", text, alone=False)
    assert found == [
        Found("X004", None, where(text, "include:", "/etc")),
        Found("X004", None, where(text, "include:", "../secret")),
    ]


def test_a_dot_dot_that_stays_inside_is_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "teams").mkdir(parents=True)
    team = "orglint: 1\nposts:\n" + "".join(f"  - {{id: D{n}, title: Director, reports_to: CE, tier: 2}}\n" for n in (1, 2, 3))
    (repo / "teams" / "a.yaml").write_text(team, encoding="utf-8")
    assert X004.findings(repo, ROOT.replace("INCLUDE", "teams/../teams/a.yaml")) == []
