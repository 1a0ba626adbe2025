"""Rule documentation: a rule's docstring is its documentation, and its examples are tests.

In a docstring's Example section, a fenced ``yaml`` block after a paragraph starting "Failing"
is a structure that must produce the rule's finding on exactly the lines marked ``# <- CODE``
(see ``marked_lines``);
one after "Passing" must produce no finding at all under its ruleset. A block fenced as ``yaml ruleset NAME`` is a
ruleset file the examples name (``ruleset: ./NAME``).

Organogram rules give their examples as tables: a block fenced ``csv senior`` is the senior
staff table (``fails=B3,K4`` in the fence lists the cells the finding must be on, since a CSV
file has no comments to mark), and a ``csv junior`` block before it is its junior staff table
(with its own ``fails=``).

``python -m orglint.docs`` regenerates the pages made from the rules: docs/rules.md (the rule
catalogue) and the tables of docs/rule-basis.md; tests fail while either is stale.
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from orglint.rules import Rule
from orglint.ruleset import Ruleset

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


def rule_text(rule: type[Rule]) -> str:
    return inspect.cleandoc(rule.__doc__ or "")


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


def _header(rule: type[Rule]) -> str:
    return f"{rule.code} {rule.name} (default severity: {rule.severity.label})"


def render_rule_docs(rules: list[type[Rule]], output_format: str, stream: TextIO) -> None:
    if output_format == "json":
        documents = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.label,
                "summary": rule.summary(),
                "basis": rule.basis,
                "fix": rule.fix,
                "documentation": rule_text(rule),
            }
            for rule in rules
        ]
        json.dump(documents if len(documents) != 1 else documents[0], stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    from rich.markdown import Markdown
    from rich.text import Text

    from orglint.console import console

    view = console(file=stream)
    for index, rule in enumerate(rules):
        if index:
            view.rule()
        _, _, body = rule_text(rule).partition("\n\n")  # after the summary paragraph
        # Text, not markup: a rule's own words may hold brackets ("[spreadsheet]")
        view.print(Text(_header(rule), style="bold"))
        view.print(Text(rule.summary()))
        view.print(Text.assemble(("Basis: ", "dim"), rule.basis), end="\n\n")
        view.print(Markdown(body.strip()))


def render_rules_table(ruleset: Ruleset, output_format: str, stream: TextIO) -> None:
    from orglint.rules.registry import registered_rules

    rules = registered_rules()
    enabled = ruleset.enabled()
    rows = [
        {
            "code": code,
            "name": rule.name,
            "enabled": code in enabled,
            "severity": ruleset.severity(rule).label,
            "summary": rule.summary(),
        }
        for code, rule in rules.items()
    ]
    if output_format == "json":
        json.dump({"rulesets": ruleset.names, "rules": rows}, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    from rich.table import Table

    from orglint.console import console

    table = Table(title=f"Rules ({' + '.join(ruleset.names)})", title_justify="left", box=None, header_style="bold")
    for column in ("code", "name", "enabled", "severity", "summary"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["code"]), str(row["name"]), "yes" if row["enabled"] else "no", str(row["severity"]), str(row["summary"])
        )
    console(file=stream).print(table)


BASIS_DOC_START = "<!-- rule-basis: generated by `python -m orglint.docs`; edit the rules and rulesets, not this table -->"
BASIS_DOC_END = "<!-- /rule-basis -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rule_basis_markdown() -> str:
    """The generated part of docs/rule-basis.md: every rule's own basis, what each built-in
    ruleset cites instead (its `basis:` entries), and the grounds rules cite finding by finding."""
    from orglint.rules.registry import family_name, family_of
    from orglint.ruleset import builtin_rulesets, load_ruleset

    rules = builtin_rules()
    lines = ["## Every rule's own basis", "", "| Code | Rule | Family | Basis |", "|---|---|---|---|"]
    lines += [f"| {code} | {rule.name} | {family_name(family_of(code))} | {_cell(rule.basis)} |" for code, rule in rules.items()]
    lines += [
        "",
        "## What the built-in rulesets cite instead",
        "",
        "A ruleset's `basis:` for a rule replaces the rule's own on every finding under that ruleset.",
        "",
        "| Ruleset | Code | Rule | Basis |",
        "|---|---|---|---|",
    ]
    grounds: list[str] = []
    statutes: list[str] = []
    for name in builtin_rulesets():
        ruleset = load_ruleset([name], Path.cwd())
        parents = [load_ruleset([parent], Path.cwd()) for parent in ruleset.names[:-1]]
        for code, rule in rules.items():
            own = ruleset.own_basis(code)
            if own is not None and all(parent.own_basis(code) != own for parent in parents):
                lines.append(f"| {name} | {code} | {rule.name} | {_cell(own)} |")
        config = ruleset.rules.get("L110")
        inherited = [parent.rules["L110"].settings.get("grounds") for parent in parents if "L110" in parent.rules]
        if config is not None and config.settings.get("grounds") and config.settings["grounds"] not in inherited:
            for designation, text in config.settings["grounds"].items():
                grounds.append(f"| {name} | {designation} | {_cell(text)} |")
        if name == ruleset.names[0]:  # a root ruleset defines the designations and their statutes
            for designation, entry in ruleset.policy.designations.items():
                statutes.append(f"| {name} | {designation} | {_cell(entry.statute or '(none)')} |")
    lines += [
        "",
        "## Grounds cited finding by finding",
        "",
        "L110 (statutory-director-line) cites, on each finding, the grounds its ruleset gives that",
        "director (its `grounds` setting), and the rule's own basis for a director without any:",
        "",
        "| Ruleset | Designation | Basis |",
        "|---|---|---|",
        *grounds,
        "",
        "The statute the policy gives each designation (`policy.designations.<id>.statute`): L108",
        "(missing-upper-tier-director) cites it for the director it reports missing, and the audit",
        "report's statutory officers table shows it:",
        "",
        "| Ruleset | Designation | Statute |",
        "|---|---|---|",
        *statutes,
    ]
    return "\n".join(lines) + "\n"


def write_rule_basis_doc(path: Path) -> None:
    """Replace the generated part of the rule-basis document with the code's current table."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BASIS_DOC_START + "\n")
    _, _, tail = rest.partition(BASIS_DOC_END)
    path.write_text(f"{head}{BASIS_DOC_START}\n{rule_basis_markdown()}{BASIS_DOC_END}{tail}", encoding="utf-8")


CATALOGUE_NOTICE = "<!-- generated by `python -m orglint.docs` from the rules' docstrings: edit the rules, not this page -->"
_HEADING = re.compile(r"^(#+) ", re.MULTILINE)


def builtin_rules() -> dict[str, type[Rule]]:
    """The rules orglint ships, in catalogue order: the registry less any installed plugin's."""
    from orglint.rules.registry import registered_rules

    return {code: rule for code, rule in registered_rules().items() if rule.__module__.startswith("orglint.")}


def _demoted(markdown: str, levels: int) -> str:
    """A docstring's body with its headings ``levels`` deeper (``## Why`` under a rule's own
    heading), fenced examples left as written (their ``#`` lines are YAML comments)."""
    parts = re.split(r"(^```.*?^```$)", markdown, flags=re.MULTILINE | re.DOTALL)
    deeper = "#" * levels
    return "".join(part if part.startswith("```") else _HEADING.sub(lambda match: deeper + match[0], part) for part in parts)


def _settings_line(rule: type[Rule]) -> str:
    """The keys a ruleset's entry for the rule may set, with the defaults the rule has."""
    described = []
    for name, field_info in rule.Settings.model_fields.items():
        key = field_info.alias or name
        if field_info.is_required():
            described.append(f"`{key}`")
        else:
            described.append(f"`{key}` (default `{json.dumps(field_info.get_default(call_default_factory=True))}`)")
    if not described:
        return ""
    return f"**Settings** (keys of its entry in a ruleset, which gives those without a default): {', '.join(described)}"


def rule_anchor(rule: type[Rule]) -> str:
    """The anchor of a rule's heading in docs/rules.md (``d103-one-over-one``)."""
    return f"{rule.code.lower()}-{rule.name}"


def rule_catalogue_markdown() -> str:
    """docs/rules.md: every built-in rule's documentation, as ``orglint rule CODE`` prints it,
    under its family, with an index and the family letters' packages."""
    from orglint.rules.registry import family_name, family_of
    from orglint.ruleset import builtin_rulesets, load_ruleset

    rules = builtin_rules()
    # bases first: core, then the rulesets that extend it
    rulesets = sorted((load_ruleset([name], Path.cwd()) for name in builtin_rulesets()), key=lambda r: (len(r.names), r.names))
    families: dict[str, list[type[Rule]]] = {}
    for code, rule in rules.items():
        families.setdefault(family_of(code), []).append(rule)
    lines = [
        CATALOGUE_NOTICE,
        "",
        "# Rule catalogue",
        "",
        "Every built-in rule, from its docstring: the text `orglint rule CODE` prints, whose failing and",
        "passing examples the test suite runs. A rule is named by its code or its kebab-case name,",
        "wherever a rule is named (`--select`, `--ignore`, rulesets, suppressions). Each rule's severity is",
        "its default; a ruleset may change it, and gives the settings (see [rulesets](rulesets.md)). What",
        "each basis cites, and how the sources were checked: [rule-basis.md](rule-basis.md).",
        "",
        "## Families",
        "",
        "| Letter | Family | Package | Rules |",
        "|---|---|---|---|",
    ]
    for family, members in families.items():
        packages = sorted({"/".join(rule.__module__.split(".")[:-1]) + "/" for rule in members})
        codes = f"{members[0].code}-{members[-1].code}" if len(members) > 1 else members[0].code
        lines.append(f"| {family} | {family_name(family)} | {', '.join(f'`{p}`' for p in packages)} | {codes} |")
    lines += ["", "## Index", "", "| Code | Name | Severity | Summary |", "|---|---|---|---|"]
    lines += [
        f"| [{code}](#{rule_anchor(rule)}) | {rule.name} | {rule.severity.label} | {_cell(rule.summary())} |"
        for code, rule in rules.items()
    ]
    for family, members in families.items():
        lines += ["", f"## {family_name(family)}"]
        for rule in members:
            _, _, body = rule_text(rule).partition("\n\n")  # after the summary paragraph
            lines += ["", f"### {rule.code} {rule.name}", "", rule.summary(), ""]
            lines += [f"- **Default severity**: {rule.severity.label}", f"- **Basis**: {rule.basis}", f"- **Fix**: {rule.fix}"]
            settings = _settings_line(rule)
            if settings:
                lines.append(f"- {settings}")
            enabling = [
                f"`{ruleset.names[-1]}` ({ruleset.severity(rule).label})"
                for ruleset in rulesets
                if rule.code in ruleset.enabled()
            ]
            lines.append(
                f"- **Enabled in**: {', '.join(enabling) or 'no built-in ruleset (select it, or enable it in a ruleset)'}"
            )
            lines += ["", _demoted(body.strip(), 2)]
    return "\n".join(lines) + "\n"


DOCS = Path(__file__).resolve().parent.parent / "docs"
"""The repository's docs folder (this module runs from a checkout to regenerate it)."""


if __name__ == "__main__":
    write_rule_basis_doc(DOCS / "rule-basis.md")
    (DOCS / "rules.md").write_text(rule_catalogue_markdown(), encoding="utf-8")
