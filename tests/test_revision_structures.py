"""``check --new-only`` and ``diff --base REV`` on a structure split with ``include:``: the REV side
is the whole structure each named file belongs to, resolved as the working tree's is, so naming a
department file, its root or their folder gives the same answer (the pre-commit hook names single
changed files)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from orglint.load.perimeter import match_pattern, project_root
from orglint.load.source import real_path
from orglint.revisions import checkout, pattern_candidates

from .conftest import REPO, STRUCTURE_HEAD, check_json, git, run, write
from .test_include_patterns import PATTERNS, TREE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="--base reads the revision with git")

COUNCIL = """orglint: 1
organisation: {name: Test District Council, type: district, ruleset: core}
include: [departments/*.yaml]
departments:
  - {id: res, name: Resources}
  - {id: place, name: Place}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
  - {id: DIR-R, title: Director of Resources, reports_to: CE, tier: 2, department: res}
  - {id: DIR-P, title: Director of Place, reports_to: CE, tier: 2, department: place}
"""
# Findings already in HEAD: S002 (HOS-PLN names no post) and S006 (tier 5 under a tier 3) on MGR-PP.
PLACE = """orglint: 1
posts:
  - {id: HOS-PL, title: Head of Planning, reports_to: DIR-P, tier: 3, department: place}
  - {id: HOS-HO, title: Head of Housing, reports_to: DIR-P, tier: 3, department: place}
  - {id: MGR-DM, title: Development Manager, reports_to: HOS-PLN, tier: 4, department: place}
  - {id: MGR-PP, title: Policy Manager, reports_to: HOS-PL, tier: 5, department: place}
"""
RESOURCES = """orglint: 1
posts:
  - {id: HOS-FIN, title: Head of Finance, reports_to: DIR-R, tier: 3, department: res}
  - {id: HOS-HR, title: Head of People, reports_to: DIR-R, tier: 3, department: res}
"""
UNRELATED = """orglint: 1
organisation: {name: Elsewhere, type: district, ruleset: core}
posts:
  - {id: CE, title: Chief Executive, tier: 1}
"""
DEPARTMENT = "structures/departments/place.yaml"
ROOT = "structures/council.yaml"
FOLDER = "structures"
# The one finding the change below introduces: a post reporting to a post that does not exist.
NEW_POST = "  - {id: MGR-NEW, title: Parks Manager, reports_to: HOS-PARKS, tier: 4, department: place}\n"


@pytest.fixture
def repository(in_tmp: Path) -> Path:
    git(in_tmp, "init", "-q")
    write(in_tmp, ROOT, COUNCIL)
    write(in_tmp, DEPARTMENT, PLACE)
    write(in_tmp, "structures/departments/resources.yaml", RESOURCES)
    write(in_tmp, "elsewhere/unrelated.yaml", UNRELATED)
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "council")
    return in_tmp


def new_findings(*paths: str) -> tuple[int, list[tuple[str, str | None, str]]]:
    exit_code, document = check_json("--new-only", *paths)
    return exit_code, [(d["code"], d["post"], d["file"]) for d in document["diagnostics"]]


def diff_json(*args: str) -> tuple[int, dict[str, Any], str]:
    exit_code, out, err = run("diff", *args, "--format", "json")
    assert "Traceback" not in out + err, err
    return exit_code, json.loads(out) if out else {}, err


def test_the_old_findings_are_there(repository: Path) -> None:
    exit_code, document = check_json(DEPARTMENT)
    assert exit_code == 1 and {(d["code"], d["post"]) for d in document["diagnostics"]} >= {
        ("S002", "MGR-DM"),
        ("S006", "MGR-PP"),
    }


@pytest.mark.parametrize("named", [DEPARTMENT, ROOT, FOLDER])
def test_nothing_changed_is_nothing_new(repository: Path, named: str) -> None:
    assert new_findings(named) == (0, [])


@pytest.mark.parametrize("named", [DEPARTMENT, ROOT, FOLDER])
def test_a_retitled_post_is_nothing_new(repository: Path, named: str) -> None:
    write(repository, DEPARTMENT, PLACE.replace("Head of Housing", "Head of Housing Services"))
    assert new_findings(named) == (0, [])


@pytest.mark.parametrize("named", [DEPARTMENT, ROOT, FOLDER])
def test_only_the_finding_the_change_introduces(repository: Path, named: str) -> None:
    write(repository, DEPARTMENT, PLACE + NEW_POST)
    assert new_findings(named) == (1, [("S002", "MGR-NEW", DEPARTMENT)])


def test_a_department_file_new_since_the_revision(repository: Path) -> None:
    """Not in HEAD: every finding on it is new, and nothing old comes back with it."""
    added = "structures/departments/parks.yaml"
    write(repository, added, "orglint: 1\nposts:\n" + NEW_POST)
    assert new_findings(added) == (1, [("S002", "MGR-NEW", added)])
    assert new_findings(ROOT) == (1, [("S002", "MGR-NEW", added)])
    assert new_findings(DEPARTMENT) == (0, [])
    exit_code, document, _ = diff_json(ROOT, "--base", "HEAD")
    assert [p["id"] for p in document["posts"]["added"]] == ["MGR-NEW"] and document["posts"]["deleted"] == []
    assert [(d["code"], d["post"]) for d in document["findings"]["introduced"]] == [("S002", "MGR-NEW")]
    assert document["findings"]["resolved"] == [] and exit_code == 1
    exit_code, _, err = run("diff", added, "--base", "HEAD")
    assert exit_code == 2 and f"{added} does not exist at HEAD" in err and f"orglint diff {ROOT} --base HEAD" in err


def test_a_department_file_removed_since_the_revision(repository: Path) -> None:
    (repository / "structures/departments/resources.yaml").unlink()
    assert new_findings(ROOT) == (0, [])
    assert new_findings(DEPARTMENT) == (0, [])
    exit_code, document, _ = diff_json(ROOT, "--base", "HEAD")
    assert sorted(p["id"] for p in document["posts"]["deleted"]) == ["HOS-FIN", "HOS-HR"]
    assert document["posts"]["added"] == [] and document["findings"]["introduced"] == [] and exit_code == 0
    # the removal does resolve one: Director of Resources no longer has too few reports
    assert [(d["code"], d["post"], d["file"]) for d in document["findings"]["resolved"]] == [("D102", "DIR-R", f"HEAD:{ROOT}")]


@pytest.mark.parametrize("named", [ROOT, DEPARTMENT])
def test_diff_base_shows_only_the_real_change(repository: Path, named: str) -> None:
    write(repository, DEPARTMENT, PLACE.replace("Head of Housing", "Head of Housing Services"))
    exit_code, document, err = diff_json(named, "--base", "HEAD")
    assert exit_code == 0, err
    assert document["before"] == f"HEAD:{named}"
    assert document["posts"]["added"] == [] and document["posts"]["deleted"] == []
    assert [(c["post"], c["before"], c["after"]) for c in document["posts"]["retitled"]] == [
        ("HOS-HO", "Head of Housing", "Head of Housing Services")
    ]
    assert document["findings"]["introduced"] == [] and document["findings"]["resolved"] == []


def test_the_revision_holds_the_structure_and_no_more(repository: Path) -> None:
    """A department file named alone brings its root and the root's other includes, but not the
    rest of the repository; the snapshot is its own project root (nothing above it is read)."""
    snapshot = checkout("HEAD", [repository / DEPARTMENT])
    try:
        files = {p.relative_to(snapshot.root).as_posix() for p in snapshot.root.rglob("*") if p.is_file()}
        assert files == {ROOT, DEPARTMENT, "structures/departments/resources.yaml"}
        assert project_root(snapshot.path_of(repository / DEPARTMENT)) == real_path(snapshot.root)
    finally:
        snapshot.close()


def test_the_rulesets_and_configuration_of_the_revision(repository: Path) -> None:
    """The ruleset files a root or a configuration file names by path, and those they extend,
    are the revision's too (a ruleset outside the structure's folder would otherwise be missing)."""
    write(repository, "pyproject.toml", '[tool.orglint]\nruleset = "policy/default.yaml"\n')
    write(repository, "policy/default.yaml", "orglint-ruleset: 1\nname: default\nextends: [core]\n")
    write(repository, "policy/council.yaml", "orglint-ruleset: 1\nname: council\nextends: [./base.yaml]\n")
    write(repository, "policy/base.yaml", "orglint-ruleset: 1\nname: base\nextends: [core]\n")
    write(repository, ROOT, COUNCIL.replace("ruleset: core", "ruleset: ../policy/council.yaml"))
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "council's own ruleset")
    snapshot = checkout("HEAD", [repository / DEPARTMENT])
    try:
        files = {p.relative_to(snapshot.root).as_posix() for p in snapshot.root.rglob("*") if p.is_file()}
        assert files >= {"pyproject.toml", "policy/default.yaml", "policy/council.yaml", "policy/base.yaml"}
    finally:
        snapshot.close()
    assert new_findings(DEPARTMENT) == (0, [])
    write(repository, DEPARTMENT, PLACE + NEW_POST)
    assert new_findings(DEPARTMENT) == (1, [("S002", "MGR-NEW", DEPARTMENT)])


def test_an_organogram_table_named_alone(in_tmp: Path) -> None:
    """A junior table named alone is read with its senior twin, at the revision as now."""
    git(in_tmp, "init", "-q")
    for table in ("senior", "junior"):
        name = f"asset_protection_agency-2012-03-31-{table}.csv"
        shutil.copy(REPO / "tests/data/organograms" / name, in_tmp / name)
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "organogram")
    junior = "asset_protection_agency-2012-03-31-junior.csv"
    exit_code, document = check_json("--new-only", junior)
    assert (exit_code, document["diagnostics"]) == (0, []) and document["summary"]["suppressed"] > 0


def test_a_link_out_of_the_repository_at_the_revision(repository: Path) -> None:
    """A link leading outside is X004 now as it was then, and still reported: an input finding is
    never old (as a baseline never accepts one), since what lies behind it is unread. The copy
    never leads out through it."""
    link = repository / "structures/departments/elsewhere.yaml"
    link.symlink_to(repository.parent / "outside.yaml")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "a link out")
    assert check_json(FOLDER)[1]["diagnostics"][0]["code"] == "X004"
    assert new_findings(FOLDER) == (1, [("X004", None, ROOT)])  # at the pattern that meets the link, once
    snapshot = checkout("HEAD", [repository / FOLDER])
    try:
        copied = snapshot.path_of(repository / FOLDER) / "departments/elsewhere.yaml"
        assert copied.is_symlink() and not copied.exists() and not real_path(copied).is_relative_to(real_path(snapshot.root))
    finally:
        snapshot.close()


def test_a_named_link_into_another_repository_is_x004_and_git_never_runs_there(repository: Path) -> None:
    """Named first, it neither chooses the repository git reads (the other one's file would be
    copied and linted) nor stops the run: it is the X004 that `check` gives, beside the others."""
    other = repository.parent / "other"
    write(other, "secret.yaml", COUNCIL.replace("Council", "Secret Council"))
    git(other, "init", "-q")
    git(other, "add", ".")
    git(other, "commit", "-q", "-m", "secret")
    (repository / "leak.yaml").symlink_to(other / "secret.yaml")
    exit_code, document = check_json("--new-only", "leak.yaml", DEPARTMENT)
    assert exit_code == 1 and [(d["code"], d["file"]) for d in document["diagnostics"]] == [("X004", "leak.yaml")]
    assert document["summary"]["suppressed"] > 0  # the department's old findings, from this repository's HEAD


def test_departments_through_a_link_inside_the_repository(repository: Path) -> None:
    """An include pattern through a linked folder: the link and what it leads to are the
    revision's too."""
    departments = repository / "structures/departments"
    shutil.move(departments, repository / "common")
    departments.symlink_to("../common", target_is_directory=True)
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "departments in a folder of their own")
    assert new_findings(ROOT) == (0, [])
    write(repository, "common/place.yaml", PLACE + NEW_POST)
    assert new_findings(ROOT) == (1, [("S002", "MGR-NEW", "common/place.yaml")])


@pytest.mark.parametrize(
    "pattern",
    [*PATTERNS, "../x.yaml", "teams/../a.yaml", "teams/deep/t3.yaml", "teams", "/".join(["**"] * 40 + ["*.yaml"])],
)
def test_the_files_a_pattern_may_match_at_a_revision(tmp_path: Path, pattern: str) -> None:
    """Read from the revision's list of files, a pattern's candidates include all that the
    pattern matches on disk (the loader then matches it again, in the snapshot)."""
    project = tmp_path / "project"
    for name in TREE:
        write(project, name, "x")
    (project / ".git").mkdir()
    listing = [path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()]
    on_disk = {
        path.relative_to(real_path(project)).as_posix() for path in match_pattern(project, pattern, real_path(project)).files
    }
    assert on_disk <= pattern_candidates(listing, "", pattern)


def test_a_run_whose_every_finding_was_there_then_still_says_so(in_tmp: Path) -> None:
    """Every finding old: not silence, a summary that counts them."""
    write(
        in_tmp,
        "org.yaml",
        STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: X, title: X, reports_to: NOBODY}\n",
    )
    git(in_tmp, "init", "-q")
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "unknown manager")
    exit_code, out, _ = run("check", "--new-only", "org.yaml")
    assert exit_code == 0 and out.strip().startswith("All checks passed") and "suppressed" in out


@pytest.mark.parametrize(
    ("text", "code", "post"),
    [
        ("orglint: 1\nposts: [\n", "X001", None),  # not YAML: nothing in it is checked, then or now
        (STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1, grdae: SMT1}\n", "X002", "CE"),
    ],
)
def test_an_input_finding_is_never_old(in_tmp: Path, text: str, code: str, post: str | None) -> None:
    """As a baseline never accepts one: a file that cannot be read as written must be mended, as
    what the rules say of it (then or now) is not to be trusted, so --new-only cannot vouch for a
    change to it."""
    write(in_tmp, "org.yaml", text)
    git(in_tmp, "init", "-q")
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "a fault in the input")
    assert new_findings("org.yaml") == (1, [(code, post, "org.yaml")])


def test_the_revision_s_gitattributes_neither_hide_nor_rewrite_its_files(repository: Path) -> None:
    """The copy is the revision's files as committed: ``export-ignore`` (which would hide every old
    finding, so all of them would be new) and ``export-subst`` are for ``git archive``, not for it."""
    write(repository, ".gitattributes", "*.yaml export-ignore export-subst\n")
    write(repository, "structures/departments/resources.yaml", RESOURCES + "# $Format:%H$\n")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "attributes")
    assert new_findings(FOLDER) == (0, [])
    snapshot = checkout("HEAD", [repository / FOLDER])
    try:
        copied = snapshot.path_of(repository / FOLDER) / "departments/resources.yaml"
        assert copied.read_text(encoding="utf-8") == RESOURCES + "# $Format:%H$\n"
    finally:
        snapshot.close()


def test_a_crafted_tree_cannot_lead_a_write_out_of_the_copy(in_tmp: Path) -> None:
    """A tree holding a link and a folder of one name, which git never makes but a hostile
    repository can hold: the folder's file is not written through the link, outside the copy."""
    outside, repository = in_tmp / "outside", in_tmp / "repository"
    outside.mkdir()
    repository.mkdir()
    git(repository, "init", "-q")

    def made(*args: str, given: str) -> str:
        done = subprocess.run(["git", *args], cwd=repository, input=given.encode(), capture_output=True, check=True)
        return done.stdout.decode().strip()

    blob = made("hash-object", "-w", "--stdin", given="orglint: 1\n")
    link = made("hash-object", "-w", "--stdin", given=str(outside))
    folder = made("mktree", given=f"100644 blob {blob}\tplanted.yaml\n")
    tree = made("mktree", given=f"120000 blob {link}\tl\n040000 tree {folder}\tl\n100644 blob {blob}\ta.yaml\n")
    commit = made("-c", "user.name=T", "-c", "user.email=t@example.org", "commit-tree", tree, "-m", "crafted", given="")
    snapshot = checkout(commit, [repository])
    try:
        assert list(outside.iterdir()) == []
        assert (snapshot.root / "a.yaml").read_text(encoding="utf-8") == "orglint: 1\n"
        assert (snapshot.root / "l").is_symlink() and not (snapshot.root / "l").exists()
    finally:
        snapshot.close()


def test_a_root_whose_include_comes_after_its_posts_at_the_revision(repository: Path) -> None:
    """The revision's root is found for a department file named alone however far down it writes
    ``include:``, so the department's old findings are old."""
    many = "".join(f"  - {{id: T{n}, title: Officer {n}, reports_to: DIR-R, tier: 3, department: res}}\n" for n in range(2000))
    head, _, posts = COUNCIL.partition("include: [departments/*.yaml]\n")
    write(repository, ROOT, head + posts + many + "include: [departments/*.yaml]\n")
    git(repository, "commit", "-q", "-am", "include last")
    assert new_findings(DEPARTMENT) == (0, [])
    write(repository, DEPARTMENT, PLACE + NEW_POST)
    assert new_findings(DEPARTMENT) == (1, [("S002", "MGR-NEW", DEPARTMENT)])


@pytest.mark.slow  # writes and commits a 96 MB file
def test_a_huge_file_in_the_revision_is_copied_a_piece_at_a_time(in_tmp: Path) -> None:
    """A few MB of compressed history may hold a file of gigabytes: it is streamed to the copy (and
    judged there against max-file-size-mb), never held whole in memory. Peak memory is compared
    with the same run's on the same repository without it."""
    write(in_tmp, "orglint.toml", "max-file-size-mb = 1\n")
    write(in_tmp, "org/council.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    git(in_tmp, "init", "-q")
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "small")
    measure = (
        "import resource, subprocess, sys; "
        "subprocess.run([sys.executable, '-m', 'orglint', 'check', '--new-only', 'org'], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )

    def peak_kib() -> int:
        done = subprocess.run([sys.executable, "-c", measure], cwd=in_tmp, capture_output=True, text=True, check=True)
        return int(done.stdout)

    small = peak_kib()
    (in_tmp / "org" / "big.yaml").write_bytes(b" " * (96 << 20))
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "big")
    (in_tmp / "org" / "big.yaml").unlink()  # gone now; the revision's copy still holds it
    big = peak_kib()
    assert big - small < 48 << 10, (small, big)  # KiB: far less than the file, let alone twice it


def test_a_report_of_a_department_file_judges_the_whole_structure_it_shows(repository: Path) -> None:
    """check narrows to the file named (pre-commit names changed files); report, tree and diff
    show the whole structure, and so count every file's findings in it (a verdict of "compliant"
    over a structure with errors in its other files misled)."""
    _, whole, _ = run("report", ROOT, "--format", "markdown")
    _, named, _ = run("report", DEPARTMENT, "--format", "markdown")
    assert named == whole and "Not compliant" in named
    assert run("tree", DEPARTMENT)[1] == run("tree", ROOT)[1]


def test_a_file_git_filters_is_read_at_the_revision_as_a_checkout_reads_it(repository: Path) -> None:
    """A file stored through a filter (git LFS keeps a pointer in the repository): the revision's
    copy holds the file, as a checkout would, not what git stores, so its old findings are old."""
    git(repository, "config", "filter.packed.clean", "gzip -n -c")
    git(repository, "config", "filter.packed.smudge", "gzip -d -c")
    write(repository, ".gitattributes", "structures/departments/*.yaml filter=packed\n")
    git(repository, "add", "--renormalize", ".")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "stored packed")
    assert new_findings(DEPARTMENT) == (0, [])
    write(repository, DEPARTMENT, PLACE + NEW_POST)
    assert new_findings(DEPARTMENT) == (1, [("S002", "MGR-NEW", DEPARTMENT)])


def test_no_chain_of_links_leads_out_of_the_revision_s_copy(in_tmp: Path) -> None:
    """Each link inside by its spelling (`y -> .`, `x -> y/..`, `w -> x/..`), which, followed,
    lead above the copy: each is copied leading nowhere."""
    write(in_tmp, "org/council.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n")
    for name, target in (("y", "."), ("x", "y/.."), ("w", "x/..")):
        (in_tmp / "org" / name).symlink_to(target)
    git(in_tmp, "init", "-q")
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "links")
    snapshot = checkout("HEAD", [in_tmp / "org"])
    try:
        root = real_path(snapshot.root)
        for name in ("y", "x", "w"):
            link = snapshot.path_of(in_tmp / "org") / name
            assert link.is_symlink() and (not link.exists() or real_path(link).is_relative_to(root)), name
    finally:
        snapshot.close()
