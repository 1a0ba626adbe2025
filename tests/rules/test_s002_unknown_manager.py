"""S002 unknown-manager: a post's ``reports_to`` names no post."""

from pathlib import Path

from orglint.testing import Expected, RuleTester

from .core import CLEAN, HEAD

S002 = RuleTester("S002")


def test_each_unknown_manager_is_reported_at_its_reports_to(tmp_path: Path) -> None:
    S002.expect(
        tmp_path,
        CLEAN + "  - {id: H1, title: Head, reports_to: CEO, tier: 3}\n  - {id: H2, title: Head, reports_to: NOBODY, tier: 3}\n",
        Expected("H1", ("id: H1", "CEO"), "reports_to 'CEO' names no post (did you mean 'CE'?)"),
        Expected("H2", ("id: H2", "NOBODY"), "reports_to 'NOBODY' names no post"),
    )


def test_ids_are_compared_exactly_case_included(tmp_path: Path) -> None:
    S002.expect(tmp_path, CLEAN + "  - {id: H1, title: Head, reports_to: ad1, tier: 3}\n", Expected("H1", ("id: H1", "ad1")))


def test_a_manager_in_an_included_file_is_known(tmp_path: Path) -> None:
    root = HEAD.replace("posts:\n", "include: [team.yaml]\nposts:\n") + "  - {id: CE, title: Chief Executive, tier: 1}\n"
    team = "orglint: 1\nposts:\n" + "".join(f"  - {{id: D{n}, title: Director, reports_to: CE, tier: 2}}\n" for n in (1, 2, 3))
    S002.expect(tmp_path, root + "  - {id: H1, title: Head, reports_to: D1, tier: 3}\n", files={"team.yaml": team})


def test_only_the_post_at_fault_is_reported(tmp_path: Path) -> None:
    """Its team is judged from it, and nothing else fires for the one wrong id."""
    text = (
        CLEAN
        + "  - {id: H1, title: Head, reports_to: AD9, tier: 3}\n"
        + "".join(f"  - {{id: T{n}, title: Team Manager, reports_to: H1, tier: 4}}\n" for n in (1, 2, 3))
    )
    S002.expect(tmp_path, text, Expected("H1", ("id: H1", "AD9")), alone=False)
