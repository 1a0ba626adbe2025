"""T110 missing-contact: a senior row's phone or e-mail is missing, withheld both, not an address,
or not N/A where the post is vacant, eliminated or reference 0."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from .organograms import found, lint, post, senior

T110 = RuleTester("T110")

ZERO = {"name": "N/D", "title": "Not in post", "function": "N/A", "unit": "N/A"}


@pytest.mark.parametrize(("phone", "email"), [("N/D", "director@example.gov.uk"), ("0300 123 4567", "N/D")])
def test_either_contact_may_be_withheld(tmp_path: Path, phone: str, email: str) -> None:
    assert found(T110, tmp_path, senior(post("DIR-D", phone=phone, email=email))) == []


def test_both_withheld_is_one_finding_on_the_phone(tmp_path: Path) -> None:
    findings = lint(T110, tmp_path, senior(post("DIR-D", phone="N/D", email="N/D")))
    assert [(Found.of(d), d.message) for d in findings] == [
        (Found("T110", "DIR-D", "H6"), "both contacts are withheld (N/D): give at least one")
    ]


def test_blank_and_n_a_contacts_of_a_post_in_post(tmp_path: Path) -> None:
    findings = lint(T110, tmp_path, senior(post("DIR-D", phone="", email=""), post("DIR-E", phone="N/A", email="N/A")))
    assert [d.span.cell for d in findings] == ["H6", "I6", "H7", "I7"]
    assert findings[0].message == "the Contact Phone is blank: give a number, or N/D"


def test_an_e_mail_needs_an_at_and_a_dot(tmp_path: Path) -> None:
    findings = lint(T110, tmp_path, senior(post("DIR-D", email="director-at-example"), post("DIR-E", email="d@example")))
    assert [(d.span.cell, d.message) for d in findings] == [
        ("I6", "'director-at-example' is not an e-mail address (it needs '@' and '.')"),
        ("I7", "'d@example' is not an e-mail address (it needs '@' and '.')"),
    ]


@pytest.mark.parametrize("name", ["Vacant", "VACANT", "eliminated"])
def test_a_vacant_or_eliminated_post_has_n_a_for_a_phone(tmp_path: Path, name: str) -> None:
    assert found(T110, tmp_path, senior(post("DIR-D", name=name, phone="N/A", email="N/A"))) == []
    (finding,) = lint(T110, tmp_path, senior(post("DIR-D", name=name, phone="0300 123 4567", email="N/A")))
    assert (finding.span.cell, finding.message) == (
        "H6",
        f"the post is {name}, so the Contact Phone must be N/A, not '0300 123 4567'",
    )


def test_a_quoted_vacant_is_a_name(tmp_path: Path) -> None:
    (finding,) = lint(T110, tmp_path, senior(post("DIR-D", name="'Vacant'", phone="N/A", email="d@example.gov.uk")))
    assert finding.span.cell == "H6"
    assert finding.message.endswith("(the name \"'Vacant'\" is not 'Vacant': the quotes are part of it)")
    assert finding.fix == "Write Vacant without the quotes."


def test_a_quoted_n_a_is_not_n_a_and_the_fix_says_to_drop_the_quotes(tmp_path: Path) -> None:
    """The DCLG 2011 publication's reference-0 rows write "'N/A'": the advice is the quotes, not "give a number"."""
    (finding,) = lint(T110, tmp_path, senior(post("0", phone="'N/A'", email="N/A", **ZERO)))
    assert finding.message.endswith("so the Contact Phone must be N/A, not \"'N/A'\"")
    assert finding.fix == "Write N/A without the quotes."
    (finding,) = lint(T110, tmp_path, senior(post("DIR-D", name="Ann Lee", phone="N/A", email="d@example.gov.uk")))
    assert finding.fix == T110.rule.fix  # a live post's N/A: the rule's own advice


def test_a_reference_zero_row_s_e_mail_should_be_n_a(tmp_path: Path) -> None:
    assert found(T110, tmp_path, senior(post("0", phone="N/A", email="N/A", **ZERO))) == []
    (finding,) = lint(T110, tmp_path, senior(post("0", phone="N/A", email="pay@example.gov.uk", **ZERO)))
    assert (Found.of(finding), finding.severity.label) == (Found("T110", None, "I6"), "warning")
