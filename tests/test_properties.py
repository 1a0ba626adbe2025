"""Property tests (hypothesis): random valid structures and random mutations of them. orglint
never raises, every finding's line and column exist in its file, the output is deterministic,
and a structure split across two files gives the findings it gives in one."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orglint.diagnostics import location_free
from orglint.engine import LintOptions, lint
from orglint.load.source import text_lines
from orglint.output.check.json_format import render

pytestmark = pytest.mark.slow  # property-based

IDS = ["CE", "D1", "D2", "007", "no", "on", "1e3", "null-ish", "A-1", "Z"]
TITLES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)
DESIGNATIONS = ["head-of-paid-service", "chief-finance-officer", "monitoring-officer", "scrutiny-officer"]
SETTINGS = settings(
    max_examples=int(os.environ.get("ORGLINT_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@st.composite
def posts(draw: st.DrawFn) -> list[dict[str, object]]:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=len(IDS), unique=True))
    drawn = []
    for index, post_id in enumerate(ids):
        post: dict[str, object] = {"id": post_id, "title": draw(TITLES)}
        if index:
            post["reports_to"] = draw(
                st.sampled_from([*ids[:index], "GHOST"]) if draw(st.booleans()) else st.sampled_from(ids[:index])
            )
        if draw(st.booleans()):
            post["tier"] = draw(st.integers(min_value=1, max_value=6))
        if draw(st.booleans()):
            low = draw(st.integers(min_value=0, max_value=90_000))
            post["salary"] = {"min": low, "max": low + draw(st.integers(min_value=0, max_value=20_000))}
        if draw(st.booleans()):
            post["designations"] = draw(st.lists(st.sampled_from(DESIGNATIONS), max_size=2, unique=True))
        if draw(st.booleans()):
            post["fte"] = draw(st.sampled_from([0.5, 1, 0.25]))
        drawn.append(post)
    return drawn


def scalar(value: object) -> str:
    # ids written plain (the loader keeps them as text), everything else as JSON (valid YAML flow)
    if isinstance(value, str) and value in [*IDS, "GHOST"]:
        return value
    return json.dumps(value, ensure_ascii=False)


def post_lines(post: dict[str, object]) -> str:
    lines = []
    for index, (key, value) in enumerate(post.items()):
        lines.append(f"{'  - ' if index == 0 else '    '}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


HEAD = "orglint: 1\norganisation: {name: Property Council, type: county, ruleset: uk-local-government}\n"


def one_file(drawn: list[dict[str, object]]) -> str:
    return HEAD + "posts:\n" + "".join(post_lines(post) for post in drawn)


def findings_json(path: Path) -> str:
    import io

    stream = io.StringIO()
    render(lint([path], LintOptions(isolated=True)), stream)
    return stream.getvalue()


def assert_located(document: dict[str, Any], folder: Path) -> None:
    for diagnostic in document["diagnostics"]:
        path = folder / Path(diagnostic["file"]).name if not Path(diagnostic["file"]).is_absolute() else Path(diagnostic["file"])
        lines = text_lines(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else []
        line, column = diagnostic["line"], diagnostic["column"]
        assert line >= 1 and column >= 1, diagnostic
        if lines:  # a line the file has, at most one column past its end
            assert line <= len(lines), diagnostic
            assert column <= len(lines[line - 1]) + 1, (diagnostic, lines[line - 1])
        else:
            assert (line, column) == (1, 1), diagnostic


@SETTINGS
@given(drawn=posts())
def test_valid_structures_lint_deterministically_at_real_positions(
    drawn: list[dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("valid")
    path = folder / "structure.yaml"
    path.write_text(one_file(drawn), encoding="utf-8")
    first = findings_json(path)
    assert first == findings_json(path)
    assert_located(json.loads(first), folder)


MUTATIONS = st.sampled_from(["delete-line", "duplicate-line", "insert", "truncate", "indent", "tab"])


def mutate(text: str, mutation: str, where: float, junk: str) -> str:
    """One of MUTATIONS applied at the line ``where`` (0-1) of the way down the text."""
    lines = text.splitlines(keepends=True)
    index = min(len(lines) - 1, int(where * len(lines)))
    if mutation == "delete-line":
        del lines[index]
    elif mutation == "duplicate-line":
        lines.insert(index, lines[index])
    elif mutation == "insert":
        position = int(where * len(lines[index]))
        lines[index] = lines[index][:position] + junk + lines[index][position:]
    elif mutation == "truncate":
        lines = ["".join(lines)[: int(where * len(text))]]
    elif mutation == "indent":
        lines[index] = "   " + lines[index]
    else:
        lines[index] = lines[index].replace("  ", "\t", 1)
    return "".join(lines)


@SETTINGS
@given(drawn=posts(), mutation=MUTATIONS, where=st.floats(min_value=0, max_value=1), junk=st.text(max_size=6))
def test_mutated_structures_never_crash_and_stay_located(
    drawn: list[dict[str, object]], mutation: str, where: float, junk: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("mutated")
    path = folder / "structure.yaml"
    path.write_text(mutate(one_file(drawn), mutation, where, junk), encoding="utf-8")
    before = path.read_bytes()
    first = findings_json(path)  # must not raise
    assert first == findings_json(path)
    assert_located(json.loads(first), folder)
    assert path.read_bytes() == before


def comparable(document: dict[str, Any]) -> list[tuple[str, object, str]]:
    """Findings without where they are: the rule, the post and the message sans file names and lines."""
    return sorted(
        (d["code"], d["post"], re.sub(r"\S+\.yaml", "FILE", location_free(d["message"]))) for d in document["diagnostics"]
    )


@SETTINGS
@given(drawn=posts(), split=st.floats(min_value=0, max_value=1))
def test_a_structure_split_across_files_gives_the_same_findings(
    drawn: list[dict[str, object]], split: float, tmp_path_factory: pytest.TempPathFactory
) -> None:
    whole = tmp_path_factory.mktemp("whole")
    (whole / "structure.yaml").write_text(one_file(drawn), encoding="utf-8")
    cut = int(split * len(drawn))
    parts = tmp_path_factory.mktemp("parts")
    (parts / "structure.yaml").write_text(
        HEAD
        + "include: [more.yaml]\n"
        + ("posts:\n" + "".join(post_lines(post) for post in drawn[:cut]) if cut else "posts: []\n"),
        encoding="utf-8",
    )
    rest = drawn[cut:]
    (parts / "more.yaml").write_text(
        "orglint: 1\n" + ("posts:\n" + "".join(map(post_lines, rest)) if rest else ""), encoding="utf-8"
    )
    assert comparable(json.loads(findings_json(whole / "structure.yaml"))) == comparable(
        json.loads(findings_json(parts / "structure.yaml"))
    )
