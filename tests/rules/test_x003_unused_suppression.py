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


def test_a_stale_code_is_reported_at_the_comment_naming_its_post(tmp_path: Path) -> None:
    text = CLEAN.replace(
        "reports_to: CE, tier: 2}\n  - {id: AD2", "reports_to: CE, tier: 2}  # orglint: ignore[D103] -- interim\n  - {id: AD2", 1
    )
    found = X003.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("X003", "AD1", where(text, "id: AD1", "# orglint"))]
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
    assert X003.findings(tmp_path, text) == [Found("X003", None, "1:1")]
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
