"""The language server's linting, in process: the editor's unsaved text read instead of the disk,
what did not change reused, each finding on its own file; and the code actions' edits."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from orglint.diagnostics import Diagnostic, Span
from orglint.load.overlay import Overlay, reading
from orglint.load.source import SourceFile, read_text, real_path
from orglint.load.yaml_source import compose
from orglint.server.actions import Replacement, every_safe_fix, safe_fix, suppression
from orglint.server.positions import DocumentText
from orglint.server.session import LintSession, SettingsError

from .conftest import SAMPLES, run


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLES / "riverside", tmp_path / "riverside")
    (tmp_path / ".git").mkdir()
    return tmp_path / "riverside"


def codes_by_file(findings: dict[Path, list[Diagnostic]]) -> dict[str, list[str]]:
    return {path.name: sorted(finding.code for finding in found) for path, found in findings.items()}


def test_unsaved_text_is_read_instead_of_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("on disk\n")
    files = Overlay()
    files.set_text(path, "in the editor\n")
    with reading(files):
        assert read_text(path) == "in the editor\n"
    assert read_text(path) == "on disk\n"  # outside the block, the disk as it is
    files.drop_text(path)
    with reading(files):
        assert read_text(path) == "on disk\n"


def test_an_included_file_is_linted_with_its_whole_structure(riverside: Path) -> None:
    session = LintSession()
    included = riverside / "departments" / "communities.yaml"
    on_disk = included.read_text()
    session.opened(included, on_disk.replace("id: HOS-COM-1\n", "id: CE\n", 1))
    linted = session.lint(included)
    by_file = codes_by_file(linted.findings)
    assert by_file["communities.yaml"].count("S001") == 1
    # every file of the structure is covered (to clear what was published there before)
    assert set(by_file) == {"council.yaml", "communities.yaml", "place.yaml", "resources.yaml"}
    assert included.read_text() == on_disk

    session.opened(included, on_disk)
    assert all(not found for found in session.lint(included).findings.values())


def test_unchanged_files_are_not_parsed_again(riverside: Path) -> None:
    session = LintSession()
    included = riverside / "departments" / "communities.yaml"
    session.opened(included, included.read_text())
    first = session.lint(included)
    session.opened(included, included.read_text().replace("Head of Housing", "Head of Homes"))
    second = session.lint(included)
    (before,) = first.runs
    (after,) = second.runs
    root_before, root_after = before.structure.root_map, after.structure.root_map
    assert root_before is root_after  # the root file's tree, reused
    assert before.ruleset is after.ruleset  # and the ruleset
    edited = [source for source in after.structure.files if source.path.name == "communities.yaml"]
    assert edited and edited[0] is not next(s for s in before.structure.files if s.path.name == "communities.yaml")


def test_suppressions_are_counted_afresh_on_each_run(riverside: Path) -> None:
    """A reused file's suppression comments start unused each run: when what one suppressed goes
    away through another file, it is reported unused (X003)."""
    session = LintSession()
    root = riverside / "council.yaml"
    extra = "  - {id: EXTRA, title: Extra, reports_to: LATER, tier: 2}  # orglint: ignore[S002] -- LATER comes\n"
    session.opened(root, root.read_text() + extra)
    assert "X003" not in codes_by_file(session.lint(root).findings)["council.yaml"]
    place = riverside / "departments" / "place.yaml"
    session.opened(place, place.read_text() + "  - {id: LATER, title: Later, reports_to: CE, tier: 2}\n")
    assert "X003" in codes_by_file(session.lint(root).findings)["council.yaml"]  # council.yaml itself reused


def test_yaml_that_is_no_structure_has_no_findings(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    workflow = tmp_path / "ci.yaml"
    workflow.write_text("on: push\njobs: {}\n")
    session = LintSession()
    assert codes_by_file(session.lint(workflow).findings) == {"ci.yaml": []}


def test_a_configuration_file_fault_is_placed_on_it(riverside: Path) -> None:
    config = riverside / "orglint.toml"
    config.write_text('ignore = ["D103"]\n')
    session = LintSession()
    session.opened(config, 'ignore = ["D103"]\nselcet = ["S"]\n')
    linted = session.lint(config)
    (fault,) = linted.findings[real_path(config)]
    assert (fault.span.line, fault.span.column) == (2, 1)
    assert "unknown key 'selcet'" in fault.message
    # a structure under it cannot be checked: said once, the fault shown on the configuration
    structure = session.lint(riverside / "council.yaml")
    assert structure.failure is not None and "orglint.toml" in structure.failure
    session.opened(config, 'ignore = ["D103"]\n')
    assert session.lint(config).findings[real_path(config)] == []


def test_a_ruleset_fault_is_placed_on_it(riverside: Path) -> None:
    ruleset = riverside / "strict.yaml"
    ruleset.write_text("orglint-ruleset: 1\nname: strict\nextends: [core]\n")
    session = LintSession()
    assert session.is_shared(ruleset)
    session.opened(ruleset, "orglint-ruleset: 1\nname: strict\nextends: [nowhere]\n")
    (fault,) = session.lint(ruleset).findings[real_path(ruleset)]
    assert fault.span.line == 3


def test_editor_settings_are_the_configuration_keys(riverside: Path) -> None:
    session = LintSession()
    included = riverside / "departments" / "communities.yaml"
    session.opened(included, included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1))
    session.configure({"ignore": ["S001"]})
    assert "S001" not in codes_by_file(session.lint(included).findings)["communities.yaml"]
    session.configure({"orglint": {"extend-select": ["S"]}})  # grouped under the tool's name, as some clients send
    assert "S001" in codes_by_file(session.lint(included).findings)["communities.yaml"]
    with pytest.raises(SettingsError, match="selcet: unknown key"):
        session.configure({"selcet": ["S"]})
    with pytest.raises(SettingsError, match="an object"):
        session.configure(["S001"])


def _finding(code: str, line: int, column: int = 1, end_column: int = 2) -> Diagnostic:
    return Diagnostic(code, "a finding", Span("x.yaml", line, column, line, end_column))


def _suppression(text: str, finding: Diagnostic) -> Replacement | None:
    """The suppression action on ``text``, given its YAML tree as the server has it."""
    root, _ = compose(text.encode("utf-8"), SourceFile(Path("x.yaml")))
    return suppression(text, finding, root)


def test_suppressing_appends_a_comment_or_adds_the_code_to_one() -> None:
    text = "posts:\n  - id: A   \n  - id: B  # orglint: ignore[D103] -- why\n"
    added = _suppression(text, _finding("S001", 2))
    assert added is not None
    assert (added.start.line, added.start.character, added.end.character) == (1, 9, 12)  # trailing blanks replaced
    assert added.new == "  # orglint: ignore[S001] -- "
    assert added.cursor.character == 9 + len(added.new)
    extended = _suppression(text, _finding("S002", 3))
    assert extended is not None and extended.new == ", S002"
    assert text.splitlines()[2][: extended.start.character].endswith("ignore[D103")
    assert _suppression(text, _finding("D103", 3)) is None  # already suppressed there
    assert _suppression(text, _finding("S001", 9)) is None  # not a line of this text
    input_fault = _finding("X001", 1)
    input_fault.about_input = True
    assert _suppression(text, input_fault) is None


def test_a_safe_fix_is_the_changed_part_only(riverside: Path) -> None:
    session = LintSession()
    included = riverside / "departments" / "communities.yaml"
    text = included.read_text().replace("    tier: 2\n", "    tier: 5\n", 1)
    session.opened(included, text)
    (finding,) = [f for f in session.lint(included).findings[real_path(included)] if f.code == "S006"]
    fixed = safe_fix(text, finding)
    assert fixed is not None and fixed.new == "2"
    assert (fixed.start.line, fixed.start.character) == (finding.span.line - 1, finding.span.column - 1)
    assert safe_fix(text, _finding("D103", 2)) is None  # a rule without a fix


def test_fix_all_is_check_fix_made_to_the_unsaved_text(riverside: Path) -> None:
    """In the editor, not saved: the director's tier 2 made 3, and its first head of service's 3
    made 4 to follow. fixAll makes `--fix`'s rounds: the director back to 2, then the head of
    service, judged again under it, back to 3; the file on disk is not written."""
    session = LintSession()
    included = riverside / "departments" / "communities.yaml"
    saved = included.read_text()
    lines = saved.splitlines(keepends=True)
    director, head = (next(i for i, line in enumerate(lines) if line == f"    tier: {tier}\n") for tier in (2, 3))
    lines[director], lines[head] = "    tier: 3\n", "    tier: 4\n"
    edited = "".join(lines)
    session.opened(included, edited)
    assert "S006" in codes_by_file(session.lint(included).findings)["communities.yaml"]
    fixed = session.fixed_text(included)
    assert fixed == saved
    assert safe_fix(edited, next(f for f in session.lint(included).findings[real_path(included)] if f.code == "S006"))
    every = every_safe_fix(edited, fixed)
    assert every is not None and every.start.line == director  # the one edit, from the director's tier on
    lines = edited.splitlines(keepends=True)
    before = "".join(lines[: every.start.line]) + lines[every.start.line][: every.start.character]
    after = lines[every.end.line][every.end.character :] + "".join(lines[every.end.line + 1 :])
    assert before + every.new + after == saved
    assert included.read_text() == saved  # nothing written


def test_server_without_pygls_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed: importing it raises ImportError
    code, _, err = run("server")
    assert code == 2
    assert "pip install 'orglint[server]'" in err


def test_a_pyproject_without_orglint_settings_is_not_orglint_s(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n')
    session = LintSession()
    linted = session.lint(pyproject)
    assert linted.findings == {pyproject: []} and linted.failure is None
    session.opened(pyproject, '[project]\nname = "x"\n[tool.orglint]\nselcet = ["S"]\n')
    (fault,) = session.lint(pyproject).findings[real_path(pyproject)]
    assert fault.span.line == 4


def test_toml_that_does_not_parse_is_placed_where_it_breaks(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / "orglint.toml"
    config.write_text("")
    session = LintSession()
    session.opened(config, 'ignore = ["D103"]\nselect = [\n')
    (fault,) = session.lint(config).findings[real_path(config)]
    assert fault.message.startswith("invalid TOML")
    assert fault.span.line == 2


def test_an_open_file_outside_the_repository_is_not_read_for_being_open(tmp_path: Path) -> None:
    """The perimeter (docs/security.md) is decided on disk: unsaved text only stands in for a file it lets in."""
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    outside = tmp_path / "secret.yaml"
    outside.write_text("orglint: 1\nposts: []\n")
    root = repository / "council.yaml"
    root.write_text(
        "orglint: 1\norganisation: {name: X, type: district, ruleset: core}\ninclude: ['../secret.yaml']\n"
        "posts:\n  - {id: CE, title: Chief Executive, tier: 1}\n"
    )
    session = LintSession()
    session.opened(outside, "orglint: 1\nposts:\n  - {id: SECRET, title: Kept Out, reports_to: CE, tier: 2}\n")
    session.opened(root, root.read_text())
    linted = session.lint(root)
    assert "X004" in codes_by_file(linted.findings)["council.yaml"]
    (run,) = linted.runs
    assert "SECRET" not in run.graph.posts
    assert real_path(outside) not in linted.findings


def test_a_post_card_shows_user_text_as_text(riverside: Path) -> None:
    from orglint.server.hover import post_markdown

    session = LintSession()
    root = riverside / "council.yaml"
    session.opened(root, root.read_text().replace("title: Chief Executive", "title: '[Chief](https://example.com) *Exec*'", 1))
    linted = session.lint(root)
    (run,) = linted.runs
    card = post_markdown(run.graph.posts["CE"], run, [])
    assert "\\[Chief\\]\\(https://example.com\\) \\*Exec\\*" in card
    assert "manager: none (a top post)" in card


def _ruleset_to_edit(riverside: Path) -> tuple[Path, str]:
    """The ruleset the structure names, saved as it is, and the text that turns S006 off in it."""
    ruleset = riverside / "strict.yaml"
    ruleset.write_text("orglint-ruleset: 1\nname: strict\nextends: [core]\n")
    root = riverside / "council.yaml"
    root.write_text(root.read_text().replace("ruleset: core", "ruleset: ./strict.yaml", 1))
    return ruleset, "orglint-ruleset: 1\nname: strict\nextends: [core]\nrules:\n  S006: off\n"


def _configuration_to_edit(riverside: Path) -> tuple[Path, str]:
    """An empty configuration file, and the text that ignores S006 in it."""
    config = riverside / "orglint.toml"
    config.write_text("")
    return config, 'ignore = ["S006"]\n'


@pytest.mark.parametrize("edited", [_ruleset_to_edit, _configuration_to_edit], ids=["ruleset", "configuration"])
def test_a_ruleset_or_configuration_edited_in_the_editor_is_used_at_once(
    riverside: Path, edited: Callable[[Path], tuple[Path, str]]
) -> None:
    settings, turning_s006_off = edited(riverside)
    included = riverside / "departments" / "communities.yaml"
    session = LintSession()
    session.opened(included, included.read_text().replace("    tier: 2\n", "    tier: 5\n", 1))
    assert "S006" in codes_by_file(session.lint(included).findings)["communities.yaml"]
    session.opened(settings, turning_s006_off)
    assert "S006" not in codes_by_file(session.lint(included).findings)["communities.yaml"]
    session.closed(settings)  # back to what is saved
    assert "S006" in codes_by_file(session.lint(included).findings)["communities.yaml"]


def test_places_go_through_offsets_across_breaks_the_protocol_does_not_count(riverside: Path) -> None:
    """YAML breaks lines at U+2028 (and U+2029, U+0085), the protocol does not: a finding after
    one is published, suppressed and hovered on its own line, not the next."""
    included = riverside / "departments" / "communities.yaml"
    text = (
        included.read_text()
        .replace("title: Director of Communities", 'title: "Director\u2028of Communities"', 1)
        .replace("    tier: 2\n", "    tier: 5\n", 1)
    )
    session = LintSession()
    session.opened(included, text)
    (finding,) = [f for f in session.lint(included).findings[real_path(included)] if f.code == "S006"]
    editor_lines = text.split("\n")
    document = DocumentText(text)
    published = document.span_range(finding.span)
    assert editor_lines[published.start.line][published.start.character : published.end.character] == "5"
    added = _suppression(text, finding)
    assert added is not None and editor_lines[added.start.line] == "    tier: 5"
    start = published.start
    assert document.place(document.offset(start.line, start.character)) == (finding.span.line, finding.span.column)


def test_a_suppression_comment_goes_after_a_quoted_value_that_holds_a_yaml_only_line_break() -> None:
    """Findings count the editor's lines (a U+2028 inside a title ends none): the comment goes at
    the end of the editor's line, never inside the title after the break."""
    text = 'posts:\n  - {id: A, title: "x\u2028y"}\n'
    after = _suppression(text, _finding("S001", 2))
    assert after is not None and (after.start.line, after.start.character) == (1, len(text.split("\n")[1]))


def test_no_suppression_comment_is_offered_where_the_line_ends_inside_a_value() -> None:
    """A comment at the end of a line that a scalar goes on past would be part of the value (or
    end a plain scalar early): no action is offered there. Between the entries of a flow mapping
    a comment is a comment, and is offered."""
    quoted = 'posts:\n  - {id: A, grade: Z9, title: "Chief\n      Executive"}\n'
    plain = "posts:\n  - id: A\n    title: Chief\n      Executive\n    grade: Z9\n"
    block = "posts:\n  - id: A\n    title: |\n      Chief  # orglint: ignore[D103] -- why\n    grade: Z9\n"
    flowing = "posts:\n  - {id: A, grade: Z9,\n     title: Chief Executive}\n"
    assert _suppression(quoted, _finding("G104", 2)) is None
    assert _suppression(plain, _finding("D103", 3)) is None
    assert _suppression(block, _finding("D101", 4)) is None  # text like a suppression inside the value
    offered = _suppression(flowing, _finding("G104", 2))
    assert offered is not None and offered.new == "  # orglint: ignore[G104] -- "
    fixed = flowing.replace("Z9,", "Z9,  # orglint: ignore[G104] -- x", 1)
    assert compose(fixed.encode("utf-8"), SourceFile(Path("x.yaml")))[0]["posts"][0]["title"] == "Chief Executive"


def test_hover_escapes_every_message_and_folds_its_line_breaks() -> None:
    from orglint.server.hover import rule_markdown

    fault = Diagnostic("", "unknown rule '![x](http://evil.example/t.png)'\n# heading\n- item", Span("r.yaml", 3, 1, 3, 5))
    shown = rule_markdown(fault)
    assert "![x](" not in shown and "\\!\\[x\\]\\(http" in shown
    assert "\n" not in shown  # no line of its own: no heading, list or rule
    finding = Diagnostic("S001", "duplicate\n===\n", Span("r.yaml", 3, 1, 3, 5))
    assert "\n===" not in rule_markdown(finding)


def test_a_configuration_fault_is_placed_by_its_span_not_its_text(tmp_path: Path) -> None:
    """A folder name that reads like a place (``x:9:9: y``) does not move the fault."""
    folder = tmp_path / "x:9:9: y"
    (folder / ".git").mkdir(parents=True)
    config = folder / "orglint.toml"
    config.write_text("")
    session = LintSession()
    session.opened(config, 'ignore = ["D103"]\nselcet = ["S"]\n')
    (fault,) = session.lint(config).findings[real_path(config)]
    assert (fault.span.line, fault.span.column) == (2, 1)
    assert fault.message == "unknown key 'selcet' (did you mean 'select'?)"


def test_publishing_reads_each_file_once(riverside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """However many findings name places in a file (here three ids first used in the root file),
    one publish reads and indexes that file once."""
    from pygls.workspace import Workspace

    from orglint.server.language_server import OrglintServer

    server = OrglintServer()
    server.protocol._workspace = Workspace(None)
    monkeypatch.setattr(server, "_send", lambda path, diagnostics, version=None: None)
    reads: Counter[Path] = Counter()
    read = server.text_of

    def counted(path: Path) -> str:
        reads[path] += 1
        return read(path)

    monkeypatch.setattr(server, "text_of", counted)
    included = riverside / "departments" / "communities.yaml"
    text = included.read_text()
    for taken in ("HOS-COM-1", "TM-COM-11", "DIR-COM"):
        text = text.replace(f"id: {taken}\n", "id: CE\n", 1)
    server.session.opened(included, text)
    linted = server.session.lint(included)
    assert codes_by_file(linted.findings)["communities.yaml"].count("S001") == 3
    server.publish(real_path(included), linted, {})
    assert reads and max(reads.values()) == 1
