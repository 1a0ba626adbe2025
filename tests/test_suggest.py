"""Did-you-mean (orglint/suggest.py): the name probably meant, nearest first, and none that is far."""

from __future__ import annotations

from pathlib import Path

import pytest

from orglint.suggest import FAR_LIMIT, FAR_SEARCHES, Suggester, closest, edit_distance, only_close

POSTS = ["CE", "DIR-CORP", "HOS-FIN", "HOS-PL", "HOS-PP"]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("hos-fin", "HOS-FIN"),  # ids are exact: a case-only difference is the likeliest slip
        ("Hos-Fin", "HOS-FIN"),
        ("HOS_FIN", "HOS-FIN"),
        ("HOS-PLN", "HOS-PL"),
        ("CEO", "CE"),
        ("hos-pln", "HOS-PL"),  # case and one edit together
        ("DIR-OPS", None),  # three edits in seven: another post, not a slip
        ("NOBODY", None),
    ],
)
def test_the_name_meant_is_suggested_and_a_far_one_is_not(written: str, meant: str | None) -> None:
    assert closest(written, POSTS) == meant


def test_the_fewest_edits_win() -> None:
    """`P0010X` is one edit from `P00100` and two from `P10010` (which difflib's likeness ranked first)."""
    ids = [f"P{number:05d}" for number in range(20_000)]
    assert closest("P0010X", ids) == "P00100"  # of the ten one edit away, the first in the file


def test_a_case_only_match_is_preferred_to_one_edit() -> None:
    assert closest("ad1", ["AD2", "AD1", "ad2"]) == "AD1"


def test_keys_swapped_letters_are_one_edit() -> None:
    fields = ["id", "title", "reports_to", "tier", "grade", "designations"]
    assert [closest(key, fields) for key in ("reprots_to", "titel", "grdae", "desigantions", "tir")] == [
        "reports_to",
        "title",
        "grade",
        "designations",
        "tier",
    ]


def test_only_close_is_the_one_candidate_or_none() -> None:
    assert only_close("HOS-PLN", POSTS) == "HOS-PL"
    assert only_close("HOS-PX", POSTS) is None  # HOS-PL and HOS-PP alike
    assert only_close("hos-fin", POSTS) == "HOS-FIN"
    assert only_close("Ad1", ["AD1", "ad1"]) is None


def test_a_large_list_still_gets_near_misses_by_looking_them_up() -> None:
    """Above FAR_LIMIT names only case and one-edit slips are looked for: looked up, not compared."""
    ids = Suggester(f"P{number:06d}" for number in range(FAR_LIMIT * 5))
    assert ids.closest("p000107") == "P000107"
    assert ids.closest("P00010X") == "P000100"
    assert ids.closest("P0001") is None  # two edits from many: not looked for at this size


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("DIR-OPS", "DIR-CORP", 3), ("ca", "abc", 3)],
)
def test_edit_distance_is_the_optimal_string_alignment(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second) == distance == edit_distance(second, first)


def test_a_known_name_is_its_own_closest() -> None:
    assert closest("HOS-PL", POSTS) == "HOS-PL" and only_close("HOS-PL", POSTS) == "HOS-PL"


def test_a_name_two_or_three_edits_away_is_found_by_searching_the_names() -> None:
    """Not one edit away, so not looked up: the nearest of the names by edit distance, then the first written."""
    titles = ["Head of Finance", "Head of Service", "Head of Services", "Director"]
    assert closest("Hed of Servce", titles) == "Head of Service"
    assert closest("AD-RSEOURCES", ["AD-RESOURCES", "AD-PEOPLE"]) == "AD-RESOURCES"
    assert closest("Hed of Srvc", ["Director", "Chief Executive"]) is None


def test_one_set_of_names_answers_a_bounded_number_of_searches_further_afield() -> None:
    """Beyond FAR_SEARCHES, an unknown name gets only near misses: no search of every name each."""
    ids = Suggester(["Head of Service", "Director"])
    answers = [ids.closest("Hed of Servce") for _ in range(FAR_SEARCHES + 5)]
    assert answers[:FAR_SEARCHES] == ["Head of Service"] * FAR_SEARCHES and answers[FAR_SEARCHES:] == [None] * 5
    assert ids.closest("Head of Servic") == "Head of Service"  # one edit away: still looked up


def test_text_too_long_to_be_a_slip_gets_no_suggestion() -> None:
    """Making every one-edit variant of a 12,000-letter key took gigabytes (a hostile file's)."""
    assert Suggester(["grade", "g" * 199]).candidates("g" * 12_000) == []
    assert Suggester(["g" * 200]).candidates("g" * 201) == []  # past the longest suggested
    assert Suggester(["g" * 150 + "a"]).candidates("g" * 150 + "b") == ["g" * 150 + "a"]


def test_a_large_alphabet_makes_no_million_variants_but_the_far_search_still_suggests() -> None:
    ids = ["".join(chr(0x4E00 + (i * 7 + j) % 3000) for j in range(60)) for i in range(100)]
    slip = ids[5][:30] + "x" + ids[5][31:]
    assert Suggester(ids).candidates(slip) == [ids[5]]


def test_a_long_unknown_key_is_one_finding_without_a_suggestion(tmp_path: Path) -> None:
    from tests.conftest import STRUCTURE_HEAD, check_json, write

    key = "x" * 12_000
    # an explicit key (`? `): a plain one may not pass 1,024 characters
    write(tmp_path, "s.yaml", STRUCTURE_HEAD + f"  - id: CE\n    title: Chief Executive\n    tier: 1\n    ? {key}\n    : 1\n")
    _, document = check_json(str(tmp_path / "s.yaml"))
    (finding,) = document["diagnostics"]
    assert finding["code"] == "X002" and "did you mean" not in finding["message"]


def test_one_long_name_of_many_letters_leaves_the_short_names_suggested() -> None:
    """A hostile id of thousands of distinct letters used to put every short name's variants past
    the budget: the letters a variant may use are those of names of its own length."""
    hostile = "".join(chr(0x4E00 + n) for n in range(20_000))
    assert Suggester([*POSTS, hostile], far_searches=0).candidates("HOS-PLN") == ["HOS-PL"]  # by one edit alone
