"""The reporting-line graph and the facts rules share."""

from __future__ import annotations

from pathlib import Path

from orglint.graph import OrgGraph
from orglint.load.discover import discover
from orglint.model.structure import assemble

from .conftest import STRUCTURE_HEAD, write


def graph_of(folder: Path, posts: str) -> OrgGraph:
    path = write(folder, "s.yaml", STRUCTURE_HEAD + posts)
    (sources,) = discover([path]).structures
    structure, _ = assemble(sources)
    return OrgGraph(structure)


def test_depth_tops_and_direct_reports(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "  - {id: CE, title: CE}\n  - {id: A, title: A, reports_to: CE}\n  - {id: B, title: B, reports_to: CE}\n"
        "  - {id: C, title: C, reports_to: A}\n",
    )
    assert [post.id for post in graph.top_posts] == ["CE"]
    assert graph.depth == {"CE": 0, "A": 1, "B": 1, "C": 2}
    assert graph.direct_reports("CE") == ["A", "B"]
    assert graph.span_of_control("A") == 1
    assert graph.chain("C") == ["CE", "A", "C"]


def test_loops_are_found_once_each_in_reporting_order(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "  - {id: CE, title: CE}\n"
        "  - {id: S, title: S, reports_to: S}\n"  # a self-report
        "  - {id: X, title: X, reports_to: Y}\n  - {id: Y, title: Y, reports_to: Z}\n  - {id: Z, title: Z, reports_to: X}\n"
        "  - {id: T, title: T, reports_to: X}\n",  # a tail hanging off a loop is not part of it
    )
    assert graph.cycles == [["S"], ["X", "Y", "Z"]]
    assert graph.in_cycle == {"S", "X", "Y", "Z"}
    assert "T" not in graph.depth and "X" not in graph.depth  # the top post reaches neither
    assert graph.chain("T") == ["Z", "Y", "X", "T"]  # stops where the loop closes


def test_unknown_managers_and_duplicates(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path,
        "  - {id: CE, title: CE}\n  - {id: A, title: A, reports_to: NOPE}\n  - {id: CE, title: Second CE, reports_to: A}\n",
    )
    assert [post.id for post in graph.unknown_managers] == ["A"]
    assert [(later.title, first.title) for later, first in graph.duplicates] == [("Second CE", "CE")]
    assert graph.posts["CE"].title == "CE"
