"""T102 duplicate-post-reference: a senior reference already names another post (not a job share)."""

from pathlib import Path

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T102 = RuleTester("T102")


def test_a_reused_reference_is_reported_at_the_later_row_naming_what_differs(tmp_path: Path) -> None:
    findings = lint(T102, tmp_path, senior(post("DIR-A", title="Director of Policy", unit="Policy")))
    assert [Found.of(d) for d in findings] == [Found("T102", "DIR-A", "A6")]
    assert (
        findings[0].message
        == "reference 'DIR-A' already names another post ('Director'): the rows differ in Job Title, Unit, so they are not a job share"
    )


def test_a_job_share_differs_only_in_name_pay_contact_and_fte(tmp_path: Path) -> None:
    share = post(
        "DIR-A",
        name="Ann Lee",
        phone="0300 765 4321",
        email="ann@example.gov.uk",
        fte="0.5",
        pay_floor="50000",
        pay_ceiling="54999",
    )
    assert found(T102, tmp_path, senior(share)) == []


def test_eliminated_rows_and_not_in_post_rows_are_set_aside(tmp_path: Path) -> None:
    eliminated = post("DIR-A", name="Eliminated", title="Old Director")
    zero = {"name": "N/D", "title": "Not in post", "function": "N/A", "unit": "N/A", "phone": "N/A", "email": "N/A"}
    assert found(T102, tmp_path, senior(eliminated, post("0", **zero), post("0", **{**zero, "grade": "SCS1"}))) == []


def test_every_later_reuse_is_reported(tmp_path: Path) -> None:
    text = senior(post("DIR-B", title="Deputy"), post("DIR-B", title="Adviser"))
    assert [f.where for f in found(T102, tmp_path, text)] == ["A6", "A7"]


def test_an_eliminated_row_not_written_exactly_so_is_one_finding_at_its_name(tmp_path: Path) -> None:
    """The validator sets aside only "Eliminated" exactly: "'Eliminated'" (stray quotes, as the Home
    Office's 2012 export has it) or "eliminated" keeps the row as a second post. The name is the
    slip, so the finding is there, saying so, not "give the post its own reference"."""
    for name in ("'Eliminated'", "eliminated"):
        findings = lint(T102, tmp_path, senior(post("DIR-A", name=name, title="Old Director", phone="N/D", email="N/D")))
        assert [Found.of(d) for d in findings] == [Found("T102", "DIR-A", "B6")]
        assert findings[0].message == (
            f"the name {name!r} is not 'Eliminated' exactly, as the publication validator reads it, so the row is a post, "
            "and reference 'DIR-A' names another ('Director')"
        )
        assert findings[0].fix == "Write Eliminated exactly: a capital E, no quotes."
