"""X003 unused-suppression: a suppression comment suppresses nothing, or names no rule.

Suppressions themselves are tested in ``tests/test_suppressions.py``."""

from pathlib import Path

from orglint.testing import Found, RuleTester
from tests.conftest import check_json

from . import where
from .core import CLEAN, HEAD

X003 = RuleTester("X003")

ONE_OVER_ONE = CLEAN + "  - {id: H1, title: Head, reports_to: AD1, tier: 3}\n"


def test_a_used_suppression_is_clean(tmp_path: Path) -> None:
    text = ONE_OVER_ONE.replace(
        "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}",
        "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}  # orglint: ignore[D103] -- interim",
    )
    assert X003.findings(tmp_path, text) == []


def test_a_stale_code_is_reported_at_the_code_naming_its_post(tmp_path: Path) -> None:
    text = CLEAN.replace(
        "reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 2}  # orglint: ignore[D103] -- interim\n  - {id: AD2", 1
    )
    found = X003.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("X003", "AD1", where(text, "id: AD1", "D103"))]
    assert (found[0].span.end_column - found[0].span.column) == len("D103")
    assert found[0].severity.label == "warning"


def test_a_code_naming_no_rule_and_an_input_rule_are_reported(tmp_path: Path) -> None:
    text = CLEAN.replace("tier: 2}\n  - {id: AD2", "tier: 2}  # orglint: ignore[D999, X002] -- why\n  - {id: AD2", 1)
    found = X003.lint(tmp_path, text)
    assert [(d.post, d.span.line) for d in found] == [("AD1", 5), ("AD1", 5)]


def test_a_rule_that_did_not_run_is_not_judged(tmp_path: Path) -> None:
    """L101 is not in `core`: the comment may be for another configuration."""
    text = CLEAN.replace("tier: 1}", "tier: 1}  # orglint: ignore[L101] -- the statutory ruleset's")
    assert X003.findings(tmp_path, text) == []


def test_a_stale_file_wide_suppression_names_no_post(tmp_path: Path) -> None:
    text = "# orglint: ignore-file[S002] -- migration\n" + CLEAN
    assert X003.findings(tmp_path, text) == [Found("X003", None, "1:24")]
    assert (
        X003.findings(
            tmp_path,
            "# orglint: ignore-file[S002] -- migration\n"
            + HEAD
            + "  - {id: CE, title: CE, tier: 1}\n  - {id: A, title: A, reports_to: B}\n",
        )
        == []
    )


def test_the_configuration_s_severity_and_per_file_ignores_apply_to_x003(in_tmp: Path) -> None:
    text = CLEAN.replace(
        "reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 2}  # orglint: ignore[D103] -- interim\n  - {id: AD2", 1
    )
    for folder, configuration in (
        ("lowered", '[severity]\nX003 = "info"\n'),
        ("ignored", '[per-file-ignores]\n"s.yaml" = ["X003"]\n'),
    ):
        (in_tmp / folder).mkdir()
        (in_tmp / folder / "s.yaml").write_text(text, encoding="utf-8")
        (in_tmp / folder / "orglint.toml").write_text(configuration, encoding="utf-8")
    _, document = check_json("lowered/s.yaml")
    assert [(d["code"], d["severity"]) for d in document["diagnostics"]] == [("X003", "info")]
    assert check_json("ignored/s.yaml")[1]["diagnostics"] == []


# The fix: the stale code out of its comment, or the whole comment once none is left.

STALE = CLEAN.replace(
    "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}",
    "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}   # orglint: ignore[D103] -- interim",
)


def test_the_fix_removes_a_comment_whose_only_code_is_stale(tmp_path: Path) -> None:
    assert X003.fixed(tmp_path, STALE) == CLEAN


def test_the_fix_removes_only_the_stale_codes_of_a_list(tmp_path: Path) -> None:
    one_over_one = ONE_OVER_ONE.replace(
        "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}",
        "{id: AD1, title: Assistant Director, reports_to: CE, tier: 2}   # orglint: ignore[S001, D103,X002] -- interim",
    )
    assert X003.fixed(tmp_path / "a", one_over_one) == one_over_one.replace("ignore[S001, D103,X002]", "ignore[D103]")
    assert X003.findings(tmp_path / "b", X003.fixed(tmp_path / "c", one_over_one)) == []


def test_the_fix_removes_every_stale_code_of_a_comment_and_then_the_comment(tmp_path: Path) -> None:
    text = STALE.replace("ignore[D103]", "ignore[D103, S001 , X002]")
    assert X003.fixed(tmp_path, text) == CLEAN


def test_the_fix_removes_the_line_of_a_comment_alone_on_it(tmp_path: Path) -> None:
    text = "# orglint: ignore-file[S002] -- migration\n" + CLEAN.replace("posts:\n", "posts:\n  # orglint: ignore[D103]\n")
    assert X003.fixed(tmp_path, text) == CLEAN


def test_a_code_naming_no_rule_is_left_for_its_author(tmp_path: Path) -> None:
    """`one-over-on` may be meant for D103: removing it would show the finding it was written to hide."""
    text = STALE.replace("ignore[D103]", "ignore[one-over-on, D103]")
    assert X003.fixed(tmp_path, text) == STALE.replace("ignore[D103]", "ignore[one-over-on]")
    assert [d.replacement for d in X003.lint(tmp_path / "again", text)] == [None, ""]
