"""Inline suppressions: on the line at fault or the post's line, file-wide, counted, reportable."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import STRUCTURE_HEAD, check_json, write

TEAM = """  - {id: AD2, title: AD, reports_to: CE, tier: 2}
  - {id: AD3, title: AD, reports_to: CE, tier: 2}
  - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}
"""


def test_suppression_on_the_line_at_fault_hides_and_counts_the_finding(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1}\n"
        "  - {id: AD1, title: AD, reports_to: CE, tier: 2}   # orglint: ignore[D103] -- until April\n" + TEAM,
    )
    exit_code, document = check_json("s.yaml")
    assert document["diagnostics"] == [] and document["summary"]["suppressed"] == 1 and exit_code == 0
    _, document = check_json("s.yaml", "--ignore-suppressions")
    assert [d["code"] for d in document["diagnostics"]] == ["D103"] and document["summary"]["suppressed"] == 0


def test_suppression_on_the_post_line_covers_its_keys_and_names_work(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD
        + "  - {id: CE, title: CE, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n"
        + TEAM
        + "  - id: X   # orglint: ignore[tier-mismatch, S002] -- being restructured\n    title: X\n    reports_to: AD2\n    tier: 9\n",
    )
    _, document = check_json("s.yaml")
    assert [d["code"] for d in document["diagnostics"]] == ["D103", "D103", "X003"]  # AD1, AD2; S002 unused
    x003 = document["diagnostics"][-1]
    assert x003["line"] == 9 and "S002" in x003["message"]


def test_comment_text_inside_a_value_is_the_value_s_not_a_suppression(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1}\n"
        '  - {id: AD1, title: "AD # orglint: ignore[D103]", reports_to: CE, tier: 2}\n'
        "  - id: AD2\n    title: |\n      AD # orglint: ignore[D103, S001]\n    reports_to: CE\n    tier: 2\n"
        "  - {id: AD3, title: 'AD # orglint: ignore[S001]', reports_to: CE, tier: 2}\n"
        "  - {id: HOS1, title: Head of Service, reports_to: AD1, tier: 3}\n",
    )
    _, document = check_json("s.yaml")
    # neither hides AD1's or AD2's one-over-one nor is reported unused
    assert [(d["code"], d["post"]) for d in document["diagnostics"]] == [("D103", "AD1")]
    assert document["summary"]["suppressed"] == 0


def test_ignore_file(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        "# orglint: ignore-file[D103] -- small pilot structure\n"
        + STRUCTURE_HEAD
        + "  - {id: CE, title: CE, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n",
    )
    _, document = check_json("s.yaml")
    assert document["diagnostics"] == [] and document["summary"]["suppressed"] == 1


def test_unknown_codes_in_suppressions_are_reported(in_tmp: Path) -> None:
    write(
        in_tmp,
        "s.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1}   # orglint: ignore[Q999]\n"
        "  - {id: A, title: A, reports_to: CE, tier: 2}\n  - {id: B, title: B, reports_to: CE, tier: 2}\n  - {id: C, title: C, reports_to: CE, tier: 2}\n",
    )
    _, document = check_json("s.yaml")
    assert [(d["code"], d["line"], d["column"]) for d in document["diagnostics"]] == [("X003", 4, 54)]


def test_input_findings_cannot_be_suppressed(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 0}   # orglint: ignore[X002]\n")
    _, document = check_json("s.yaml")
    assert "X002" in [d["code"] for d in document["diagnostics"]]


@pytest.mark.parametrize(
    "text",
    [
        "orglint: 1\nposts: []\n",
        "a: 1  # orglint: ignore[D103] -- agreed\n",
        "\ufeffa: 1 #\u00a0orglint:\u2003ignore-file[L112]\n",
        "t: caf\u00e9  # orglint: ignore[S001]\r\n# not orglint here\n",
    ],
)
def test_comments_are_found_alike_in_a_files_text_and_in_its_bytes(text: str) -> None:
    from orglint.load.suppression_comments import scan

    def found(data: str | bytes) -> list[tuple[object, ...]]:
        return [(s.line, s.column, s.codes, s.reason, s.whole_file) for s in scan(data, "f.yaml")]

    assert found(text.encode("utf-8")) == found(text.removeprefix("\ufeff"))
    assert found(text) or "ignore" not in text
