"""X002 invalid-structure: the file parses but breaks the structure format.

Format faults are also tested in ``tests/test_structure_files.py``, and "one mistake, one finding"
(misspelt keys read as meant, unreadable values left out alone) in ``tests/test_cascades.py``."""

from pathlib import Path

import pytest

from orglint.testing import Found, RuleTester

from . import where
from .core import CLEAN, HEAD
from .councils import DISTRICT, designate

X002 = RuleTester("X002")


def test_a_well_formed_structure_is_clean(tmp_path: Path) -> None:
    assert X002.findings(tmp_path, CLEAN, alone=False) == []


@pytest.mark.parametrize(
    ("post", "value"),
    [
        ("{id: X, title: Officer, reports_to: CE, tier: two}", "two"),
        ("{id: X, title: Officer, reports_to: CE, tier: 0}", "0"),
        ("{id: X, title: Officer, reports_to: CE, tier: 2, fte: 0}", "0}"),
        ("{id: X, title: Officer, reports_to: CE, tier: 2, salary: {min: 50000, max: 40000}}", "{min"),
    ],
)
def test_a_value_of_the_wrong_kind_is_reported_at_the_value(tmp_path: Path, post: str, value: str) -> None:
    text = CLEAN + f"  - {post}\n"
    found = X002.findings(tmp_path, text)
    assert found == [Found("X002", "X", where(text, "id: X,", value))]


def test_an_unknown_key_is_reported_at_the_key_with_a_suggestion(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, title: Officer, reprots_to: CE, tier: 2}\n"
    (finding,) = X002.lint(tmp_path, text)
    assert Found.of(finding) == Found("X002", "X", where(text, "id: X,", "reprots_to"))
    assert "did you mean 'reports_to'?" in finding.message


def test_a_missing_title_is_reported(tmp_path: Path) -> None:
    text = CLEAN + "  - {id: X, reports_to: CE, tier: 2}\n"
    assert [(f.code, f.where.split(":")[0]) for f in X002.findings(tmp_path, text)] == [("X002", "8")]


def test_several_faults_are_several_findings(tmp_path: Path) -> None:
    text = HEAD + "  - {id: CE, title: Chief Executive, tier: one, fte: -1, grade: [a]}\n"
    assert len(X002.findings(tmp_path, text)) == 3


def test_an_unknown_designation_near_one_name_gets_a_suggestion(tmp_path: Path) -> None:
    text = designate(DISTRICT, "AD2", "[monitoring-oficer]")
    (finding,) = [d for d in X002.lint(tmp_path, text) if d.code == "X002"]
    assert Found.of(finding) == Found("X002", "AD2", where(text, "id: AD2", "monitoring-oficer"))
    assert finding.message == "post 'AD2': unknown designation 'monitoring-oficer' (did you mean 'monitoring-officer'?)"


def test_an_unknown_designation_near_none_lists_them_all(tmp_path: Path) -> None:
    text = designate(DISTRICT, "AD3", "[chief legal officer]")
    (finding,) = [d for d in X002.lint(tmp_path, text) if d.code == "X002"]
    assert finding.message.startswith(
        "post 'AD3': unknown designation 'chief legal officer'; valid designations: head-of-paid-service, "
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        (
            "Head of Legal and Monitoring Officer",
            " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)",
        ),
        (
            "AD Governance, Monitoring Officer",
            " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)",
        ),
        (
            "Head of Law - Monitering Officer",
            " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)",
        ),
        ("Interim Monitoring Officer", " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)"),
        ("Acting Monitoring Officer", " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)"),
        (
            "Monitoring Officer: Head of Legal",
            " (did you mean 'monitoring-officer'? an entry is one designation, not a job title)",
        ),
        (
            "Monitoring Officer and Head of Democratic Services",
            " (did you mean 'monitoring-officer' and 'head-of-democratic-services', each an entry of its own?)",
        ),
    ],
)
def test_a_job_title_written_as_a_designation_names_the_roles_it_lists(tmp_path: Path, written: str, hint: str) -> None:
    text = designate(DISTRICT, "AD2", f'["{written}"]')
    found = X002.lint(tmp_path, text, kind="pass")
    assert [(d.code, d.message) for d in found] == [("X002", f"post 'AD2': unknown designation {written!r}{hint}")]


@pytest.mark.parametrize(
    "written",
    [
        "Deputy to the Monitoring Officer",
        "Monitoring Officer's PA",
        "Monitoring Officer Support",
        "Monitoring Officer (Deputy)",
        "Former Monitoring Officer",
        "Monitoring Officer (Former)",
    ],
)
def test_a_title_that_only_mentions_a_role_names_none(tmp_path: Path, written: str) -> None:
    """The role must stand alone between separators: a deputy's, an assistant's or a team's title
    is not the officer's, so the designations are listed and no post holds the monitoring officer."""
    text = designate(DISTRICT, "AD2", f'["{written}"]')
    found = X002.lint(tmp_path, text, kind="pass")
    assert [d.code for d in found] == ["X002", "L103"]
    assert "; valid designations: head-of-paid-service, " in found[0].message


@pytest.mark.parametrize("written", ["S151 Officer", "section-151-officer", "monitoring officer"])
def test_a_designation_by_any_name_or_spacing_is_known(tmp_path: Path, written: str) -> None:
    text = designate(DISTRICT, "AD3", f"[{written}]")
    assert [f for f in X002.findings(tmp_path, text) if f.code == "X002"] == []


def test_an_include_that_matches_nothing(tmp_path: Path) -> None:
    text = CLEAN.replace("posts:\n", "include: [teams/*.yaml]\nposts:\n")
    assert X002.findings(tmp_path, text) == [Found("X002", None, where(text, "include:", "teams/*.yaml"))]


# The fix: an unknown key close to exactly one of the keys allowed there is renamed to it.

TYPO = CLEAN.replace(
    "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}",
    "{id: AD1, title: Assistant Director, reprots_to: CE, tier: 2, grdae: G6}",
)


def test_the_fix_renames_a_key_close_to_exactly_one_known_key(tmp_path: Path) -> None:
    assert X002.fixed(tmp_path, TYPO) == TYPO.replace("reprots_to", "reports_to").replace("grdae", "grade")


def test_the_fix_renames_a_nested_key_and_a_quoted_key_in_its_quotes(tmp_path: Path) -> None:
    text = HEAD + "  - id: CE\n    title: Chief Executive\n    tier: 1\n    'evaluaton': {scheem: HAY, date: 2024-01-01}\n"
    assert X002.fixed(tmp_path, text) == text.replace("'evaluaton'", "'evaluation'").replace("scheem", "scheme")


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("titel: x", id="close to title and tier: a guess"),
        pytest.param("xyzzy: 1", id="close to nothing"),
        pytest.param("reprots_to: CE", id="the record has reports_to already"),
    ],
)
def test_the_fix_leaves_a_key_it_cannot_be_sure_of(tmp_path: Path, written: str) -> None:
    text = HEAD + f"  - id: CE\n    title: Chief Executive\n    tier: 1\n    reports_to: null\n    {written}\n"
    assert [d.code for d in X002.lint(tmp_path / "lint", text)] == ["X002"]
    assert X002.fixed(tmp_path, text) == text


def test_the_fix_leaves_values_alone(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 1}", "tier: 0}")
    assert [d.code for d in X002.lint(tmp_path / "lint", text)] == ["X002"]
    assert X002.fixed(tmp_path, text) == text


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("District Council", "district"),
        ("Metropolitan District Council", "metropolitan-district"),  # the longest choice it writes
        ("London Borough Council", "london-borough"),
        ("Welsh County Borough Council", "welsh-county-borough"),
        ("Non-metropolitan District", None),  # a negation: no guess (it is a shire district, not a metropolitan one)
        ("County Borough Council", None),  # welsh-county-borough shares more of it than county
        ("Wrexham County Borough Council", None),
        ("Council", None),
    ],
)
def test_a_choice_written_among_other_words_is_suggested(tmp_path: Path, written: str, meant: str | None) -> None:
    text = CLEAN.replace("type: district", f"type: {written}")
    assert f"type: {written}" in text
    (finding,) = X002.lint(tmp_path, text)
    hint = f" (did you mean {meant!r}?)" if meant else ""
    assert finding.message.endswith(f"'scottish-council' or 'other'{hint}, got {written!r}")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Permanent staff", "permanent"), ("Fixed-term contract", "fixed-term"), ("not permanent", None), ("Non-permanent", None)],
)
def test_a_choice_negated_is_not_suggested(tmp_path: Path, written: str, meant: str | None) -> None:
    text = CLEAN + f"  - {{id: X, title: Officer, reports_to: CE, tier: 2, contract: {written}}}\n"
    (finding,) = X002.lint(tmp_path, text)
    assert ("did you mean" in finding.message) == (meant is not None)
    if meant:
        assert f"(did you mean {meant!r}?)" in finding.message
