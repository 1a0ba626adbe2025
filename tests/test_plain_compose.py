"""The C walk of libyaml's events (orglint/load/_plain_compose.c) against the Python walk.

The C walk reads only documents with nothing to report or expand, and gives up on the rest; so
the contract is: wherever it answers, it builds exactly what the Python walk builds (same keys
in the same order, same values, same packed positions), and the Python walk found no fault.
Checked on every YAML file the repository has, on hand-picked edge cases, and on random
structures and mutations of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.generate import structure_yaml
from orglint.load import yaml_events, yaml_source
from orglint.load.source import LoadProblem, SourceFile, read_text
from orglint.load.yaml_source import ACCELERATED, MAX_DEPTH, YamlMap, YamlSeq, compose
from tests.test_properties import MUTATIONS, SETTINGS, mutate, one_file, posts

REPO = Path(__file__).resolve().parent.parent
SOURCE = SourceFile(Path("doc.yaml"), "doc.yaml")

pytestmark = pytest.mark.skipif(not ACCELERATED, reason="the C walk was not built")


def test_the_c_walk_is_built() -> None:
    """The test command installs libyaml's headers, so a missing module is a build that failed
    (setuptools only warns, the extension being optional), not a choice."""
    assert yaml_source._compose_plain is not None


def same(fast: Any, slow: Any) -> bool:
    if type(fast) is not type(slow):
        return False
    if isinstance(fast, YamlMap):
        return (
            list(fast) == list(slow)
            and fast.marks == slow.marks
            and fast.source is slow.source
            and all(same(fast[key], slow[key]) for key in fast)
        )
    if isinstance(fast, YamlSeq):
        return (
            len(fast) == len(slow)
            and fast.marks == slow.marks
            and fast.source is slow.source
            and all(same(a, b) for a, b in zip(fast, slow, strict=True))
        )
    return bool(fast == slow)


def c_walk(text: str | bytes) -> tuple[Any] | None:
    assert yaml_source._compose_plain is not None
    return yaml_source._compose_plain(text, SOURCE, YamlMap, YamlSeq, MAX_DEPTH)


def python_walk(text: str) -> tuple[Any, list[LoadProblem]] | LoadProblem:
    try:
        return yaml_events.compose_events(text, SOURCE)
    except LoadProblem as problem:
        return problem


def assert_agree(text: str) -> bool:
    """The C walk's answer equals the Python walk's, read from the text or from its UTF-8 bytes
    (as files are); returns whether the C walk answered."""
    fast = c_walk(text)
    slow = python_walk(text)
    try:
        from_bytes = c_walk(text.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate: no file holds one, and the text form declines it
        from_bytes = None
    assert (from_bytes is None) == (fast is None)
    if fast is None:
        return False
    assert from_bytes is not None and same(from_bytes[0], fast[0])
    assert not isinstance(slow, LoadProblem), f"the C walk read a document the Python walk refuses: {slow}"
    root, problems = slow
    assert problems == [], "the C walk read a document the Python walk finds faults in"
    assert same(fast[0], root)
    return True


def repository_yaml() -> list[Path]:
    folders = ("sample_structures", "tests", "rules")  # not bench/: its output is large and generated
    return sorted(
        path for folder in folders for pattern in ("*.yaml", "*.yml") for path in (REPO / folder).rglob(pattern) if path.is_file()
    )


def test_every_yaml_file_in_the_repository_reads_the_same() -> None:
    answered = 0
    for path in repository_yaml():
        try:
            text = read_text(path)
        except LoadProblem:
            continue  # undecodable corpus files never reach either walk
        answered += assert_agree(text)
    assert answered >= 50  # most files are plain: the fast path is the usual one


def test_a_generated_benchmark_structure_reads_the_same() -> None:
    assert assert_agree(structure_yaml(300))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "---\n",
        "--- x\n",
        "just text\n",
        "a: null\nb: ~\nc:\nd: Null\ne: NULL\nf: 'null'\ng: \"~\"\nh: nulls\n",
        "a: 007\nb: no\nc: 1e3\nd: on\ne: 1.50\n",
        "a: {b: [1, 2, {c: d}], e: []}\nf: {}\n",
        "- - - deep\n- []\n-\n- ''\n",
        "a: |\n  literal\n  text\nb: >\n  folded\n  text\nc: 'single ''quoted'''\nd: \"double \\t \\u00e9\"\n",
        "title: Directeur général — 總監 🙂\nx: y\n",
        "a: 1\r\nb:\r\n  - 2\r\n",
        "a: 1\rb: 2\r",
        "\ufeffa: 1\n",
        "a: 1\n...\n",
        "? complex\n: value\n",
        "key with spaces: v\n'quoted key': w\n",
    ],
)
def test_edge_cases_read_the_same(text: str) -> None:
    assert assert_agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: !custom 1\n",  # tag outside the core schema
        "a: !!python/object:os.system x\n",
        "a: 1\n---\nb: 2\n",  # a second document
        "{[a]: 1}\n",  # a key that is not text
        "? {a: 1}\n: 2\n",
        "a: *nowhere\n",
        "a: [1, 2\n",  # parse faults
        "a: 'unterminated\n",
        "a:\tb\n\t- c\n",
        "a: \x07\n",  # a character YAML forbids
        "[" * (MAX_DEPTH + 1),
        "- " * (MAX_DEPTH + 1) + "x\n",
    ],
)
def test_documents_with_faults_take_the_python_walk_which_reports_them(text: str) -> None:
    assert c_walk(text) is None
    outcome = python_walk(text)
    assert isinstance(outcome, LoadProblem) or outcome[1]


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {x: 1}\nother: *b\n",  # anchor and alias
        "a: &x 1\n",
        "a: {<<: {x: 1}, y: 2}\n",  # merge key
        "a: !!str 1\n",  # core tags are allowed, and decide what a scalar means
        "a: !!null x\n",
        "- !!map {a: 1}\n",
    ],
)
def test_documents_to_expand_or_resolve_take_the_python_walk(text: str) -> None:
    assert c_walk(text) is None
    outcome = python_walk(text)
    assert not isinstance(outcome, LoadProblem) and outcome[1] == []


def test_compose_takes_the_c_walk_for_plain_documents_and_both_give_one_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "orglint: 1\nposts:\n  - id: CE\n    title: Chief Executive\n"
    fast = compose(text, SOURCE)
    monkeypatch.setattr(yaml_source, "_compose_plain", None)
    slow = compose(text, SOURCE)
    assert same(fast[0], slow[0]) and fast[1] == slow[1] == []
    assert fast[0]["posts"][0].value_span("title").column == 12


@SETTINGS
@given(
    drawn=posts(), mutation=st.one_of(st.none(), MUTATIONS), where=st.floats(min_value=0, max_value=1), junk=st.text(max_size=6)
)
def test_random_structures_and_mutations_read_the_same(
    drawn: list[dict[str, object]], mutation: str | None, where: float, junk: str
) -> None:
    text = one_file(drawn)
    if mutation is not None:
        text = mutate(text, mutation, where, junk)
    answered = assert_agree(text)
    if mutation is None:
        assert answered  # a valid generated structure is plain: the C walk must read it


YAML_ISH = st.text(alphabet=st.sampled_from(list("ab:-  \n\n{}[],'\"#&*!|>?\t~<.0é")), max_size=60)


@SETTINGS
@given(text=YAML_ISH)
def test_random_yaml_ish_text_reads_the_same(text: str) -> None:
    assert_agree(text)
