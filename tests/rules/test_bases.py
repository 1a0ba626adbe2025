"""The structures the rule tests edit are clean: each, linted beside its ruleset with a rule its
tests are about, gives no finding at all, so whatever a test's one edit makes is that edit's."""

from pathlib import Path

import pytest

from orglint.testing import RuleTester

from . import core, councils, evaluated, graded, organograms, profiled, published, split

# base: (its text, the files beside it, the rules whose tests edit it)
BASES: dict[str, tuple[str, dict[str, str] | None, tuple[str, ...]]] = {
    "core": (core.CLEAN, None, ("S001", "S002", "S003", "S004", "X001")),
    "split": (split.SPLIT, split.FILES, ("B101", "C101", "C102", "C104")),
    "evaluated": (evaluated.EVALUATED, evaluated.FILES, ("E101", "E102", "E103", "E104")),
    "graded": (graded.GRADED, graded.FILES, ("G101", "G102", "G103", "G105")),
    "profiled": (profiled.PROFILED, profiled.FILES, ("R101", "R102", "R103")),
    "welsh": (councils.WELSH, None, ("L108", "L112", "L114")),
    "scottish": (councils.SCOTTISH, None, ("L108", "L112")),
    "published": (published.COUNCIL, published.FILES, ("P101", "P102", "P103")),
}
ORGANOGRAM_RULES = ("T101", "T102", "T103", "T105", "T109", "T110", "T113", "T116")


@pytest.mark.parametrize(("base", "code"), [(base, code) for base, (_, _, codes) in BASES.items() for code in codes])
def test_a_structure_base_is_clean(tmp_path: Path, base: str, code: str) -> None:
    text, files, _ = BASES[base]
    assert RuleTester(code).findings(tmp_path, text, files, alone=False) == []


@pytest.mark.parametrize("code", ORGANOGRAM_RULES)
def test_the_organogram_base_is_clean(tmp_path: Path, code: str) -> None:
    senior, junior = organograms.senior(), organograms.junior(*organograms.TEAMS)
    assert organograms.found(RuleTester(code), tmp_path, senior, junior, alone=False) == []
