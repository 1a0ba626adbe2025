"""E104 evaluation-date-invalid: an evaluation dated in the future, or before its profile last changed."""

from pathlib import Path

import pytest

from orglint.diagnostics import Diagnostic
from orglint.testing import Found, RuleTester

from . import where
from .evaluated import EVALUATED, FILES
from .graded import regrade

E104 = RuleTester("E104")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGLINT_TODAY", "2024-06-30")


def fine_then_reported(tmp_path: Path, post: str, fine: str, reported: str) -> tuple[str, list[Diagnostic]]:
    """Re-date the post's evaluation: clean on ``fine``, one finding at the date on ``reported``."""
    text = regrade(EVALUATED, post, "2024-01-15", fine)
    assert E104.findings(tmp_path, text, FILES) == []
    text = regrade(EVALUATED, post, "2024-01-15", reported)
    found = E104.lint(tmp_path, text, FILES)
    assert [Found.of(d) for d in found] == [Found("E104", post, where(text, f"id: {post}", reported))]
    return text, found


def test_today_is_not_the_future_and_tomorrow_is(tmp_path: Path) -> None:
    text, found = fine_then_reported(tmp_path, "AD2", "2024-06-30", "2024-07-01")
    assert found[0].message == "'AD2': evaluated on 2024-07-01, which is in the future"
    assert E104.findings(tmp_path, text, FILES, alone=False) == [Found.of(found[0])]


def test_the_day_the_profile_changed_is_fine_and_the_day_before_is_not(tmp_path: Path) -> None:
    _, found = fine_then_reported(tmp_path, "AD1", "2023-06-01", "2023-05-31")
    assert found[0].message == "'AD1': evaluated on 2023-05-31, before its profile 'ad' last changed (2023-06-01)"


def test_without_a_profile_or_its_date_only_the_future_counts(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD2", "2024-01-15", "1990-01-01")  # AD2 has no profile
    text = text.replace(", updated: 2023-06-01", "")
    text = regrade(text, "AD1", "2024-01-15", "1990-01-01")
    assert E104.findings(tmp_path, text, FILES) == []


def test_no_date_is_e102_s_and_each_bad_date_is_reported(tmp_path: Path) -> None:
    text = regrade(EVALUATED, "AD2", "date: 2024-01-15, ", "")
    text = regrade(regrade(text, "AD3", "2024-01-15", "2030-01-01"), "CE", "2024-01-15", "2025-01-01")
    assert [f.post for f in E104.findings(tmp_path, text, FILES)] == ["CE", "AD3"]
