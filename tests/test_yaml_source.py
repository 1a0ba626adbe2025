"""The located YAML loader: positions, text-only scalars, safety, and located faults."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from orglint.load.source import LoadProblem, SourceFile, read_text
from orglint.load.yaml_source import MAX_DEPTH, YamlMap, YamlSeq, compose

SOURCE = SourceFile(Path("doc.yaml"), "doc.yaml")


def load(text: str) -> tuple[object, list[LoadProblem]]:
    return compose(text, SOURCE)


def test_every_key_and_value_has_its_span() -> None:
    root, problems = load("orglint: 1\nposts:\n  - id: CE\n    title: Chief Executive\n")
    assert problems == []
    assert isinstance(root, YamlMap)
    post = root["posts"][0]
    assert (post.key_span("title").line, post.key_span("title").column) == (4, 5)
    span = post.value_span("title")
    assert (span.line, span.column, span.end_line, span.end_column) == (4, 12, 4, 27)
    assert root["posts"].item_span(0).line == 3
    assert root.key_span("posts").file == "doc.yaml"


def test_scalars_stay_text_exactly_as_written() -> None:
    root, _ = load("a: 007\nb: no\nc: 1e3\nd: on\ne: 1.50\nf: '~'\n")
    assert root == {"a": "007", "b": "no", "c": "1e3", "d": "on", "e": "1.50", "f": "~"}


@pytest.mark.parametrize("text", ["a: null", "a: ~", "a:", "a: Null", "a: !!null x"])
def test_plain_nulls_are_none(text: str) -> None:
    root, _ = load(text)
    assert root == {"a": None}


def test_quoted_null_is_text() -> None:
    root, _ = load('a: "null"')
    assert root == {"a": "null"}


def test_anchors_aliases_and_merge_keys() -> None:
    root, problems = load("base: &b {grade: G1, fte: 1}\npost:\n  <<: *b\n  fte: 0.5\nlist: [&x one, *x]\n")
    assert problems == []
    assert root["post"] == {"grade": "G1", "fte": "0.5"}
    assert root["list"] == ["one", "one"]
    # a merged value points at where it was written
    assert root["post"].value_span("grade").line == 1


def test_duplicate_key_is_located_and_the_first_value_stands() -> None:
    root, problems = load("a: 1\nb: 2\na: 3\n")
    assert root["a"] == "1"
    assert [(p.line, p.column) for p in problems] == [(3, 1)]
    assert problems[0].message == "duplicate key 'a': this mapping already has it"  # no line inside the text


def test_object_tags_are_reported_and_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\nb: !custom x\n"
    root, problems = load(text)
    assert not marker.exists()
    assert [p.line for p in problems] == [1, 2]
    assert all("not allowed" in p.message for p in problems)
    assert isinstance(root["a"], YamlSeq)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: [1,\n", 1, 7),
        ("a: b: c\n", 1, 5),
        ("posts:\n\t- id: A\n", 2, 1),
        ("a: *missing\n", 1, 4),
        ("? [a]\n: b\n", 1, 3),
    ],
)
def test_syntax_faults_are_located(text: str, line: int, column: int) -> None:
    with pytest.raises(LoadProblem) as caught:
        load(text)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_second_document_is_reported() -> None:
    root, problems = load("a: 1\n---\nb: 2\n")
    assert root == {"a": "1"}
    assert [(p.line, p.column) for p in problems] == [(2, 1)]


def test_alias_bomb_is_rejected_fast() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for index in range(1, 10):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    with pytest.raises(LoadProblem) as caught:
        load("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "alias" in caught.value.message


def test_deep_nesting_is_rejected() -> None:
    with pytest.raises(LoadProblem) as caught:
        load("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert "nesting" in caught.value.message


def test_empty_text_is_none() -> None:
    assert load("") == (None, [])


def test_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: two\r\n")
    root, _problems = compose(read_text(path), SOURCE)
    assert root == {"a": "1", "b": "two"}
    assert root.value_span("b").line == 2


def test_non_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(LoadProblem) as caught:
        read_text(path)
    assert (caught.value.line, caught.value.column) == (2, 7)
    assert "UTF-8" in caught.value.message


def test_binary_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(LoadProblem) as caught:
        read_text(path)
    assert "binary" in caught.value.message
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_lines_are_counted_as_yaml_counts_them(in_tmp: Path) -> None:
    """\\x1e, \\v and \\f are not line breaks in YAML (str.splitlines() says they are), so the code
    frame under a finding shows the line the finding names (found by the property tests)."""
    from orglint.load.source import text_lines
    from tests.conftest import STRUCTURE_HEAD, run, write

    assert text_lines("a\x1eb\x0bc\nd\r\ne\rf\n") == ["a\x1eb\x0bc", "d", "e", "f"]
    write(
        in_tmp,
        "structure.yaml",
        STRUCTURE_HEAD
        + '  - {id: CE, title: "Chief\x1eExecutive", tier: 1}\n  - {id: D1, title: Director, reports_to: GHOST, tier: 2}\n',
    )
    _, out, _ = run("check", "structure.yaml")
    assert "structure.yaml:4:27: X001" in out
    assert ' 4 │   - {id: CE, title: "Chief\\x1eExecutive", tier: 1}' in out  # shown escaped, never raw


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("posts:\n\t- id: A\n", 2, 1),  # a tab before the item
        ("posts:\n  - id: A\n\t  title: B\n", 3, 1),  # among the spaces of an indentation
        ("posts:\n  - id: A\n  \ttitle: B\n", 3, 3),
        ("posts:\n  -\tid: A\n    title: B\n", 2, 4),  # after the dash
    ],
)
def test_a_tab_in_the_indentation_is_named(text: str, line: int, column: int) -> None:
    with pytest.raises(LoadProblem) as caught:
        load(text)
    assert caught.value.message == "a tab: YAML indents with spaces, not tabs"
    assert (caught.value.line, caught.value.column) == (line, column)


def test_a_tab_is_shown_in_the_code_frame(in_tmp: Path) -> None:
    """A tab shown as a space would leave the caret under what looks like a blank: it is drawn as
    an arrow, one column wide, so the caret stays under it."""
    from tests.conftest import run, write

    write(in_tmp, "structure.yaml", "orglint: 1\nposts:\n\t- {id: A,\ttitle: B}\n")
    _, out, _ = run("check", "structure.yaml", "--isolated")
    assert "structure.yaml:3:1: X001 [invalid-yaml] a tab: YAML indents with spaces, not tabs\n" in out
    assert " 3 │ →- {id: A,→title: B}\n   │ ^\n" in out
