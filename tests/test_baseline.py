"""Baselines: only new findings fail; entries survive edits above them; stale entries are reported."""

from __future__ import annotations

import json
from pathlib import Path

from orglint.diagnostics import Diagnostic, Span, fingerprint

from .conftest import STRUCTURE_HEAD, run, write

POSTS = "  - {id: CE, title: CE, tier: 1}\n  - {id: AD1, title: AD, reports_to: CE, tier: 2}\n  - {id: X, title: X, reports_to: NOPE, tier: 2}\n"


def test_baseline_accepts_recorded_findings_and_fails_new_ones(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + POSTS)
    assert run("check", "s.yaml")[0] == 1
    exit_code, out, _ = run("baseline", "write", "baseline.json", "s.yaml")
    assert exit_code == 0 and "recorded 2 finding(s)" in out
    entries = json.loads((in_tmp / "baseline.json").read_text())["findings"]
    assert {(e["code"], e["post"]) for e in entries} == {("D103", "CE"), ("S002", "X")}
    assert all("line" not in entry for entry in entries)

    exit_code, out, _ = run("check", "s.yaml", "--baseline", "baseline.json", "--output-format", "json")
    assert exit_code == 0 and json.loads(out)["summary"]["suppressed"] == 2

    # lines above move every finding; the baseline still holds
    write(in_tmp, "s.yaml", "# a comment\n# another\n" + STRUCTURE_HEAD + POSTS)
    assert run("check", "s.yaml", "--baseline", "baseline.json")[0] == 0

    # a new finding fails, and only it is shown
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + POSTS + "  - {id: Y, title: Y, reports_to: NONE, tier: 2}\n")
    exit_code, out, _ = run("check", "s.yaml", "--baseline", "baseline.json", "--output-format", "concise")
    assert exit_code == 1 and out.count("S002") == 1 and "'NONE'" in out


def test_fixed_findings_leave_stale_entries_that_are_reported(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + POSTS)
    run("baseline", "write", "baseline.json", "s.yaml")
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + POSTS.replace("NOPE", "CE"))
    exit_code, _, err = run("check", "s.yaml", "--baseline", "baseline.json")
    assert exit_code == 0
    assert "2 baseline entries" in err and "S002 (X)" in err and "D103 (CE)" in err  # both fixed


def test_a_bad_baseline_is_a_usage_error(in_tmp: Path) -> None:
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + POSTS)
    write(in_tmp, "baseline.json", "{not json")
    exit_code, _, err = run("check", "s.yaml", "--baseline", "baseline.json")
    assert exit_code == 2 and "cannot use this baseline" in err
    exit_code, _, err = run("check", "s.yaml", "--baseline", "missing.json")
    assert (exit_code, err) == (2, "orglint: error: missing.json: cannot read the baseline: No such file or directory\n")


OLD_ESCAPES = Path(__file__).parent / "data" / "baseline-with-escaped-colons"
"""A structure whose findings quote `::` and `##[`, and the baseline orglint wrote for it before
findings carried them as data: its messages hold `:\\x3a` and `#\\x23`, and its fingerprints were
worked out from those messages."""


def test_a_baseline_written_with_escaped_colons_still_accepts_its_findings(in_tmp: Path) -> None:
    for name in ("structure.yaml", "orglint-baseline.json"):
        write(in_tmp, name, (OLD_ESCAPES / name).read_text(encoding="utf-8"))
    assert ":\\\\x3a" in (in_tmp / "orglint-baseline.json").read_text(encoding="utf-8")  # as the old version wrote it
    exit_code, out, err = run("check", "structure.yaml", "--baseline", "orglint-baseline.json", "--output-format", "json")
    # the S001 and S002 that quote `::` and `##[` match; the one entry stale is the D103 an id used
    # twice used to bring (its manager's span is no longer one less for it: two reports, an info D102)
    assert json.loads(out)["summary"]["suppressed"] == 2
    assert [(d["code"], d["post"]) for d in json.loads(out)["diagnostics"]] == [("D102", "CE")]
    assert exit_code == 0 and "1 baseline entry in orglint-baseline.json no longer matches" in err
    assert "D103 (CE)" in err and "S001" not in err and "S002" not in err


def test_an_old_baseline_entry_for_a_file_named_with_colons_still_matches(in_tmp: Path) -> None:
    write(in_tmp, "a::b.yaml", STRUCTURE_HEAD + POSTS)
    run("baseline", "write", "baseline.json", "a::b.yaml")
    document = json.loads((in_tmp / "baseline.json").read_text(encoding="utf-8"))
    for entry in document["findings"]:  # as the old version wrote it: the file name escaped, and hashed so
        entry["file"] = "a:\\x3ab.yaml"
        as_found = Diagnostic(entry["code"], entry["message"], Span.start_of(entry["file"]), post=entry["post"])
        entry["fingerprint"] = fingerprint(as_found)
    write(in_tmp, "baseline.json", json.dumps(document))
    exit_code, _, err = run("check", "a::b.yaml", "--baseline", "baseline.json")
    assert exit_code == 0 and "baseline entr" not in err


def test_input_findings_are_neither_recorded_nor_accepted(in_tmp: Path) -> None:
    """As no comment can suppress an X001, X002 or X004, no baseline accepts one: the file must be mended."""
    text = STRUCTURE_HEAD + POSTS.replace("{id: AD1, title: AD,", "{id: AD1, titel: AD,")
    write(in_tmp, "s.yaml", text)
    exit_code, out, err = run("baseline", "write", "baseline.json", "s.yaml")
    entries = json.loads((in_tmp / "baseline.json").read_text())["findings"]
    assert exit_code == 0 and "recorded 2 finding(s)" in out and "X002" not in {e["code"] for e in entries}
    assert "1 input finding(s) (X001, X002, X004) not recorded" in err
    exit_code, out, _ = run("check", "s.yaml", "--baseline", "baseline.json", "--output-format", "concise")
    assert exit_code == 1 and "X002" in out and "D103" not in out and "S002" not in out
    # a baseline that holds one all the same (written by hand, or by an older orglint) does not accept it
    document = json.loads(run("check", "s.yaml", "--output-format", "json")[1])
    (typo,) = [d for d in document["diagnostics"] if d["code"] == "X002"]
    as_found = Diagnostic("X002", typo["message"], Span.start_of("s.yaml"), post=typo["post"])
    entry = {
        "file": "s.yaml",
        "code": "X002",
        "post": typo["post"],
        "fingerprint": fingerprint(as_found),
        "message": typo["message"],
    }
    baseline = json.loads((in_tmp / "baseline.json").read_text())
    baseline["findings"].append(entry)
    write(in_tmp, "baseline.json", json.dumps(baseline))
    exit_code, out, _ = run("check", "s.yaml", "--baseline", "baseline.json", "--output-format", "concise")
    assert exit_code == 1 and "X002" in out
