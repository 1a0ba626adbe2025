"""Organograms all the way through (issue 17): job shares and Eliminated rows in the model, junior
groups known by their key rather than their row, and the report, diff and baselines on the Home
Office pair (one department a year apart). Every figure expected here is worked out from the CSV
rows with the csv module, never from orglint's output."""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from orglint.engine import LintOptions, StructureRun, lint
from orglint.output.figures import number
from orglint.report.audit import Audit, build_report
from tests.conftest import REPO, STRUCTURE_HEAD, check_json, run, write
from tests.organogram_oracle import JOB_SHARE_MAY_DIFFER, NOT_TEMPLATE, VACANT_OR_ELIMINATED, _compared_value, amount

pytestmark = pytest.mark.slow  # the published organograms

DATA = REPO / "tests" / "data" / "organograms"
HOME_OFFICE = ["home_office-2011-09-30", "home_office-2012-09-30"]
OLD, NEW = HOME_OFFICE
WITHHELD = {"N/D", "N/A"}


def rows(name: str, table: str) -> list[dict[str, str]]:
    with (DATA / f"{name}-{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [{key: value.strip() for key, value in row.items()} for row in csv.DictReader(handle)]


def fte(text: str) -> float:
    value = amount(text)
    assert value is not None and value > 0, text  # the Home Office files give every FTE
    return value


def meant(name: str) -> str:
    """A Name as it is meant: Vacant or Eliminated in stray quotes (the Home Office export leaves
    "'Eliminated'" and "Eliminated'") is that word."""
    bare = name.strip("'\" ")
    return bare if bare in VACANT_OR_ELIMINATED else name


def senior_holders(name: str) -> dict[str, list[dict[str, str]]]:
    """Each senior post's holders' rows: live rows (not reference 0, not Eliminated, quoted or
    not, unless Eliminated only in stray quotes, which the validator reads as a live post, and
    the post that rows report to where no live row has its reference); a reference's first row,
    and each later row under another name that agrees with it wherever the validator asks a job
    share's rows to agree (two such rows: a job share). A row that differs there is no holder:
    T102 says the rows are not a job share."""
    table = rows(name, "senior")
    compared = [column for column in table[0] if column not in NOT_TEMPLATE | JOB_SHARE_MAY_DIFFER]
    eliminated = {id(row) for row in table if meant(row["Name"]).casefold() == "eliminated"}
    live = {row["Post Unique Reference"] for row in table if id(row) not in eliminated}
    reported_to = {row["Reports to Senior Post"] for row in table} | {row["Reporting Senior Post"] for row in junior_rows(name)}
    posts: dict[str, list[dict[str, str]]] = {}
    for row in table:
        reference = row["Post Unique Reference"]
        if reference in ("", "0"):
            continue
        if id(row) in eliminated and (row["Name"] == "Eliminated" or reference in live or reference not in reported_to):
            continue
        holders = posts.setdefault(reference, [])
        agrees = (
            all(_compared_value(column, row[column]) == _compared_value(column, holders[0][column]) for column in compared)
            if holders
            else True
        )
        if agrees and meant(row["Name"]) not in {meant(holder["Name"]) for holder in holders}:
            holders.append(row)
    return posts


JOB_SHARES = {OLD: ["2SIIGSEC"], NEW: []}
"""Worked out from the rows (see test_job_shares_are_rows_that_agree): in 2011 Paul Maltby and Ben
Jupp share 2SIIGSEC; in 2012 every reference with two rows that are not reference 0 has one
row named Eliminated (quoted, or Ben Jupp's half), so there is no job share."""


def junior_rows(name: str) -> list[dict[str, str]]:
    return [row for row in rows(name, "junior") if row["Reporting Senior Post"]]


def junior_key(row: dict[str, str]) -> tuple[str, str, str, str]:
    return (row["Reporting Senior Post"], row["Grade"], row["Generic Job Title"], row["Professional/Occupational Group"])


def audit_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> Audit:
    monkeypatch.chdir(REPO)
    (audit,) = build_report(lint([path], LintOptions())).audits
    return audit


def structure_run(path: Path) -> StructureRun:
    (structure_run,) = lint([path], LintOptions()).runs
    return structure_run


def markdown_report(name: str) -> str:
    exit_code, markdown, err = run("report", str(DATA / f"{name}-senior.csv"), "--format", "markdown")
    assert exit_code in (0, 1) and "Traceback" not in err
    return markdown


@pytest.mark.parametrize("name", HOME_OFFICE)
def test_report_headcount_and_fte_count_job_shares_and_junior_groups(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    holders = senior_holders(name)
    people = sum(len(rows) for rows in holders.values())
    senior_fte = sum(fte(row["FTE"]) for rows in holders.values() for row in rows)
    junior_fte = sum(fte(row["Number of Posts in FTE"]) for row in junior_rows(name))
    assert [reference for reference, sharers in holders.items() if len(sharers) > 1] == JOB_SHARES[name]

    shape = audit_of(DATA / f"{name}-senior.csv", monkeypatch).shape
    assert (shape.posts, shape.holders, shape.groups) == (len(holders), people, len(junior_rows(name)))
    assert shape.headcount == pytest.approx(people + junior_fte)
    assert shape.fte == pytest.approx(senior_fte + junior_fte)
    markdown = markdown_report(name)
    assert f"| Headcount | {number(people + junior_fte)}: {people:,} holders of single posts" in markdown
    assert f"| FTE | {number(senior_fte + junior_fte)} |" in markdown


def test_the_report_counts_single_posts_and_groups_of_posts_apart_throughout() -> None:
    """Shape said 10 posts while the tier table and the pay bill said 162: the junior rows (groups
    of posts) are counted apart from single posts wherever posts are counted."""
    senior = DATA / "homes_and_communities_agency-2011-03-31-senior.csv"
    _, markdown, _ = run("report", str(senior), "--format", "markdown")
    groups = len(rows("homes_and_communities_agency-2011-03-31", "junior"))
    assert f"for 10 posts and {groups} groups of posts with pay data" in markdown
    assert "| Tier | Posts | Groups of posts | FTE |" in markdown
    _, html, _ = run("report", str(senior), "--format", "html")
    assert f"10 posts and {groups} groups of posts in" in html


def test_report_speaks_of_the_body_and_leaves_out_what_did_not_run() -> None:
    first = rows(NEW, "senior")[0]
    markdown = markdown_report(NEW)
    assert f"| Organisation | {first['Organisation']} |" in markdown
    assert f"| Parent department | {first['Parent Department']} |" in markdown
    assert "Council type" not in markdown and "council must make" not in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        f"# {first['Organisation']}: structure audit",
        "## Compliance summary",
        "## Findings by severity",
        "## Shape",  # no statutory officers (a government body, no designations) and no evaluation rules ran
        "## Pay bill",
    ]


def test_a_job_share_shows_both_holders_and_summed_fte_and_pay(monkeypatch: pytest.MonkeyPatch) -> None:
    holders = senior_holders(OLD)
    named_shares = {
        reference: rows
        for reference, rows in holders.items()
        if len(rows) > 1 and all(row["Name"] not in WITHHELD and "'" not in row["Name"] for row in rows)
    }
    assert list(named_shares) == ["2SIIGSEC"]  # Paul Maltby and Ben Jupp share it
    ((reference, sharers),) = named_shares.items()
    names = tuple(row["Name"] for row in sharers)
    shared_fte = sum(fte(row["FTE"]) for row in sharers)

    audit = audit_of(DATA / f"{OLD}-senior.csv", monkeypatch)
    post = audit.run.graph.posts[reference]
    assert (post.holder, post.fte) == (names, pytest.approx(shared_fte))
    markdown = markdown_report(OLD)
    assert (
        f"- {reference} ({sharers[0]['Job Title']}): 2 holders (job share): {', '.join(names)}; {number(shared_fte)} FTE"
        in markdown
    )

    # the pay bill: each row's pay floor × its FTE, a job share's rows all counted (when each gives its pay)
    def paid(row: dict[str, str], low: str, high: str, people: str) -> float | None:
        floor, ceiling = amount(row[low]), amount(row[high])
        return floor * fte(row[people]) if floor is not None and ceiling is not None and 0 <= floor <= ceiling else None

    expected = 0.0
    for rows_of_post in holders.values():
        shares = [paid(row, "Actual Pay Floor (£)", "Actual Pay Ceiling (£)", "FTE") for row in rows_of_post]
        expected += sum(share for share in shares if share is not None) if None not in shares else 0.0
    expected += sum(
        share
        for row in junior_rows(OLD)
        if (share := paid(row, "Payscale Minimum (£)", "Payscale Maximum (£)", "Number of Posts in FTE")) is not None
    )
    assert audit.pay.total.minimum == pytest.approx(expected, abs=0.5)  # a job share's range is kept to the penny


def test_job_shares_are_rows_that_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report counts no holder named 'Eliminated' in quotes, and merges no rows that check's
    T102 says are not a job share (issue: the 2012 Director General was 2 holders, 2 FTE)."""
    table = rows(NEW, "senior")
    names: dict[str, list[str]] = {}
    for row in table:
        names.setdefault(row["Post Unique Reference"], []).append(row["Name"])
    # the Director General's row, and beside it a row named 'Eliminated' (the quotes are in the
    # file) that agrees with it everywhere else: the validator would take them for a job share
    assert names["3GEO01"] == ["Jonathan Rees", "'Eliminated'"]
    (director_general,) = [row for row in table if row["Post Unique Reference"] == "3GEO01" and row["Name"] == "Jonathan Rees"]
    # 1HR03: Joe Dugdale (SCS2) and an 'Eliminated' row of grade SCS1, which T102 reports
    assert names["1HR03"] == ["Joe Dugdale", "'Eliminated'"]
    (hr_eliminated_line,) = [
        number
        for number, row in enumerate(table, start=2)
        if row["Post Unique Reference"] == "1HR03" and row["Name"] != "Joe Dugdale"
    ]
    # why 2012 has no job share: each reference with two rows has an Eliminated one
    shared = [reference for reference, written in names.items() if reference != "0" and len(written) > 1]
    assert len(shared) == 11 and all(any(meant(name) == "Eliminated" for name in names[reference]) for reference in shared)

    audit = audit_of(DATA / f"{NEW}-senior.csv", monkeypatch)
    post = audit.run.graph.posts["3GEO01"]
    assert (post.holder, post.fte) == ("Jonathan Rees", fte(director_general["FTE"])) == ("Jonathan Rees", 1)
    post = audit.run.graph.posts["1HR03"]
    assert (post.holder, post.fte, post.grade) == ("Joe Dugdale", 1, "SCS2")  # the first row stands
    assert audit.shape.job_shares == []
    markdown = markdown_report(NEW)
    assert "Job shares" not in markdown and "holders (job share)" not in markdown  # the findings quote the names

    # check still says what it said: T102 on 1HR03's second row; T110 on the quoted names
    _, document = check_json(str(DATA / f"{NEW}-senior.csv"))
    findings = document["diagnostics"]
    assert [(d["post"], d["line"]) for d in findings if d["code"] == "T102" and d["post"] == "1HR03"] == [
        ("1HR03", hr_eliminated_line)
    ]
    assert any(
        "\"'Eliminated'\" is not 'Eliminated': the quotes are part of it" in d["message"] for d in findings if d["code"] == "T110"
    )


def test_rows_of_one_reference_that_differ_are_not_a_job_share(in_tmp: Path) -> None:
    header = "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
    write(in_tmp, "agency-senior.csv", header
          + "CEO,Jane Smith,SCS3,Chief Executive,Leads,Agency,Executive,0300,a@b.gov.uk,XX,1,150000,154999\n"
          + "SHARED,Sam Jones,SCS2,Director,Runs things,Agency,Operations,0300,c@b.gov.uk,CEO,0.5,100000,104999\n"
          + "SHARED,Ann Lee,SCS2,Director,Runs things,Agency,Operations,0301,d@b.gov.uk,CEO,0.6,100000,104999\n"
          + "TWO,Bo Chan,SCS1,Director of Policy,Sets policy,Agency,Policy,0300,e@b.gov.uk,CEO,1,90000,94999\n"
          + "TWO,Di Ray,SCS1,Director of Finance,Runs finance,Agency,Finance,0300,f@b.gov.uk,CEO,1,90000,94999\n"
          + "QUOTED,Al Fox,SCS1,Director of Estates,Runs estates,Agency,Estates,0300,g@b.gov.uk,CEO,1,90000,94999\n"
          + "QUOTED,'Eliminated',SCS1,Director of Estates,Runs estates,Agency,Estates,N/A,N/A,CEO,1,0,0\n"
          + "GONE,'Vacant',SCS1,Director of Data,Runs data,Agency,Data,N/A,N/A,CEO,1,0,0\n")  # fmt: skip
    posts = structure_run(in_tmp / "agency-senior.csv").graph.posts
    # a job share (the rows differ only in name, contacts and FTE): both holders, the FTE added up
    assert (posts["SHARED"].holder, posts["SHARED"].fte) == (("Sam Jones", "Ann Lee"), 1.1)
    # two different jobs under one reference (T102): the first row stands, its FTE alone
    assert (posts["TWO"].holder, posts["TWO"].fte, posts["TWO"].title) == ("Bo Chan", 1, "Director of Policy")
    # a quoted Eliminated row is set aside; a quoted Vacant is vacant
    assert (posts["QUOTED"].holder, posts["QUOTED"].fte) == ("Al Fox", 1)
    assert posts["GONE"].holder == "vacant"
    _, document = check_json(str(in_tmp / "agency-senior.csv"))
    assert [(d["code"], d["line"]) for d in document["diagnostics"] if d["code"] == "T102"] == [("T102", 6)]


def test_eliminated_rows_are_set_aside(in_tmp: Path) -> None:
    for name in ("department_of_health-2011-09-30", "ministry_of_defence-2012-03-31"):
        table = rows(name, "senior")
        only_eliminated = {row["Post Unique Reference"] for row in table} - {
            row["Post Unique Reference"] for row in table if row["Name"] != "Eliminated"
        }
        assert only_eliminated  # each file has a post that is only an Eliminated row
        assert not only_eliminated & set(structure_run(DATA / f"{name}-senior.csv").graph.posts)
    (live,) = [row for row in rows(NEW, "senior") if row["Post Unique Reference"] == "2SIIGSEC" and row["Name"] != "Eliminated"]
    post = structure_run(DATA / f"{NEW}-senior.csv").graph.posts["2SIIGSEC"]  # also has an Eliminated row
    assert (post.holder, post.fte) == (live["Name"], fte(live["FTE"]))

    # an Eliminated row before the live row of its reference: the live row is the post
    header = "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n"
    write(in_tmp, "agency-senior.csv", header
          + "CEO,Jane Smith,SCS3,Chief Executive,Leads,Agency,Executive,0300,a@b.gov.uk,XX,1,150000,154999\n"
          + "DIR,Eliminated,SCS2,Old Director,Ran things,Agency,Old Unit,N/A,N/A,CEO,1,0,0\n"
          + "DIR,Sam Jones,SCS2,Director,Runs things,Agency,Operations,0300,c@b.gov.uk,CEO,0.8,100000,104999\n")  # fmt: skip
    post = structure_run(in_tmp / "agency-senior.csv").graph.posts["DIR"]
    assert (post.title, post.holder, post.fte, post.department) == ("Director", "Sam Jones", 0.8, "Operations")


def expected_junior_ids(name: str) -> list[str]:
    """Each junior row's id, in row order: its key, readable, ``#2``... on a key's repeats."""
    seen: Counter[tuple[str, ...]] = Counter()
    ids = []
    for row in junior_rows(name):
        key = junior_key(row)
        seen[key] += 1
        ids.append(" › ".join(key) + (f" #{seen[key]}" if seen[key] > 1 else ""))
    return ids


def test_junior_groups_are_known_by_their_key_not_their_row() -> None:
    ids = expected_junior_ids(NEW)
    assert len(set(ids)) == len(ids) == len(junior_rows(NEW)) and any("#2" in i for i in ids)
    graph = structure_run(DATA / f"{NEW}-senior.csv").graph
    assert [post.id for post in graph.posts.values() if post.group] == ids
    _, document = check_json(str(DATA / f"{NEW}-senior.csv"))
    junior_findings = [d for d in document["diagnostics"] if d["file"].endswith("-junior.csv")]
    assert junior_findings  # rows with payscales that are not amounts (T115)
    for finding in junior_findings:  # about the group of their row (the header is row 1)
        assert finding["post"] == ids[finding["line"] - 2]


def diff_json(old: Path, new: Path) -> dict[str, Any]:
    _, out, err = run("diff", str(old), str(new), "--format", "json")
    assert "Traceback" not in err
    document: dict[str, Any] = json.loads(out)
    return document


def test_diff_matches_junior_groups_by_key_and_shows_job_shares() -> None:
    old_keys = Counter(junior_key(row) for row in junior_rows(OLD))
    new_keys = Counter(junior_key(row) for row in junior_rows(NEW))
    in_both = sum((old_keys & new_keys).values())
    old_posts, new_posts = senior_holders(OLD), senior_holders(NEW)
    moved = {
        reference
        for reference in old_posts.keys() & new_posts.keys()
        if old_posts[reference][0]["Reports to Senior Post"] != new_posts[reference][0]["Reports to Senior Post"]
    }
    reshared = {
        reference: (len(old_posts[reference]), len(new_posts[reference]))
        for reference in old_posts.keys() & new_posts.keys()
        if len(old_posts[reference]) != len(new_posts[reference])
    }
    # no senior post has a new manager: 1HR03, whose manager changed, is only an 'Eliminated' row in 2011
    assert in_both > 300 and moved == set()
    senior_fte_changed = {
        reference
        for reference in old_posts.keys() & new_posts.keys()
        if round(sum(fte(row["FTE"]) for row in old_posts[reference]), 6)
        != round(sum(fte(row["FTE"]) for row in new_posts[reference]), 6)
    }
    old_groups = dict(zip(expected_junior_ids(OLD), junior_rows(OLD), strict=True))
    new_groups = dict(zip(expected_junior_ids(NEW), junior_rows(NEW), strict=True))
    group_fte_changed = {
        group
        for group in old_groups.keys() & new_groups.keys()
        if fte(old_groups[group]["Number of Posts in FTE"]) != fte(new_groups[group]["Number of Posts in FTE"])
    }
    # 2SIIGSEC: Paul Maltby and Ben Jupp (0.5 + 0.36 FTE), then Paul Maltby alone; 1FC06 0.5 -> 1.
    # No post goes 1 -> 2 because an 'Eliminated' row was taken for a second holder.
    assert senior_fte_changed == {"2SIIGSEC", "1FC06"}

    changes = diff_json(DATA / f"{OLD}-senior.csv", DATA / f"{NEW}-senior.csv")["posts"]
    assert {change["post"] for change in changes["moved"]} == moved  # no junior group: its manager is in its key
    assert changes["renumbered"] == []
    assert len(changes["added"]) == len(new_posts.keys() - old_posts.keys()) + new_keys.total() - in_both
    assert len(changes["deleted"]) == len(old_posts.keys() - new_posts.keys()) + old_keys.total() - in_both
    assert {change["post"]: (change["before"], change["after"]) for change in changes["holders"]} == reshared
    assert {change["post"] for change in changes["fte"]} == senior_fte_changed | group_fte_changed
    assert reshared["2SIIGSEC"] == (2, 1)  # Ben Jupp's half is Eliminated a year later

    _, terminal, _ = run("diff", str(DATA / f"{OLD}-senior.csv"), str(DATA / f"{NEW}-senior.csv"))
    assert "Holders (job shares) changed" in terminal and "2 holders (job share)" in terminal
    assert f"Groups of posts added ({new_keys.total() - in_both})" in terminal
    assert f"Groups of posts deleted ({old_keys.total() - in_both})" in terminal
    assert f"FTE changed ({len(senior_fte_changed | group_fte_changed)})" in terminal


def copy_pair(name: str, folder: Path) -> Path:
    folder.mkdir()
    for table in ("senior", "junior"):
        shutil.copyfile(DATA / f"{name}-{table}.csv", folder / f"{name}-{table}.csv")
    return folder / f"{name}-senior.csv"


def insert_at_top(path: Path, values: dict[str, str]) -> None:
    """A row put first, under the header: every row below moves down one."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *body = list(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows([header, [values.get(column, "") for column in header], *body])


NEW_GROUP = {
    "Parent Department": "Home Office", "Organisation": "Home Office", "Unit": "Border Force", "Reporting Senior Post": "1BF04",
    "Grade": "EO", "Payscale Minimum (£)": "25000", "Payscale Maximum (£)": "30000", "Generic Job Title": "Inserted Analyst",
    "Number of Posts in FTE": "1", "Professional/Occupational Group": "Policy",
}  # fmt: skip
NOT_IN_POST = {
    "Post Unique Reference": "0", "Name": "N/D", "Grade (or equivalent)": "SCS1", "Job Title": "Not in post",
    "Job/Team Function": "N/A", "Parent Department": "Home Office", "Organisation": "Home Office", "Unit": "N/A",
    "Contact Phone": "N/A", "Contact E-mail": "N/A", "Reports to Senior Post": "1BF04", "Salary Cost of Reports (£)": "0",
    "FTE": "1", "Actual Pay Floor (£)": "0", "Actual Pay Ceiling (£)": "0",
}  # fmt: skip


def test_a_finding_whose_row_only_moved_is_neither_introduced_nor_resolved(tmp_path: Path) -> None:
    old = copy_pair(NEW, tmp_path / "old")
    new = copy_pair(NEW, tmp_path / "new")
    insert_at_top(new, NOT_IN_POST)  # a row paid but not in post: no post, every senior row moves down
    insert_at_top(new.with_name(new.name.replace("senior", "junior")), NEW_GROUP)  # and every junior row
    _, before = check_json(str(old))
    assert any(d["file"].endswith("-junior.csv") for d in before["diagnostics"])  # junior findings, to move

    findings = diff_json(old, new)["findings"]
    assert findings["resolved"] == []
    assert all(d["line"] == 2 for d in findings["introduced"])  # only the inserted rows' own findings are new
    assert findings["persisting"] == len(before["diagnostics"])


def test_a_baseline_survives_an_inserted_junior_row(in_tmp: Path) -> None:
    senior = copy_pair(NEW, in_tmp / "home_office")
    assert run("check", str(senior))[0] == 1
    exit_code, out, _ = run("baseline", "write", "baseline.json", str(senior))
    recorded = json.loads((in_tmp / "baseline.json").read_text())["findings"]
    assert exit_code == 0 and any(entry["file"].endswith("-junior.csv") for entry in recorded)

    insert_at_top(senior.with_name(senior.name.replace("senior", "junior")), NEW_GROUP)
    exit_code, out, err = run("check", str(senior), "--baseline", "baseline.json", "--output-format", "json")
    assert exit_code == 0 and json.loads(out)["diagnostics"] == []
    assert json.loads(out)["summary"]["suppressed"] == len(recorded) and "baseline entr" not in err  # none stale


def test_a_job_share_in_a_structure_file(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = (
        "  - {id: CE, title: Chief Executive, tier: 1, holder: Ann Smith}\n"
        "  - {id: DIR, title: Director, reports_to: CE, tier: 2, fte: 1, holder: Bob Jones}\n"
    )
    write(in_tmp, "old/structure.yaml", STRUCTURE_HEAD + posts)
    shared = posts.replace("fte: 1, holder: Bob Jones", "fte: 1.2, holder: [Bob Jones, null]")
    write(in_tmp, "new/structure.yaml", STRUCTURE_HEAD + shared)
    shape = audit_of(in_tmp / "new/structure.yaml", monkeypatch).shape
    assert (shape.posts, shape.holders, shape.headcount, shape.filled, shape.holder_unrecorded) == (2, 3, 3, 2, 1)
    monkeypatch.chdir(in_tmp)
    _, markdown, _ = run("report", "new/structure.yaml", "--format", "markdown")
    assert "- DIR (Director): 2 holders (job share): Bob Jones, not recorded; 1.2 FTE" in markdown
    changes = diff_json(Path("old/structure.yaml"), Path("new/structure.yaml"))["posts"]
    assert changes["holders"] == [{"post": "DIR", "before": 1, "after": 2}]

    write(in_tmp, "one.yaml", STRUCTURE_HEAD + posts.replace("holder: Bob Jones", "holder: [Bob Jones]"))
    _, document = check_json("one.yaml")
    assert [(d["code"], d["post"], d["message"]) for d in document["diagnostics"] if d["code"] == "X002"] == [
        (
            "X002",
            "DIR",
            "post 'DIR': holder: should be text, got a list; "
            "or holder: a list of holders is a job share, of two or more (one holder is written as text), got a list",
        )
    ]


def test_a_diff_from_a_publication_of_no_posts_says_so_first() -> None:
    """DCMS's March 2011 senior table is its header alone: every post of September's is "added",
    at +£15.3M, and that is said at the top, not left to a T104 under Resolved."""
    old = DATA / "department_for_culture_media_and_sport-2011-03-31-senior.csv"
    new = DATA / "department_for_culture_media_and_sport-2011-09-30-senior.csv"
    _, markdown, _ = run("diff", str(old), str(new), "--format", "markdown")
    said = " ".join(markdown.split())
    assert "holds no posts: every post of the other shows as added, and its whole cost as the change." in said
    assert said.index("holds no posts") < said.index("Added")
    _, markdown, _ = run("diff", str(new), str(new), "--format", "markdown")
    assert "holds no posts" not in markdown
