"""L111 combined-dcs-dass: one post is both director of children's and of adult social services."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .councils import UNITARY, designate

L111 = RuleTester("L111")

COMBINED = designate(
    designate(UNITARY, "DASS", "[]"), "DCS", "[director-of-childrens-services, director-of-adult-social-services]"
)


def test_two_directors_are_clean(tmp_path: Path) -> None:
    assert L111.findings(tmp_path, UNITARY, alone=False) == []


def test_one_post_holding_both_is_a_warning_at_the_adult_services_designation(tmp_path: Path) -> None:
    assert L111.findings(tmp_path, COMBINED, alone=False) == [
        Found("L111", "DCS", where(COMBINED, "id: DCS", "director-of-adult-social-services"))
    ]
    (finding,) = L111.lint(tmp_path, COMBINED)
    assert finding.severity.label == "warning" and finding.message.endswith(": two statutory offices on one post")


@pytest.mark.parametrize(
    ("written", "adult"),
    [("[DASS, DCS]", "DASS"), ("[director of adult services, Director of Children's Services]", "director of adult")],
)
def test_in_any_order_and_by_any_name(tmp_path: Path, written: str, adult: str) -> None:
    text = designate(designate(UNITARY, "DASS", "[]"), "DCS", written)
    assert L111.findings(tmp_path, text) == [Found("L111", "DCS", where(text, "id: DCS", adult))]


def test_whatever_the_type_of_council(tmp_path: Path) -> None:
    assert [f.code for f in L111.findings(tmp_path, COMBINED.replace("type: unitary", "type: district"))] == ["L111"]
