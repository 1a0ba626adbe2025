"""``orglint.testing``'s compact assertions fail, and say why, whenever a finding differs from the
one expected: the rule modules in ``tests/rules`` lean on them, and plugin authors are given them."""

from pathlib import Path

import pytest

from orglint.testing import Expected, Found, RuleTester, where

from .rules.core import CLEAN, OURS, ruleset

UNKNOWN = CLEAN + "  - {id: H1, title: Head, reports_to: CEO, tier: 3}\n"
MESSAGE = "reports_to 'CEO' names no post (did you mean 'CE'?)"
FIX = "Name an existing post's id in `reports_to`, or add the missing post."
S002 = RuleTester("S002")


def test_a_place_is_line_and_column_of_the_value_on_the_line_holding_a_text() -> None:
    assert where(UNKNOWN, "id: H1", "CEO") == "8:39"
    assert Expected("H1", ("id: H1", "CEO")).found("S002", UNKNOWN) == Found("S002", "H1", where(UNKNOWN, "id: H1", "CEO"))
    with pytest.raises(ValueError, match="no line holds 'id: H9'"):
        where(UNKNOWN, "id: H9", "CEO")
    with pytest.raises(ValueError, match="'NOPE' is not after 'id: H1' on line 8"):
        where(UNKNOWN, "id: H1", "NOPE")


def test_a_place_counts_lines_as_findings_do(tmp_path: Path) -> None:
    """A U+2028 inside a title ends no line (str.splitlines would count one): a plugin author's
    expected place is where the finding is."""
    text = UNKNOWN.replace("title: Head,", 'title: "Head\u2028of Service",')
    assert where(text, "id: H1", "CEO") == "8:52"
    S002.expect(tmp_path, text, Expected("H1", ("id: H1", "CEO"), MESSAGE))


def test_expect_passes_on_exactly_the_findings_and_gives_them_back(tmp_path: Path) -> None:
    (finding,) = S002.expect(tmp_path, UNKNOWN, Expected("H1", ("id: H1", "CEO"), MESSAGE, FIX))
    assert finding.code == "S002"


@pytest.mark.parametrize(
    ("expected", "said"),
    [
        pytest.param([], r"expected \[\], found \[Found\(code='S002', post='H1'", id="a-finding-not-expected"),
        pytest.param([Expected("H1", "1:1"), Expected("H1", "1:1")], "expected .* found", id="a-finding-missing"),
        pytest.param(
            [Expected("H1", ("id: H1", "H1"))],
            r"expected \[Found\(code='S002', post='H1', where='8:10'\)\], found",
            id="another-place",
        ),
        pytest.param([Expected("AD1", ("id: H1", "CEO"))], "post='AD1'", id="another-post"),
        pytest.param([Expected("H1", ("id: H1", "CEO"), code="S001")], "code='S001'", id="another-rule"),
        pytest.param(
            [Expected("H1", ("id: H1", "CEO"), "names no post")], "expected message 'names no post'", id="another-message"
        ),
        pytest.param([Expected("H1", ("id: H1", "CEO"), fix="Delete it.")], "expected fix 'Delete it.'", id="another-fix"),
    ],
)
def test_expect_fails_saying_what_differs(tmp_path: Path, expected: list[Expected], said: str) -> None:
    with pytest.raises(AssertionError, match=said):
        S002.expect(tmp_path, UNKNOWN, *expected)


def test_only_finding_checks_the_expected_finding_too(tmp_path: Path) -> None:
    assert S002.only_finding(tmp_path, UNKNOWN, expected=Expected("H1", ("id: H1", "CEO"), MESSAGE)).post == "H1"
    with pytest.raises(AssertionError, match="expected message 'reports to nobody'"):
        S002.only_finding(tmp_path, UNKNOWN, expected=Expected("H1", ("id: H1", "CEO"), "reports to nobody"))


def test_the_tester_s_files_are_every_call_s_unless_a_call_gives_its_own(tmp_path: Path) -> None:
    """A ruleset file given once, to the tester, serves each structure; a call's files replace it."""
    two_at_most = RuleTester("D101", ruleset("  D101: {max-direct-reports: 2}\n"))
    text = OURS + CLEAN.split("posts:\n")[1]  # a Chief Executive of three
    assert [f.post for f in two_at_most.findings(tmp_path / "own", text)] == ["CE"]
    assert two_at_most.findings(tmp_path / "given", text, ruleset("  D101: {max-direct-reports: 3}\n")) == []
