"""The reporting-line graph and the facts rules share."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orglint.graph import OrgGraph
from orglint.load.discover import discover
from orglint.load.source import SourceFile
from orglint.load.yaml_source import YamlMap
from orglint.model.schema import Post
from orglint.model.structure import Structure, assemble

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


def test_the_networkx_graph_is_frozen_and_shares_one_attribute_dict(tmp_path: Path) -> None:
    graph = graph_of(
        tmp_path, "  - {id: CE, title: CE}\n  - {id: A, title: A, reports_to: CE}\n  - {id: B, title: B, reports_to: A}\n"
    ).graph
    assert graph.nodes["CE"] is graph.nodes["B"] and graph.edges["CE", "A"] is graph.edges["A", "B"]
    assert graph.nodes["CE"] == {} and graph.edges["CE", "A"] == {}
    for write_to in (lambda: graph.nodes["CE"].__setitem__("colour", "red"), lambda: graph.edges["CE", "A"].update(weight=2)):
        with pytest.raises(TypeError, match="no node or edge attributes"):
            write_to()
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        graph.add_edge("B", "C")
    assert graph.nodes["A"] == {} and "C" not in graph
    # networkx's algorithms and copies work on it as on any DiGraph
    assert list(nx.topological_sort(graph.copy())) == ["CE", "A", "B"]
    assert nx.shortest_path(graph, "CE", "B") == ["CE", "A", "B"]


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


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 12)), min_size=1, max_size=14))
def test_loops_are_those_of_the_whole_graph_though_only_unreached_posts_are_searched(managers: list[int | None]) -> None:
    """Each post i reports to post managers[i] (or to no one, or to an id no post has, or to an
    id two posts share): ``cycles`` must equal the strongly connected components of the whole
    graph that are loops, found the slow way."""
    ids = [f"P{index % 11}" for index in range(len(managers))]  # ids past 10 repeat: duplicates
    structure = Structure(SourceFile(Path("s.yaml")), YamlMap(SourceFile(Path("s.yaml"))), [])
    structure.posts = [
        Post(id=post_id, title="T", reports_to=None if manager is None else f"P{manager}")
        for post_id, manager in zip(ids, managers, strict=True)
    ]
    graph = OrgGraph(structure)
    order = list(graph.posts)
    expected = []
    for component in nx.strongly_connected_components(graph.graph):
        if len(component) > 1 or graph.graph.has_edge(*component, *component):
            start = min(component, key=order.index)
            loop = [start]
            while (manager := graph.posts[loop[-1]].reports_to) != start:
                assert manager is not None
                loop.append(manager)
            expected.append(loop)
    expected.sort(key=lambda loop: order.index(loop[0]))
    assert graph.cycles == expected
