"""A hostile repository (docs/security.md): post ids, titles, holder names, departments, the
organisation's name and file names that carry terminal escapes, control characters, line breaks,
bidi controls, CI log commands and Markdown or HTML. Every output shows them as inert text: no raw
control character, no line that a CI runner reads as a command, JSON, SARIF and JUnit that parse,
and Markdown and HTML with no element the data made."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from orglint.safe_text import escape_encoded, safe_data, safe_inside_line, safe_line, safe_text
from tests.conftest import STRUCTURE_HEAD, run, write
from tests.test_ci_formats import SARIF_SCHEMA

# YAML double-quoted strings, as a pull request can write them: \e is ESC, \a BEL, \0 NUL.
STRUCTURE = """orglint: 1
organisation: {{name: "{organisation}", type: district, ruleset: core}}
departments:
  - {{id: "{department}", name: "{department_name}"}}
posts:
  - {{id: "{top}", title: "{top_title}", holder: "{holder}", tier: 1, department: "{department}", designations: [head-of-paid-service]}}
  - {{id: "{report}", title: "{report_title}", reports_to: "{top}", tier: 2, department: "{department}", grade: "{grade}"}}
"""
HOSTILE = {
    "organisation": r"Evil\e]0;pwned\a Council\n::error::organisation ##[error]legacy",
    "department": r"DEP\n::error::department",
    "department_name": r"Dept\e[2J\x9b31m",
    "top": r"- CE\n::error file=x::forged",
    "top_title": r"\u200f[x](javascript:alert(1)) ![](http://evil/i.png) <script>alert(1)</script> <img src=x onerror=alert(1)> *em* _em_ ~~s~~ `c` | cell &amp; \e[31m\u202eevil\u2066\n::error::title",
    "holder": r"Holder\x7f\0\u2028::error::holder",
    "report": r"X2\r\n::warning::id\e[2J ##[error]id",
    "report_title": r"Director\n::error::title",
    "grade": r"G\e[1m",
}
PLAIN = {
    "organisation": "Plain Council",
    "department": "DEP",
    "department_name": "Department",
    "top": "CE",
    "top_title": "Chief Executive",
    "holder": "Holder",
    "report": "X2",
    "report_title": "Director",
    "grade": "G1",
}
HOSTILE_FILE = "org\n::error file=x::forged\x1b[2J ##[error]file.yaml"
PLAIN_FILE = "org.yaml"

RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f\ud800-\udfff]")
"""What must never reach output raw (tab and the line's own newline aside)."""
STYLING = re.compile(r"\x1b\[[0-9;]*m")
"""rich's colours (SGR), when colour is forced: orglint's own escape sequences, not the data's."""
LOG_COMMAND = re.compile(r"##\w*\[")
"""GitHub's legacy `##[command]`, Azure's `##vso[`, TeamCity's `##teamcity[`: read anywhere in a line."""
ANNOTATION = re.compile(
    r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[A-Z]\d{3} [a-z-]+::[^\n]*"
)
"""A line of the github format: the only lines that may start with `::`."""


def hostile_structure(folder: Path, values: dict[str, str] = HOSTILE, name: str = HOSTILE_FILE) -> Path:
    return write(folder, name, STRUCTURE.format(**values))


def assert_inert(out: str, coloured: bool = False) -> None:
    """No raw control character, no line a CI runner reads as a command (GitHub's runner trims
    leading space before it looks for `::`), and the data still shown, escaped."""
    text = STYLING.sub("", out) if coloured else out
    assert not RAW_UNSAFE.search(text), RAW_UNSAFE.findall(text)
    assert not LOG_COMMAND.search(text)
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::") or ANNOTATION.fullmatch(line), line


@pytest.mark.parametrize(
    ("output_format", "coloured"),
    [("full", False), ("full", True), ("concise", False), ("github", False), ("junit", False), ("json", False), ("sarif", False)],
)
def test_every_check_format_shows_hostile_data_inert(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, output_format: str, coloured: bool
) -> None:
    hostile_structure(in_tmp)
    if coloured:
        monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: rich draws it
    _, out, err = run("check", ".", "--output-format", output_format)
    assert "Traceback" not in err
    assert_inert(out, coloured)
    if coloured:
        assert STYLING.search(out)
    if output_format == "junit":
        failures = ElementTree.fromstring(out).iter("failure")
        # the data as it is (the XML reader decodes the character references that kept it inert)
        assert any("X2\\r\\n::warning::id\\x1b[2J ##[error]id" in (failure.text or "") for failure in failures)
    elif output_format in ("json", "sarif"):
        document = json.loads(out)
        if output_format == "sarif":
            jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(document)
            messages = [result["message"]["text"] for result in document["runs"][0]["results"]]
        else:
            messages = [diagnostic["message"] for diagnostic in document["diagnostics"]]
            # the post id as data, its line break shown as its escape: `jq -r` writes no forged line
            assert {d["post"] for d in document["diagnostics"]} >= {"- CE\\n::error file=x::forged"}
        assert any("(X2\\r\\n::warning::id\\x1b[2J ##[error]id)" in message for message in messages)
    elif output_format == "github":
        assert out and all(ANNOTATION.fullmatch(line) for line in out.splitlines())
        assert "file=org\\n%3A%3Aerror file=x%3A%3Aforged\\x1b[2J #\\x23[error]file.yaml,line=6," in out
        assert "(X2\\r\\n::warning::id\\x1b[2J #\\x23[error]id)" in out
    else:
        assert "org\\n::error file=x::forged\\x1b[2J #\\x23[error]file.yaml:6:" in out
        assert "(X2\\r\\n::warning::id\\x1b[2J #\\x23[error]id)" in out


def test_statistics_show_hostile_file_names_inert(in_tmp: Path) -> None:
    unknown_manager = "  - {id: Z, title: Officer, reports_to: NOBODY, tier: 2}\n"  # an error: the file is listed
    write(in_tmp, HOSTILE_FILE, STRUCTURE.format(**HOSTILE) + unknown_manager)
    _, out, err = run("check", ".", "--statistics")
    assert "Traceback" not in err and "org\\n::error file=x::forged" in out
    assert_inert(out)


def test_the_code_frame_shows_escapes_and_keeps_the_carets_under_the_span(in_tmp: Path) -> None:
    """A bidi override and `##[` before the span (both valid raw in YAML) are shown escaped, five
    and three characters wider: the carets move with the text they point at. A `::` inside the
    user's line is shown as written: no CI runner reads it there."""
    write(in_tmp, "structure.yaml", STRUCTURE_HEAD + '  - {id: CE, title: "A\u202e##[B::C", tier: 1, department: NOPE}\n')
    _, out, _ = run("check", "structure.yaml", "--select", "S005")
    assert_inert(out)
    lines = out.split("\n")
    (row,) = (index for index, line in enumerate(lines) if line.startswith(" 4 │ "))
    shown, carets = lines[row][len(" 4 │ ") :], lines[row + 1][len(" 4 │ ") :]
    assert shown == '  - {id: CE, title: "A\\u202e#\\x23[B::C", tier: 1, department: NOPE}'
    assert carets == " " * shown.index("NOPE") + "^^^^"


@pytest.mark.parametrize("coloured", [False, True], ids=["piped", "terminal"])
def test_the_terminal_report_and_tree_show_hostile_data_inert(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, coloured: bool
) -> None:
    hostile_structure(in_tmp)
    if coloured:
        monkeypatch.setenv("FORCE_COLOR", "1")
    for command in ("report", "tree"):
        _, out, err = run(command, ".")
        assert "Traceback" not in err
        assert_inert(out, coloured)
        shown = STYLING.sub("", out)
        if command == "report":  # drawn 80 wide when piped: long cells fold
            assert "Evil\\x1b]0;pwned\\x07" in shown and "Dept\\x1b[2J\\x9b31m" in shown
        else:
            assert "Evil\\x1b]0;pwned\\x07 Council\\n:\\x3aerror:\\x3aorganisation #\\x23[error]legacy" in shown
            assert "<script>alert(1)</script> <img src=x onerror=alert(1)>" in shown and "\\x1b[31m\\u202eevil\\u2066\\n" in shown


def markdown_parser() -> MarkdownIt:
    """CommonMark with HTML on, and GitHub's tables and strikethrough."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def markdown_elements(markdown: str) -> list[tuple[str, str]]:
    """Every element the Markdown makes, in order: the text between them aside."""
    elements = []
    pending = markdown_parser().parse(markdown)
    while pending:
        token = pending.pop(0)
        if token.type not in ("text", "text_special", "inline"):
            elements.append((token.type, token.tag))
        pending[:0] = token.children or []
    return elements


def test_the_markdown_report_and_diff_have_no_element_the_data_made(in_tmp: Path) -> None:
    """The hostile report (and diff) renders to the very elements of the same report of plain data."""
    write(in_tmp / "plain", PLAIN_FILE, STRUCTURE.format(**PLAIN))
    hostile_structure(in_tmp / "hostile")
    write(in_tmp, "old.yaml", STRUCTURE.format(**{key: f"old {key}" for key in PLAIN}))  # every post differs
    reports = {side: run("report", side, "--format", "markdown")[1] for side in ("plain", "hostile")}
    diffs = {
        side: run("diff", "old.yaml", f"{side}/{name}", "--format", "markdown")[1]
        for side, name in (("plain", PLAIN_FILE), ("hostile", HOSTILE_FILE))
    }
    for plain, hostile in ((reports["plain"], reports["hostile"]), (diffs["plain"], diffs["hostile"])):
        assert_inert(hostile)
        assert markdown_elements(hostile) == markdown_elements(plain)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown_parser().render(hostile)
    assert "Holder\\x7f\\x00\\u2028:\\x3aerror:\\x3aholder" in markdown_parser().render(reports["hostile"])


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, [name for name, _ in attrs]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_report_has_no_element_the_data_made(in_tmp: Path) -> None:
    # ids as long as the hostile ones, so both may wrap (orglint's own class on a long id)
    long_ids = {"top": "CE-A-PLAIN-ID-AS-LONG-AS-ITS-TWIN", "report": "X2-A-PLAIN-ID-AS-LONG-AS-ITS-TWIN"}
    write(in_tmp / "plain", PLAIN_FILE, STRUCTURE.format(**{**PLAIN, **long_ids}))
    hostile_structure(in_tmp / "hostile")
    pages = {side: _Elements() for side in ("plain", "hostile")}
    for side, page in pages.items():
        _, html, _ = run("report", side, "--format", "html")
        if side == "hostile":
            assert_inert(html)
            assert "<script" not in html.lower() and "<img" not in html.lower()
        page.feed(html)
    assert pages["hostile"].elements == pages["plain"].elements
    shown = "".join(pages["hostile"].text)
    assert "<script>alert(1)</script>" in shown and "Evil\\x1b]0;pwned\\x07" in shown


@pytest.mark.parametrize("output_format", ["terminal", "json"])
def test_diff_shows_hostile_data_inert(in_tmp: Path, output_format: str) -> None:
    write(in_tmp, "old.yaml", STRUCTURE.format(**PLAIN))
    hostile_structure(in_tmp)
    _, out, err = run("diff", "old.yaml", HOSTILE_FILE, "--format", output_format)
    assert "Traceback" not in err
    assert_inert(out)
    if output_format == "json":
        # the data as it is, `::` and `##[` included (as check's JSON carries it): only what is
        # never safe raw (a control character, a line break) is shown as an escape
        added = {post["id"]: post for post in json.loads(out)["posts"]["added"]}
        assert added["X2\\r\\n::warning::id\\x1b[2J ##[error]id"]["title"] == "Director\\n::error::title"
        assert "\\x3a" not in out
    else:
        assert "X2\\r\\n:\\x3awarning:\\x3aid\\x1b[2J" in out


@pytest.mark.slow  # a process for each command
@pytest.mark.parametrize(
    "command",
    [
        *(
            ("check", ".", "--output-format", output_format)
            for output_format in ("full", "concise", "github", "json", "sarif", "junit")
        ),
        ("report", ".", "--format", "markdown"),
        ("report", ".", "--format", "html"),
        ("tree", "."),
    ],
    ids=lambda command: "-".join(part for part in command if part not in (".", "--format", "--output-format")),
)
def test_a_file_name_that_is_not_utf_8_is_shown_escaped(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Its undecodable byte arrives as a lone surrogate: written as it is, it would crash a UTF-8
    stream or corrupt the output. Run as a real process, whose streams are the ones CI sees."""
    with open(os.fsencode(tmp_path) + b"/org\xff\x1b.yaml", "w", encoding="utf-8") as file:
        file.write(STRUCTURE.format(**PLAIN))
    done = subprocess.run([sys.executable, "-m", "orglint", *command], capture_output=True, cwd=tmp_path)
    out = done.stdout.decode("utf-8")  # strictly: a raw 0xff byte fails here
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr
    assert_inert(out)
    if "sarif" in command:  # a location is a URI there
        assert "org%5Cudcff%5Cx1b.yaml" in out
    else:
        assert "org\\udcff\\x1b.yaml" in out.replace("\\\\", "\\")  # JSON and Markdown write a backslash as two
    if "json" in command or "sarif" in command:
        json.loads(out)
    elif "junit" in command:
        ElementTree.fromstring(out)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Head\n::error::x", "Head\\n:\\x3aerror:\\x3ax"),
        ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),
        ("a\x00\x7f\x9b\x85\r", "a\\x00\\x7f\\x9b\\x85\\r"),
        ("\u202eevil\u2066\u2028\u2029", "\\u202eevil\\u2066\\u2028\\u2029"),
        ("a\u200fb\u200ec\u061c", "a\\u200fb\\u200ec\\u061c"),  # the bidi marks too
        ("org\udcff.yaml", "org\\udcff.yaml"),
        ("x ##[error]y ##vso[task.logissue]", "x #\\x23[error]y #\\x23vso[task.logissue]"),
        ("::::", ":\\x3a\\x3a\\x3a"),
        (
            "Head of :100: Service\tGrade ## 9 (£40,000\u00a0a year) 👩\u200d💼",
            "Head of :100: Service\tGrade ## 9 (£40,000\u00a0a year) 👩\u200d💼",
        ),
    ],
)
def test_safe_text_escapes_what_could_act_and_leaves_the_rest(text: str, shown: str) -> None:
    assert safe_text(text) == shown
    assert safe_text(shown) == shown  # nothing it writes needs escaping again


@pytest.mark.parametrize(
    ("text", "data", "line", "inside"),
    [
        ("::error::x", "::error::x", ":\\x3aerror::x", "::error::x"),
        ("  \t::warning::y", "  \t::warning::y", "  \t:\\x3awarning::y", "  \t::warning::y"),
        ("a ##vso[x] \x1b", "a ##vso[x] \\x1b", "a #\\x23vso[x] \\x1b", "a #\\x23vso[x] \\x1b"),
        ("Head\n::x", "Head\\n::x", "Head\\n::x", "Head\\n::x"),
    ],
)
def test_the_data_keeps_its_colons_and_a_line_escapes_only_what_a_ci_runner_reads(
    text: str, data: str, line: str, inside: str
) -> None:
    """`::` is read by a CI runner only where it starts a line (after spaces); `##[` anywhere."""
    assert (safe_data(text), safe_line(text), safe_inside_line(text)) == (data, line, inside)
    assert safe_line(line) == line and safe_inside_line(inside) == inside


def test_json_and_xml_escape_what_is_unsafe_in_their_own_syntax_and_decode_to_the_data() -> None:
    data = "::error::x ##[e] \x9b\u202e\udcff"
    encoded = escape_encoded(json.dumps({"post": data}, ensure_ascii=False), lambda code: f"\\u{code:04x}")
    assert not RAW_UNSAFE.search(encoded) and not LOG_COMMAND.search(encoded)
    assert json.loads(encoded) == {"post": data}
    element = ElementTree.Element("failure")
    element.text = "a\n::error::x ##[e] \x9b"
    xml = escape_encoded(ElementTree.tostring(element, encoding="unicode"), lambda code: f"&#{code};", every_double_colon=True)
    assert "::" not in xml and not LOG_COMMAND.search(xml) and not RAW_UNSAFE.search(xml)
    assert ElementTree.fromstring(xml).text == element.text


@pytest.mark.parametrize("output_format", ["full", "concise"])
def test_a_file_name_that_starts_a_line_is_no_log_command(in_tmp: Path, output_format: str) -> None:
    write(in_tmp, "::error::f.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1, department: NOPE}\n")
    _, out, _ = run("check", ".", "--output-format", output_format)
    assert ":\\x3aerror::f.yaml:4:" in out
    assert_inert(out)


def test_error_lines_and_stale_baseline_entries_show_hostile_data_inert(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD.replace("ruleset: core", 'ruleset: "##[error]x\\e[2J"') + "  - {id: CE, title: CE}\n")
    exit_code, out, err = run("check", "s.yaml")
    assert exit_code == 2 and "unknown ruleset" in err
    assert_inert(out + err)
    write(in_tmp, "t.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    entry = {"file": "t.yaml", "code": "S002", "post": "X\n::error::post", "fingerprint": "0", "message": "m\x1b[2J\n::error::m"}
    write(in_tmp, "baseline.json", json.dumps({"orglint-baseline": 1, "findings": [entry]}))
    exit_code, out, err = run("check", "t.yaml", "--baseline", "baseline.json")
    assert exit_code == 0 and "baseline entry" in err and "m\\x1b[2J\\n:\\x3aerror:\\x3am" in err
    assert_inert(out + err)


def test_the_progress_display_shows_file_names_as_written() -> None:
    """On a terminal, the 'Checking FILE' line is not read as rich markup: a folder named `a[` with
    a file `]x.yaml` is shown, not a MarkupError."""
    from rich.console import Console

    from orglint.progress import progress_display

    console = Console(force_terminal=True, file=open(os.devnull, "w"))  # noqa: SIM115 (closed with the console)
    with progress_display(console) as say:
        say("Checking a[/]x.yaml (1/1)")
    console.file.close()


def test_sarif_locations_are_uris(in_tmp: Path) -> None:
    write(in_tmp, "my org/structure one.yaml", STRUCTURE_HEAD + "  - {id: CE, title: CE, tier: 1, department: NOPE}\n")
    _, out, _ = run("check", ".", "--output-format", "sarif")
    (location,) = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(out)["runs"][0]["results"]
    }
    assert location == "my%20org/structure%20one.yaml"


def test_import_shows_a_hostile_cell_inert(in_tmp: Path) -> None:
    header = "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
    row = 'CEO,Jane,SCS3,Chief,Leads,Agency,Exec,0300,ceo@x.gov.uk,XX,"one\n::error::fte\x1b[2J",150000,154999\n'
    (in_tmp / "organogram-senior.csv").write_text(header + row, encoding="utf-8")
    _, out, err = run("import", "organogram-senior.csv")
    assert "Traceback" not in err
    assert_inert(out + err)


def test_a_table_s_header_is_shown_inert_wherever_its_cell_is_named(in_tmp: Path) -> None:
    """A header is the table's own text: one that still names its column ("Reports<LS>to Senior
    Post" matches loosely) is shown escaped on the full view's header line and in JSON."""
    senior = (Path(__file__).parent / "data" / "organograms" / "planning_inspectorate-2011-09-30-senior.csv").read_text(
        encoding="utf-8"
    )
    hostile = senior.replace('"Reports to Senior Post"', '"Reports\u2028to Senior Post"', 1).replace('"XX"', '"NOPE"', 1)
    (in_tmp / "x-senior.csv").write_text(hostile, encoding="utf-8")
    _, out, _ = run("check", "x-senior.csv")
    assert "K1 (Reports\\u2028to Senior Post): T104" in out and "\u2028" not in out
    _, out, _ = run("check", "x-senior.csv", "--output-format", "json")
    (finding,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "T104"]
    assert finding["cell"]["header"] == "Reports\\u2028to Senior Post"


def test_orglint_s_own_lines_show_a_hostile_path_inert(in_tmp: Path) -> None:
    """pre-commit passes the repository's file names: a folder named to forge a log command is
    shown escaped in "no structure files found", as in every other line orglint writes."""
    forged = "notes\n::error file=README.md,line=1::Forged"
    (in_tmp / forged).mkdir()
    code, out, err = run("check", forged)
    assert code == 0 and out == ""
    assert err == "orglint: no structure files found in notes\\n:\\x3aerror file=README.md,line=1:\\x3aForged\n"
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    _, _, err = run("report", "s.yaml", "-o", "report\n::warning::x.md")
    assert err == "orglint: wrote the report to report\\n:\\x3awarning:\\x3ax.md\n"
