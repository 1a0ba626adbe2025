"""Writes the bad-input corpus (files beside this script) and ``manifest.json``, which says
what each file must give: the exit code, and the finding (code, line, column) expected, worked
out here from where the fault was put, not from what orglint prints.

    python tests/corpus/generate.py     # after changing the cases below; commit the result
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
HEAD = "orglint: 1\norganisation: {name: Corpus Council, type: district, ruleset: core}\n"
BASE_POSTS = [
    "posts:",
    "  - id: CE",
    "    title: Chief Executive",
    "    tier: 1",
    "  - id: D1",
    "    title: Director",
    "    reports_to: CE",
    "    tier: 2",
    "    grade: G1",
    "    salary: {min: 1000, max: 2000}",
    "    fte: 1",
    "    holder: Sam",
    "    designations: [head-of-paid-service]",
    "    evaluation: {scheme: HAY, date: 2020-01-01, grade: G1, rationale: Benchmarked.}",
]
manifest: dict[str, dict[str, object]] = {}


def case(name: str, text: str | bytes, exit_code: int, code: str | None = None, line: int | None = None,
         column: int | None = None) -> None:  # fmt: skip
    path = HERE / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    manifest[name] = {"exit": exit_code, "code": code, "line": line, "column": column}


def structure(lines: list[str]) -> str:
    return HEAD + "\n".join(lines) + "\n"


def replace_value(field: str, value: str) -> tuple[str, int, int]:
    """D1's ``field`` set to ``value`` (added if D1 lacks it): the text, and where the value starts."""
    lines = list(BASE_POSTS)
    prefix = "  - id: " if field == "id" else f"    {field}: "
    index = next((i for i, line in enumerate(lines) if i >= 4 and line.startswith(prefix)), None)
    if index is None:
        lines.append(prefix + value)
        index = len(lines) - 1
    else:
        lines[index] = prefix + value
    return structure(lines), index + 3, len(prefix) + 1  # two head lines before "posts:"


# 1. Wrong types and values at every field of a post: an X002 at the value.
WRONG = {
    "id": "[a, b]", "title": "{x: 1}", "reports_to": "[CE]", "tier": "two", "department": "[x]", "function": "wizard",
    "grade": "{a: b}", "salary": "5", "designations": "head-of-paid-service", "qualifications": "{a: 1}", "profile": "[x]",
    "responsibilities": "5", "fte": "abc", "holder": "[x]", "evaluation": "5", "group": "maybe",
}  # fmt: skip
for field, value in WRONG.items():
    text, line, column = replace_value(field, value)
    case(f"wrong-type-{field}.yaml", text, 1, "X002", line, column)
for field, value, label in (("tier", "0", "tier-zero"), ("fte", "0", "fte-zero"), ("fte", "-1", "fte-negative"),
                            ("tier", "1.5", "tier-fraction"), ("title", "''", "title-empty")):  # fmt: skip
    text, line, column = replace_value(field, value)
    case(f"bad-value-{label}.yaml", text, 1, "X002", line, column)

# nested values: the faulty entry inside the flow mapping
for field, inner, bad, label in (
    ("salary", "{min: abc, max: 2000}", "abc", "salary-min-text"),
    ("salary", "{min: -5, max: 2000}", "-5", "salary-min-negative"),
    ("salary", "{min: 3000, max: 2000}", "{", "salary-reversed"),
    ("evaluation", "{scheme: HAY, date: not-a-date}", "not-a-date", "evaluation-date"),
    ("evaluation", "{scheme: HAY, points: [1, 2]}", "[1, 2]", "evaluation-points-list"),
    ("evaluation", "{scheme: [HAY]}", "[HAY]", "evaluation-scheme-list"),
):  # the value the finding points at: the faulty entry, or the mapping where the entries disagree
    text, line, _ = replace_value(field, inner)
    case(f"bad-nested-{label}.yaml", text, 1, "X002", line, text.splitlines()[line - 1].index(bad) + 1)

# 2. Nulls where a value is required.
for field in ("id", "title"):
    text, line, column = replace_value(field, "null")
    case(f"null-{field}.yaml", text, 1, "X002", line, column)
for field in ("designations", "salary"):  # null optional values are absent: valid
    text, _, _ = replace_value(field, "null")
    case(f"null-optional-{field}.yaml", text, 0)
case("null-organisation-name.yaml", "orglint: 1\norganisation: {name: null, type: district}\nposts: []\n", 1, "X002", 2, 22)

# 3. Lists where maps belong, and maps where lists belong.
case("list-for-organisation.yaml", "orglint: 1\norganisation: [Corpus Council]\nposts: []\n", 1, "X002", 2, 15)
case("map-for-posts.yaml", HEAD + "posts: {id: CE, title: Chief}\n", 1, "X002", 3, 8)
case("list-for-post.yaml", HEAD + "posts:\n  - [CE, Chief Executive]\n", 1, "X002", 4, 5)
case("map-for-departments.yaml", HEAD + "departments: {id: x}\nposts: []\n", 1, "X002", 3, 14)
case("scalar-for-include.yaml", HEAD + "include: 5\nposts: []\n", 1, "X002", 3, 10)

# 4. Unknown keys at each level: an X002 at the key.
case("unknown-top-key.yaml", HEAD + "postz: []\n", 1, "X002", 3, 1)
case("unknown-organisation-key.yaml", "orglint: 1\norganisation: {nmae: Corpus, type: district}\n", 1, "X002", 2, 16)
text, line, column = replace_value("titel", "Director")
case("unknown-post-key.yaml", text, 1, "X002", line, 5)
text, line, column = replace_value("salary", "{minimum: 1, max: 2}")
case("unknown-salary-key.yaml", text, 1, "X002", line, column + 1)
case("unknown-department-key.yaml", HEAD + "departments:\n  - {id: x, nam: X}\nposts: []\n", 1, "X002", 4, 13)
case("wrong-format-version.yaml", "orglint: 2\norganisation: {name: Corpus}\n", 1, "X002", 1, 10)

# 5. Ids and values YAML 1.1 would turn into numbers, booleans or dates stay text: valid.
for label, post_id in (("no", "no"), ("on", "on"), ("yes", "yes"), ("1e3", "1e3"), ("007", "007"), ("true", "true"),
                       ("date", "2020-01-01"), ("octal", "0o17"), ("float", "1.0"), ("infinity", ".inf")):  # fmt: skip
    lines = ["posts:", f"  - {{id: {post_id}, title: Chief Executive, tier: 1}}",
             f"  - {{id: D-{label}, title: Director, reports_to: {post_id}, tier: 2}}"]  # fmt: skip
    case(f"text-id-{label}.yaml", structure(lines), 0)

# 6. YAML that does not parse, or parses into something else: an X001 where it goes wrong.
case("tab-indentation.yaml", HEAD + "posts:\n\t- id: CE\n", 1, "X001", 4, 1)
# the key one column left of its mapping's keys: the fault is the key itself
case("bad-indentation.yaml", HEAD + "posts:\n  - id: CE\n   title: Chief\n", 1, "X001", 5, 4)
# never closed: the fault is where the file ends (the end of its last line)
case(
    "unclosed-flow-mapping.yaml", HEAD + "posts:\n  - {id: CE, title: Chief\n", 1, "X001", 4, len("  - {id: CE, title: Chief") + 1
)
case("unclosed-quote.yaml", HEAD + 'posts:\n  - {id: CE, title: "Chief}\n', 1, "X001", 4, len('  - {id: CE, title: "Chief}') + 1)
case("duplicate-key.yaml", HEAD + "posts:\n  - id: CE\n    title: A\n    title: B\n", 1, "X001", 6, 5)
case("duplicate-top-key.yaml", HEAD + "posts: []\nposts: []\n", 1, "X001", 4, 1)
case("python-tag.yaml", HEAD + "posts:\n  - id: !!python/object/apply:os.system [echo]\n    title: x\n", 1, "X001", 4, 9)
case("custom-tag.yaml", HEAD + "posts:\n  - {id: !post CE, title: x}\n", 1, "X001", 4, 10)
case("second-document.yaml", HEAD + "posts: []\n---\norglint: 1\n", 1, "X001", 4, 1)
case("key-is-a-list.yaml", HEAD + "posts:\n  - {[a]: b}\n", 1, "X001", 4, 6)
case("alias-undefined.yaml", HEAD + "posts:\n  - {id: *nothing, title: x}\n", 1, "X001", 4, 10)
bomb = ["orglint: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
bomb += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 10)]
case("alias-bomb.yaml", "\n".join(bomb) + "\n", 1, "X001", None, None)
# 256 levels: the top mapping and 255 lists; the 256th "[" (column 4 + 255) is refused
case("deep-nesting.yaml", "orglint: 1\nx: " + "[" * 300 + "]" * 300 + "\n", 1, "X001", 2, 259)
case("empty.yaml", "", 1, "X002", 1, 1)
case("only-comments.yaml", "# nothing here\n", 1, "X002", 1, 1)
case("not-a-structure.yaml", "name: something else\n", 1, "X002", 1, 1)
case("scalar-document.yaml", "just text\n", 1, "X002", 1, 1)
case("non-utf8.yaml", HEAD.encode() + b"posts:\n  - {id: CE, title: Caf\xe9}\n", 1, "X001", 4, 24)
case("binary.yaml", b"\x00\x01\x02orglint: 1\n", 1, "X001", 1, 1)
case("utf16.yaml", ("orglint: 1\n").encode("utf-16"), 1, "X001", 1, 1)
full = structure(BASE_POSTS)
for cut in (12, 30, 60, 100, 150, 200, 260, 320, 380):
    # cut inside the text: a shorter valid file, or a YAML fault where the file now ends
    case(f"truncated-at-{cut}.yaml", full[:cut], -1)
    manifest[f"truncated-at-{cut}.yaml"]["x001_at_end"] = True

# 7. Valid files in unusual dress: exit 0 (D103 on CE is a warning).
case("bom.yaml", "\ufeff" + full, 0)
case("crlf.yaml", full.replace("\n", "\r\n"), 0)
case("cr-only.yaml", full.replace("\n", "\r"), 0)
case("anchors-and-merge-keys.yaml", HEAD + "posts:\n  - &first {id: CE, title: Chief, tier: 1}\n"
     "  - {<<: *first, id: D1, title: Director, tier: 2, reports_to: CE}\n", 0)  # fmt: skip
case("unicode-titles.yaml", HEAD + 'posts:\n  - {id: CE, title: "Prif Weithredwr 🏴 — Cyngor", tier: 1}\n', 0)
case("no-final-newline.yaml", full.rstrip("\n"), 0)

# 8. Organogram tables.
SENIOR = ("Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,"
          "Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n")  # fmt: skip
ROW = "CEO,Jane Smith,SCS3,Chief Executive,Leads,Agency,Executive,0300 123,ceo@agency.gov.uk,XX,1,150000,154999\n"
case("organogram-senior.csv", SENIOR + ROW, 0)
case("organogram-missing-column-senior.csv", SENIOR.replace("FTE,", "") + ROW, 1, "X002", 1, 1)
case("organogram-wrong-headers-senior.csv", "a,b,c\n1,2,3\n", 1, "X002", 1, 1)
case("organogram-cp1252-senior.csv", (SENIOR + ROW).encode("cp1252"), 0)
case("organogram-bad-bytes-senior.csv", SENIOR.encode() + b"CEO,\x81\x8d,SCS3\n", 1, "X001", 2, 5)
case("organogram-empty-senior.csv", "", 1, "X002", 1, 1)
case("organogram-unclosed-quote-senior.csv", SENIOR + 'CEO,"Jane\n', 1, "X001", None, None)
case("organogram-bad-pay-senior.csv", SENIOR + ROW.replace("150000,154999", "150100,abc"), 1, "T111", 2, 12)
case("junk.xlsx", b"PK\x03\x04 this is not really a zip file", 1, "X001", 1, 1)
case("text-pretending.xlsx", "orglint: 1\n", 1, "X001", 1, 1)
junk_zip = io.BytesIO()
with zipfile.ZipFile(junk_zip, "w") as archive:  # a real zip, holding junk rather than a workbook
    archive.writestr("[Content_Types].xml", "not xml at all")
    archive.writestr("xl/workbook.xml", b"\x00\x01 junk")
case("zip-of-junk.xlsx", junk_zip.getvalue(), 1, "X001", 1, 1)
case("notes.csv", "a,b\n1,2\n", 1, "X002", 1, 1)


# 9. Configuration and rulesets: usage errors, exit 2 (the message names file:line:column).
def folder_case(name: str, files: dict[str, str], exit_code: int) -> None:
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    manifest[name + "/"] = {"exit": exit_code, "code": None, "line": None, "column": None}


VALID = structure(BASE_POSTS)
folder_case("config-bad-key", {"orglint.toml": "selct = ['D']\n", "structure.yaml": VALID}, 2)
folder_case("config-bad-value", {"orglint.toml": "max-posts = 0\n", "structure.yaml": VALID}, 2)
folder_case("config-bad-toml", {"orglint.toml": "select = [\n", "structure.yaml": VALID}, 2)
folder_case("config-code-is-data", {"orglint.toml": "ruleset = '__import__(\"os\")'\n", "structure.yaml": VALID.replace(", ruleset: core", "")}, 2)  # fmt: skip
folder_case("ruleset-extends-itself", {"self.yaml": "orglint-ruleset: 1\nname: self\nextends: [./self.yaml]\n",
                                       "structure.yaml": VALID.replace("ruleset: core", "ruleset: ./self.yaml")}, 2)  # fmt: skip
folder_case("ruleset-loop", {"a.yaml": "orglint-ruleset: 1\nname: a\nextends: [./b.yaml]\n",
                             "b.yaml": "orglint-ruleset: 1\nname: b\nextends: [./a.yaml]\n",
                             "structure.yaml": VALID.replace("ruleset: core", "ruleset: ./a.yaml")}, 2)  # fmt: skip
folder_case("ruleset-bad-key", {"r.yaml": "orglint-ruleset: 1\nname: r\nrulez: {}\n",
                                "structure.yaml": VALID.replace("ruleset: core", "ruleset: ./r.yaml")}, 2)  # fmt: skip
folder_case("ruleset-python-tag", {"r.yaml": "orglint-ruleset: 1\nname: !!python/object/apply:os.system [echo]\n",
                                   "structure.yaml": VALID.replace("ruleset: core", "ruleset: ./r.yaml")}, 2)  # fmt: skip
folder_case("ruleset-unknown", {"structure.yaml": VALID.replace("ruleset: core", "ruleset: no-such-ruleset")}, 2)
folder_case("include-matches-nothing", {"structure.yaml": HEAD + "include: [missing/*.yaml]\nposts: []\n"}, 1)

(HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"{len(manifest)} files")
