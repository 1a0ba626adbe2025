"""Issue 21 §1: every table of `report`, `diff` and `rules` fits the width it is given, down to 80
columns, piped (no terminal: the width orglint then uses is COLUMNS, or rich's 80) and on a
terminal (a rich Console that is one, of that width): no word is broken across lines, no line is
wider than the width, and names (rule families, departments, designations, rules, locations)
are shown whole on one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from orglint.diff.compare import compare
from orglint.engine import LintOptions, lint
from orglint.output import terminal
from orglint.output.diff import diff_sections
from orglint.output.document import Section, Table
from orglint.output.report import report_sections
from orglint.report.audit import build_report
from tests.conftest import raw, run

BROOKFIELD = "tests/data/councils/brookfield/structure.yaml"
CARLISLE = "sample_structures/carlisle-2009/proposed.yaml"
HOME_OFFICE = "tests/data/organograms/home_office-2012-09-30-senior.csv"
CROSS_DEPARTMENT = ("tests/data/cross_department/structure.yaml", "tests/data/cross_department/restructured.yaml")
DIFFS = [
    ("sample_structures/leicestershire/structure.yaml", "sample_structures/leicestershire/proposed.yaml"),
    ("sample_structures/carlisle-2009/structure.yaml", "sample_structures/carlisle-2009/proposed.yaml"),
    CROSS_DEPARTMENT,
]
WIDTHS = (80, 120)
WIDE = 1000
"""A width at which nothing wraps: the words every narrower rendering must show whole."""

RULES = ("monitoring-officer-is-head-of-paid-service", "include-outside-repository")
"""The longest rule names: each on one line at 80 columns."""


def _words(text: str) -> set[str]:
    """The words of a rendering, without the rules and bars tables draw (their length is the width's)."""
    return {word for word in text.split() if not set(word) <= set("─━█")}


def _assert_fits(narrow: str, wide: str, width: int, names: list[str]) -> None:
    too_wide = [line for line in narrow.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    broken = _words(wide) - _words(narrow)  # a word cut across lines (or cropped) is missing whole
    assert not broken, sorted(broken)[:20]
    lines = narrow.splitlines()
    split_names = [name for name in names if not any(name in line for line in lines)]
    assert not split_names, split_names[:10]
    # no column is a letter a line: no run of three lines each holding only one-letter words
    lone = [index for index, line in enumerate(lines) if line.split() and all(len(t) == 1 and t.isalpha() for t in line.split())]
    assert not any(index + 1 in lone and index + 2 in lone for index in lone)


def _names(sections: list[Section], width: int) -> list[str]:
    """The cells of every never-wrapped column (names, locations) that can fit on a line of this
    width beside the widest label of a stacked table, and every header of those columns."""
    names = []
    for section in sections:
        for block in section.blocks:
            if isinstance(block, Table):
                for index in block.whole:
                    names.append(block.columns[index])
                    names += [row[index].text for row in block.rows if cell_len(row[index].text) <= width - 25]
    return [name for name in names if name]


def _terminal(sections: list[Section], width: int) -> str:
    console = Console(force_terminal=True, width=width, record=True, file=io.StringIO(), highlight=False, emoji=False)
    terminal.render(sections, console)
    return console.export_text()


def _report_sections(path: str) -> list[Section]:
    return report_sections(build_report(lint([Path(path)], LintOptions())))


def _diff_sections(old: str, new: str) -> list[Section]:
    return diff_sections(compare(old, lint([Path(old)], LintOptions()), new, lint([Path(new)], LintOptions())))


def _piped(monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    _, out, _ = run(*args)
    return out


@pytest.mark.parametrize("path", [BROOKFIELD, CARLISLE, HOME_OFFICE])
@pytest.mark.parametrize("width", WIDTHS)
def test_report_fits_piped_and_on_a_terminal(at_repo: Path, monkeypatch: pytest.MonkeyPatch, path: str, width: int) -> None:
    sections = _report_sections(path)
    names = _names(sections, width)
    assert "Commissioning and providing" in names or path != BROOKFIELD  # the family that was one letter a line
    wide = _terminal(sections, WIDE)
    _assert_fits(_terminal(sections, width), wide, width, names)
    _assert_fits(_piped(monkeypatch, width, "report", path, "--exit-zero"), wide, width, names)


def test_a_title_too_long_for_the_rule_is_shown_whole(at_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The title of a table that names no organisation is its file's name: too long to sit in the
    rule at 80 columns, it went "…structure aud… ─"; now the rule, then the title whole."""
    monkeypatch.chdir(at_repo / "tests" / "data" / "organograms")
    name = "department_for_culture_media_and_sport-2011-03-31-senior.csv"
    sections = _report_sections(name)
    narrow = _terminal(sections, 80)
    assert narrow.splitlines()[1] == f"{name}: structure audit"
    _assert_fits(narrow, _terminal(sections, WIDE), 80, _names(sections, 80))


@pytest.mark.parametrize(("old", "new"), DIFFS)
@pytest.mark.parametrize("width", WIDTHS)
def test_diff_fits_piped_and_on_a_terminal(
    at_repo: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, width: int
) -> None:
    sections = _diff_sections(old, new)
    names = _names(sections, width)
    # a department of the cost table (Leicestershire gives no pay: its diff has no cost tables)
    assert "Place and Communities" in names or (old, new) != CROSS_DEPARTMENT
    wide = _terminal(sections, WIDE)
    _assert_fits(_terminal(sections, width), wide, width, names)
    _assert_fits(_piped(monkeypatch, width, "diff", old, new, "--exit-zero"), wide, width, names)


def test_a_rule_s_documentation_piped_has_no_line_padded_with_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Headings and wrapped prose end where their words do: a line copied or grepped is clean."""
    shown = _piped(monkeypatch, 80, "rule", "T102")
    assert "## What it does" not in shown and "What it does" in shown
    assert [line for line in shown.splitlines() if line != line.rstrip()] == []
    assert max(map(cell_len, shown.splitlines())) > 80  # the examples, written line for line, unwrapped


@pytest.mark.parametrize("width", WIDTHS)
def test_rules_table_fits_piped(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    wide = _piped(monkeypatch, WIDE, "rules", "--ruleset", "uk-local-government")
    narrow = _piped(monkeypatch, width, "rules", "--ruleset", "uk-local-government")
    _assert_fits(narrow, wide, width, [*RULES, "code", "name", "enabled", "severity", "summary"])
    if width == 80:  # stacked: a rule's short cells share lines, its summary has one of its own
        lines = narrow.splitlines()
        assert any(line.startswith("name ") and "enabled" in line for line in lines)
        assert lines.count("") < len(lines) / 4  # five lines a rule, or a few more where a summary wraps, not seven


def _drawn(table: Table, width: int, on_a_terminal: bool = False) -> str:
    """The table drawn at ``width``: piped (rich draws the head, the rows are written as it lays
    them out), or on a terminal (rich draws it all, in colour)."""
    console = Console(width=width, file=io.StringIO(), record=True, force_terminal=on_a_terminal)
    terminal.print_table(table, console)
    return console.export_text() if on_a_terminal else console.file.getvalue()  # type: ignore[attr-defined]


def test_a_table_that_fits_is_side_by_side_and_one_that_cannot_is_stacked() -> None:
    table = Table(["Department", "Posts", "Without pay data"], numeric=frozenset({1, 2}), whole=frozenset({0}))
    table.add("Children and Family Services", "1,234", "5")
    side_by_side = _drawn(table, 80)
    assert "Department" in side_by_side.splitlines()[0] and "Children and Family Services   1,234" in side_by_side
    stacked = _drawn(table, 46)  # 28 + 5 + 7 and the gaps (8): more than 46
    assert stacked == _drawn(table, 46, on_a_terminal=True)
    lines = [line.rstrip() for line in stacked.splitlines() if line.strip()]
    assert lines[0] == "Department  Children and Family Services"  # the row's heading, on a line of its own
    assert lines[1:] == ["Posts  1,234  Without pay data  5"]  # the other pairs, as many a line as fit


def test_columns_share_the_width_without_going_under_their_longest_word() -> None:
    """rich alone would narrow the widest column (here the name, which may not wrap) and leave the
    table wider than the width, cropping the last column's header."""
    table = Table(["Department", "Minimum", "Without pay data"], numeric=frozenset({1, 2}), whole=frozenset({0}))
    table.add("Organisational Development", "£52,500", "0")
    drawn = _drawn(table, 50)
    assert drawn == _drawn(table, 50, on_a_terminal=True)
    assert all(cell_len(line) <= 50 for line in drawn.splitlines())
    assert "Organisational Development" in drawn and "Without" in drawn and "data" in drawn


def test_prose_stacks_rather_than_becoming_a_word_a_line() -> None:
    table = Table(["Location", "Finding"], whole=frozenset({0}))
    table.add("structure.yaml:" + "9" * 60, "a sentence long enough to need more than twenty columns")
    stacked = _drawn(table, 80)
    assert "Finding   a sentence long enough to need more than twenty columns" in stacked


@pytest.mark.parametrize("width", [30, 50, 80])
def test_rows_written_without_rich_are_the_lines_rich_draws(width: int) -> None:
    """Piped, the rows are written as rich lays them out: the same text as rich draws on a terminal
    (wrapped between words, a word longer than the column folded, figures aligned right, wide
    characters measured as two cells)."""
    table = Table(["Location", "Post", "Finding", "FTE"], numeric=frozenset({3}), whole=frozenset({0}))
    table.add(
        "structure.yaml:12:5",
        "CE",
        "the chief executive's post is held by nobody at all, vacant since May; strategic-commissioning and provider-side posts",
        "1",
    )
    table.add("structure.yaml:40:9", "AD-RES", "a_word_far_too_long_to_fit_in_any_column_of_this_table_at_all", "0.5")
    table.add("structure.yaml:41:9", "総務部長", "役職 が 二つ の 部 に 属して います, twice over and once more", "12.25")
    table.add("structure.yaml:42:9", "", "", "")
    assert _drawn(table, width) == _drawn(table, width, on_a_terminal=True)


def _blocks_between(text: str, start: str, end: str) -> list[list[str]]:
    """The rows of the stacked table captioned ``start`` (before the caption ``end``): each a list of
    its lines, right-stripped."""
    lines = [line.rstrip() for line in text.splitlines()]
    body = "\n".join(lines[lines.index(start) + 1 : lines.index(end)]).strip("\n")
    return [row.split("\n") for row in body.split("\n\n")]


def test_a_stacked_row_starts_with_its_heading(at_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The diff's cost table by department at 80 columns (its first column has no name) drew each
    department's name after an empty label, in the second column, and the wrapped After first on the
    next line, as if it headed a row. Each row now starts with its heading, alone on its line."""
    departments = [department["name"] for department in raw(Path(CROSS_DEPARTMENT[1]))["departments"]]
    sections = _diff_sections(*CROSS_DEPARTMENT)
    on_a_terminal = _terminal(sections, 80)
    piped = _piped(monkeypatch, 80, "diff", *CROSS_DEPARTMENT, "--exit-zero")
    rows = _blocks_between(piped, "By department", "By tier")
    assert rows == _blocks_between(on_a_terminal, "By department", "By tier")
    assert [row[0] for row in rows] == [*departments, "(no department)", "Total"]
    for row in rows:  # then the figures, each after its label; no line starts with a cell or with After
        assert [line.split("  ")[0] for line in row[1:]] == ["Before", "Change (min / max)"]
        assert " After  £" in row[1]
    # a narrow table's caption is not wrapped to the table's width ("Moved (a new manager)" / "(2)")
    assert "Moved (a new manager) (2)" in piped.splitlines() and "Moved (a new manager) (2)" in on_a_terminal.splitlines()


def test_a_stacked_row_with_a_long_heading_keeps_its_short_cells_on_one_line() -> None:
    """An organogram's FTE changes, whose posts (junior groups: reporting post › grade › title ›
    group) are too long to draw side by side, took four lines a row: the heading, then Before and
    After on a line each. Now three: a blank, the heading, Before and After together."""
    post = "1PO01 › SEO › Assistant Private Secretary › Policy and Strategy"  # 64 wide: with 2 columns, over 80
    table = Table(["Post", "Before", "After"], caption="FTE changed (2)", whole=frozenset({0}))
    table.add(post, "2", "3")
    table.add("1FC06", "0.5", "1")
    drawn = _drawn(table, 80)
    assert drawn == _drawn(table, 80, on_a_terminal=True)
    assert [line.rstrip() for line in drawn.splitlines()] == [
        "FTE changed (2)",
        "",
        f"Post    {post}",
        "Before  2    After  3",
        "",
        "Post    1FC06",
        "Before  0.5  After  1",
    ]


def test_a_bullet_too_long_for_the_line_wraps_under_its_own_text_without_trailing_spaces() -> None:
    """A job share's holders broke onto a line of their own at the left margin."""
    import io

    from rich.console import Console

    from orglint.output import terminal
    from orglint.output.document import Bullets, Section

    item = "AD-APS (Assistant Director, Provider Services): 2 holders (job share): Anna Kowalska, Ben Marsh; 1 FTE"
    stream = io.StringIO()
    terminal.render([Section("Job shares (1)", [Bullets([item])])], Console(file=stream, width=60, color_system=None))
    lines = stream.getvalue().splitlines()[2:]
    assert lines[0].startswith("  • AD-APS") and all(line.startswith("    ") for line in lines[1:])
    assert " ".join(line[4:] for line in lines) == item
    assert all(len(line) <= 60 and line == line.rstrip() for line in lines)
