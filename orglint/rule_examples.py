"""A rule's docstring examples, read as the tests they are (``orglint.testing.RuleTester``).

In a docstring's Example section, a fenced ``yaml`` block after a paragraph starting "Failing"
is a structure that must produce the rule's finding on exactly the lines marked ``# <- CODE``
(see ``marked_lines``); one after "Passing" must produce no finding at all under its ruleset.
A block fenced as ``yaml ruleset NAME`` is a ruleset file the examples name
(``ruleset: ./NAME``).

Organogram rules give their examples as tables: a block fenced ``csv senior`` is the senior
staff table (``fails=B3,K4`` in the fence lists the cells the finding must be on, since a CSV
file has no comments to mark), and a ``csv junior`` block before it is its junior staff table
(with its own ``fails=``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orglint.docs import rule_text
from orglint.rules import Rule

_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass
class RuleExample:
    kind: str
    """"fail" or "pass"."""
    text: str
    expected_lines: list[int]
    files: dict[str, str] = field(default_factory=dict)
    """Further files the example needs (rulesets, a junior staff table), by name."""
    filename: str = "example.yaml"
    expected_cells: list[str] = field(default_factory=list)
    """For a table example: the cells (``K3``) the finding must be on."""


_MARKER = re.compile(r"#\s*<-\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)(?::.*)?$")


def marked_lines(text: str) -> dict[int, set[str]]:
    """Lines marked ``# <- CODE`` (or ``# <- CODE, CODE: why``) as expecting those findings."""
    marked: dict[int, set[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARKER.search(line)
        if match:
            marked[number] = {code.strip() for code in match["codes"].split(",")}
    return marked


SENIOR_EXAMPLE, JUNIOR_EXAMPLE = "example-senior.csv", "example-junior.csv"


def _failing_cells(info: list[str]) -> list[str]:
    return [cell for part in info[2:] if part.startswith("fails=") for cell in part[6:].split(",") if cell]


def examples(rule: type[Rule]) -> list[RuleExample]:
    text = rule_text(rule)
    found: list[RuleExample] = []
    files: dict[str, str] = {}
    junior: str | None = None
    junior_cells: list[str] = []
    junior_kind = ""
    previous_end = 0
    for match in _FENCE.finditer(text):
        info = match["info"].split()
        body = match["body"]
        between = text[previous_end : match.start()]
        previous_end = match.end()
        if len(info) == 3 and info[:2] in (["yaml", "ruleset"], ["yaml", "file"]):  # a file the example needs
            files[info[2]] = body
            continue
        leads = [line.strip() for line in between.splitlines() if line.strip().startswith(("Failing", "Passing"))]
        kind = ("fail" if leads[-1].startswith("Failing") else "pass") if leads else ""
        if info[:2] == ["csv", "junior"]:
            junior, junior_cells, junior_kind = body, _failing_cells(info), kind
            continue
        if not info or info[0] not in ("yaml", "csv"):
            continue
        kind = kind or (junior_kind if junior is not None else "")
        if not kind:
            continue
        if info[0] == "csv":
            example = RuleExample(kind, body, [], filename=SENIOR_EXAMPLE, expected_cells=_failing_cells(info))
            if junior is not None:
                example.files = {JUNIOR_EXAMPLE: junior}
                example.expected_cells += junior_cells
                junior, junior_cells = None, []
            found.append(example)
            continue
        expected = sorted(number for number, codes in marked_lines(body).items() if rule.code in codes)
        found.append(RuleExample(kind, body, expected))
    for example in found:
        example.files = {**files, **example.files}
    return found
