"""Helpers for plugin authors: test a rule the way orglint tests its own.

    from orglint.testing import Expected, RuleTester
    from my_plugin.rule import MyRule

    def test_my_rule_examples(tmp_path):
        RuleTester(MyRule).check_examples(tmp_path)   # runs the docstring's failing and passing examples

    def test_my_rule_on_a_structure(tmp_path):
        found = RuleTester(MyRule).lint(tmp_path, "orglint: 1\\n...")
        assert [(d.code, d.post, d.span.line) for d in found] == [("Z101", "CE", 4)]

    def test_one_mistake_one_finding(tmp_path):
        # one finding with the rule alone, and still the only one beside the rest of its ruleset
        finding = RuleTester("Z101").only_finding(tmp_path, "orglint: 1\\n...")
        assert (finding.post, finding.message) == ("CE", "...")

    def test_nothing_else_fires(tmp_path):
        # every finding, under the rule's ruleset too: (code, post, "line:column" or cell)
        assert RuleTester("Z101").findings(tmp_path, "orglint: 1\\n...", alone=False) == [("Z101", "CE", "4:7")]

    def test_the_findings_said_once(tmp_path):
        # exactly these findings, in report order: each its post and where, ("line:column", a cell, or
        # (line_with, value): the value on the first line holding line_with), optionally its message
        RuleTester("Z101").expect(tmp_path, "orglint: 1\\n...", Expected("CE", ("id: CE", "CE"), "no ..."))

    def test_the_fix(tmp_path):
        # a fixable rule: the file's text after `orglint check --fix` (this rule's fixes only)
        before = "orglint: 1\\n...\\n  - {id: AD1, title: AD, reports_to: CE, tier: 3}\\n"
        assert RuleTester("S006").fixed(tmp_path, before) == before.replace("tier: 3}", "tier: 2}")

The rule must be registered (installed with its ``orglint.rules`` entry point) for ``lint`` to
run it, exactly as orglint will run it for users; ``RuleTester`` takes the rule's class or its code,
and optionally the further ``files`` (such as a ruleset) every structure it lints is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, TypeAlias

from orglint.diagnostics import Diagnostic
from orglint.engine import LintOptions, lint
from orglint.rule_examples import examples
from orglint.rules import InputRule, Rule
from orglint.rules.registry import registered_rules


class Found(NamedTuple):
    """One finding, as a test states it: the rule, the post it is about, and where it points
    (``"line:column"`` in a structure file, the cell such as ``"K12"`` in a table)."""

    code: str
    post: str | None
    where: str

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> Found:
        span = diagnostic.span
        return cls(diagnostic.code, diagnostic.post, span.cell or f"{span.line}:{span.column}")


Files: TypeAlias = dict[str, str]
"""Further files beside a structure, by name: the rulesets it names, the files it includes."""


def where(text: str, line_with: str, value: str) -> str:
    """``"line:column"`` of ``value`` on the first line of ``text`` that holds ``line_with`` (at or
    after it): where a finding about that value must point. Lines are counted as findings count
    them (and editors): a U+2028 inside a title ends none."""
    from orglint.load.source import text_lines

    for number, line in enumerate(text_lines(text), start=1):
        if line_with in line:
            column = line.find(value, line.index(line_with))
            if column < 0:
                raise ValueError(f"{value!r} is not after {line_with!r} on line {number}: {line!r}")
            return f"{number}:{column + 1}"
    raise ValueError(f"no line holds {line_with!r}")


class Expected(NamedTuple):
    """A finding a test expects of the rule under test: the post it is about; where it points, as
    ``Found.where`` or as ``(line_with, value)``, the ``value`` on the first line of the linted text
    holding ``line_with`` (see ``where``); and, where given, its exact message and fix. ``code``
    names another rule, for a finding of the rule's ruleset."""

    post: str | None
    where: str | tuple[str, str]
    message: str | None = None
    fix: str | None = None
    code: str | None = None

    def found(self, rule_code: str, text: str) -> Found:
        place = self.where if isinstance(self.where, str) else where(text, *self.where)
        return Found(self.code or rule_code, self.post, place)

    def mismatch(self, diagnostic: Diagnostic) -> str | None:
        """What of the expected message and fix the finding does not say, if anything."""
        for name, wanted, said in (("message", self.message, diagnostic.message), ("fix", self.fix, diagnostic.fix)):
            if wanted is not None and said != wanted:
                return f"{Found.of(diagnostic)}: expected {name} {wanted!r}, found {said!r}"
        return None


class RuleTester:
    def __init__(self, rule: type[Rule] | str, files: Files | None = None) -> None:
        """``rule``: the rule's class, or its code (``"D101"``) to test it as installed. ``files``:
        the further files every structure is linted with, unless a call gives its own."""
        self.rule = registered_rules()[rule] if isinstance(rule, str) else rule
        self.files = files

    def selection(self, kind: str) -> tuple[list[str], list[str]]:
        """(select, extend-select) for an example: a failing one runs this rule alone where it can
        (input rules always run, and a rule judging other rules' findings needs them); a passing
        one runs it beside the rules of its ruleset, which must all stay quiet."""
        alone = kind == "fail" and not issubclass(self.rule, InputRule) and not self.rule.judges_other_rules
        return ([self.rule.code], []) if alone else ([], [self.rule.code])

    def lint(
        self, folder: Path, text: str, files: Files | None = None, *, kind: str = "fail", filename: str = "example.yaml"
    ) -> list[Diagnostic]:
        """Lint ``text`` as ``folder/filename`` (with further ``files``, such as rulesets)."""
        path = _write(folder, text, self.files if files is None else files, filename)
        return lint([path], self.options(kind)).diagnostics

    def options(self, kind: str) -> LintOptions:
        select, extend_select = self.selection(kind)
        return LintOptions(isolated=True, select=select, extend_select=extend_select)

    def findings(
        self, folder: Path, text: str, files: Files | None = None, *, alone: bool = True, filename: str = "example.yaml"
    ) -> list[Found]:
        """Every finding on ``text`` (linted as ``lint`` does), in report order, as ``Found``.
        ``alone`` runs this rule by itself where it can (as for a failing example); otherwise it
        runs beside the rules of its ruleset, so a test can show that nothing else fires."""
        kind = "fail" if alone else "pass"
        return [Found.of(d) for d in self.lint(folder, text, files, kind=kind, filename=filename)]

    def expect(
        self,
        folder: Path,
        text: str,
        *expected: Expected | Found,
        files: Files | None = None,
        alone: bool = True,
        filename: str = "example.yaml",
    ) -> list[Diagnostic]:
        """Assert that ``text`` (linted as ``findings`` lints it) gives exactly the ``expected``
        findings, in report order, each with the message and fix its ``Expected`` gives; none
        expected, none found. The findings, for what else a test asserts of them."""
        found = self.lint(folder, text, files, kind="fail" if alone else "pass", filename=filename)
        wanted = [e if isinstance(e, Found) else e.found(self.rule.code, text) for e in expected]
        if [Found.of(d) for d in found] != wanted:
            raise AssertionError(f"expected {wanted}, found {[Found.of(d) for d in found]}")
        for diagnostic, expectation in zip(found, expected, strict=True):
            mismatch = expectation.mismatch(diagnostic) if isinstance(expectation, Expected) else None
            if mismatch:
                raise AssertionError(mismatch)
        return found

    def only_finding(
        self, folder: Path, text: str, files: Files | None = None, *, expected: Expected | None = None
    ) -> Diagnostic:
        """The finding of a structure with one mistake in it: the rule alone gives exactly one,
        and beside the rest of its ruleset it is still the only finding (one mistake, one finding);
        the ``expected`` one, where given."""
        found = self.lint(folder, text, files)
        if len(found) != 1 or found[0].code != self.rule.code:
            raise AssertionError(f"expected one {self.rule.code} finding, found {[Found.of(d) for d in found]}")
        beside = self.findings(folder, text, files, alone=False)
        if beside != [Found.of(found[0])]:
            raise AssertionError(f"beside its ruleset, expected only {Found.of(found[0])}, found {beside}")
        if expected is not None:
            self.expect(folder, text, expected, files=files)
        return found[0]

    def fixed(self, folder: Path, text: str, files: Files | None = None, *, filename: str = "example.yaml") -> str:
        """The text of ``filename`` after this rule's safe fixes, as ``orglint check --fix``
        applies them (round after round, until none is left), with the rule run as ``lint`` runs
        it. The file is linted from ``folder`` but not rewritten. The text as it was if there is
        nothing to fix; an AssertionError, with the reason, if ``--fix`` would give the file's
        fixes up (they spoil the YAML, bring a finding it did not have, or never settle), so that
        a test that a case is not fixed cannot pass for the wrong reason."""
        from orglint.fix import fix_rounds
        from orglint.load.source import decode_text, display_path, real_path

        path = _write(folder, text, self.files if files is None else files, filename)
        options = self.options("fail")
        outcome = fix_rounds(lambda: lint([path], options), codes={self.rule.code})
        for display, why in outcome.left_alone.items():
            if display == display_path(path) or real_path(display) == real_path(path):
                raise AssertionError(f"{self.rule.code}'s fixes of {filename} were given up: {why}")
        fix = outcome.files.get(real_path(path))
        return decode_text(fix.after) if fix is not None else text

    def check_examples(self, folder: Path) -> None:
        """The docstring's failing example gives this rule's findings on exactly the lines marked
        ``# <- CODE``; its passing example gives no finding under its ruleset."""
        found_any = {"fail": False, "pass": False}
        for index, example in enumerate(examples(self.rule)):
            found_any[example.kind] = True
            where = folder / f"{example.kind}{index}"
            if example.kind == "fail":
                found = [
                    d
                    for d in self.lint(where, example.text, example.files, filename=example.filename)
                    if d.code == self.rule.code
                ]
                if example.expected_cells:
                    cells = sorted(str(d.span.cell) for d in found)
                    if cells != sorted(example.expected_cells):
                        raise AssertionError(
                            f"{self.rule.code} failing example: expected cells {example.expected_cells}, found {cells}"
                        )
                    continue
                lines = sorted(d.span.line for d in found)
                if not example.expected_lines or lines != example.expected_lines:
                    raise AssertionError(
                        f"{self.rule.code} failing example: expected lines {example.expected_lines}, found {lines}"
                    )
            else:
                found = self.lint(where, example.text, example.files, kind="pass", filename=example.filename)
                if found:
                    raise AssertionError(
                        f"{self.rule.code} passing example has findings: {[(d.code, d.span.line) for d in found]}"
                    )
        if not all(found_any.values()):
            raise AssertionError(f"{self.rule.code} docs need a failing and a passing example")


def _write(folder: Path, text: str, files: Files | None, filename: str) -> Path:
    """Write ``text`` as ``folder/filename``, with further ``files``; the structure's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {}).items():
        (folder / name).write_text(content, encoding="utf-8")
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    return path
