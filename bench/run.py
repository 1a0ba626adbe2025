"""orglint's benchmark (docs/performance.md, issue 8): end-to-end check time as ratios to bare YAML
loads of the same file, timed in the same run (machines here are noisy: compare ratios).

For each size N: generate an N-post structure, then time, each as a fresh process,
  * orglint: `python -m orglint check FILE --output-format json` with every built-in rule of
    every shipped ruleset enabled (`--ruleset` each of them, `--select ALL`): load with
    positions, validate, graph, rules, JSON written (to bench/out/N.json: its summary gives the
    findings column, since findings per post differ between sizes);
  * PyYAML's CSafeLoader `yaml.load` of the file as a plain script (default settings, the
    garbage collector on), and the same with the collector off;
  * rapidyaml's C++ parse of the same bytes, if rapidyaml is installed (the parser floor:
    `pip install -e '.[bench]'`);
and print seconds, ratios and peak RSS (from wait4's rusage). Then the growth from each size to
the next (docs/performance.md: 10x the posts at most 11x the time), pre-commit latency (a 50-post check
against `python -c "import networkx"`), the largest real organogram in tests/data/organograms
(target: under 1 s), and every organogram there in one run, against the csv module reading
the same tables (the `check DIR` case of a repository of publications). Then `tree`, `report`
(each format) and `diff` (each format; against a restructured copy: every 97th post regraded, 1%
more posts) against `check` of the same files in the same run (issue 21: at most 1.5x).

orglint's modules are byte-compiled first, as installing a wheel does (this machine sets
PYTHONDONTWRITEBYTECODE, which would otherwise recompile them on every run).

    .venv/bin/python bench/run.py                          # 10k and 100k
    .venv/bin/python bench/run.py --sizes 100000 1000000   # the million-post run
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from generate import write_structure

REPO = Path(__file__).resolve().parent.parent
OUT = Path(__file__).parent / "out"
ORGANOGRAMS = REPO / "tests" / "data" / "organograms"
PYYAML = "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
PYYAML_NO_GC = "import gc, sys, yaml; gc.disable(); yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
RAPIDYAML = "import sys, ryml; ryml.parse_in_arena(open(sys.argv[1], 'rb').read())"
CSV_READ = "import csv, sys; [list(csv.reader(open(name, newline='', encoding='utf-8'))) for name in sys.argv[1:]]"


class Timing(NamedTuple):
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User and system seconds of the child: steadier than the wall clock on a shared machine."""
    megabytes: float
    """Peak RSS."""


def measured(command: list[str], output: Path | None = None) -> Timing:
    """One child process, its output written to ``output`` (if given) or discarded."""
    with open(output if output is not None else os.devnull, "wb") as stdout:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        stderr = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{stderr}")
    return Timing(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def fastest(repeat: int, command: list[str], output: Path | None = None) -> Timing:
    """The least wall and CPU time of ``repeat`` runs (each its own fastest), and the largest peak."""
    runs = [measured(command, output) for _ in range(repeat)]
    return Timing(min(run.wall for run in runs), min(run.cpu for run in runs), max(run.megabytes for run in runs))


def best_of(repeat: int, command: list[str], output: Path | None = None) -> tuple[float, float]:
    """(the least wall seconds, the largest peak RSS in MB) of ``repeat`` runs."""
    timing = fastest(repeat, command, output)
    return timing.wall, timing.megabytes


def findings_in(report: Path) -> int:
    """The findings a JSON report counts, from its head (the summary comes first)."""
    with report.open(encoding="utf-8") as stream:
        head = stream.read(4096)
    summary = json.loads(head[: head.index(', "diagnostics"')] + "}")["summary"]
    return int(summary["errors"] + summary["warnings"] + summary["infos"])


def every_rule() -> list[str]:
    from orglint.ruleset import builtin_rulesets

    return [option for name in sorted(builtin_rulesets()) for option in ("--ruleset", name)] + ["--select", "ALL"]


def has_rapidyaml(python: str) -> bool:
    return subprocess.run([python, "-c", "import ryml"], capture_output=True, check=False).returncode == 0


def workbook_against_yaml(python: str, size: int, repeat: int) -> None:
    """A structure workbook (the generated structure written with openpyxl, in the layout of
    ``orglint template``) read and linted, against linting its YAML twin, in the same run
    (issue 20: at most 3x)."""
    import yaml

    sys.path.insert(0, str(REPO))
    from tests.workbooks import write_workbook

    path = OUT / f"{size}.yaml"
    if not path.exists():
        write_structure(path, size)
    workbook = OUT / f"{size}.xlsx"
    if not workbook.exists() or workbook.stat().st_mtime < path.stat().st_mtime:
        with path.open(encoding="utf-8") as stream:
            write_workbook(yaml.load(stream, Loader=yaml.CSafeLoader), workbook)
    check = [python, "-m", "orglint", "check", "--isolated", "--output-format", "json"]
    yaml_s, _ = best_of(repeat, [*check, str(path)], OUT / f"{size}-yaml.json")
    workbook_s, _ = best_of(repeat, [*check, str(workbook)], OUT / f"{size}-xlsx.json")
    same = findings_in(OUT / f"{size}-yaml.json") == findings_in(OUT / f"{size}-xlsx.json")
    verdict = "ok" if workbook_s <= 3 * yaml_s else "over"
    # (no peak RSS: these children are forked from a parent that has just held the whole workbook)
    print(
        f"workbook: {size} posts {workbook_s:.2f} s, its YAML twin {yaml_s:.2f} s, "
        f"ratio {workbook_s / yaml_s:.2f} ({verdict}: at most 3); findings {'the same' if same else 'DIFFER'} in number"
    )


VIEWS_LIMIT = 1.5
"""Issue 21: each view at most 1.5x the time of `check` on the same files."""


COUNCIL_RULESETS = ["core", "uk-local-government", "leicestershire-odp", "carlisle-2009"]
"""Under these the generated structure has a finding on every post (100,000 at 100k): the
report's and the diff's tables at their largest."""


def views_against_check(python: str, size: int, repeat: int, rulesets: list[str]) -> None:
    """`tree`, `report` (each format) and `diff` (each format) on the generated structure, each
    against `check` of the same files (for `diff`, both versions: it lints both) under the same
    rulesets, timed in the same run, the output written to a file as a pipe would take it."""
    path = OUT / f"{size}.yaml"
    if not path.exists():
        write_structure(path, size)
    proposed = OUT / f"{size}-proposed.yaml"
    if not proposed.exists() or proposed.stat().st_mtime < path.stat().st_mtime:
        write_structure(proposed, size, proposed=True)
    orglint = [python, "-m", "orglint"]
    chosen = [option for name in rulesets for option in ("--ruleset", name)]
    one, both = [str(path), *chosen], [str(path), str(proposed), *chosen]
    check_one = fastest(repeat, [*orglint, "check", *one], OUT / f"{size}-check.txt")
    check_both = fastest(repeat, [*orglint, "check", *both], OUT / f"{size}-check-both.txt")
    views = [
        ("tree", ["tree", *one], check_one),
        ("report (terminal)", ["report", *one], check_one),
        ("report --format markdown", ["report", *one, "--format", "markdown"], check_one),
        ("report --format html", ["report", *one, "--format", "html"], check_one),
        ("diff (terminal)", ["diff", *both], check_both),
        ("diff --format json", ["diff", *both, "--format", "json"], check_both),
        ("diff --format markdown", ["diff", *both, "--format", "markdown"], check_both),
    ]
    print(
        f"views: {size} posts, {' '.join(chosen) or 'the default rulesets'} ({findings_in_text(OUT / f'{size}-check.txt')}); "
        f"check {check_one.wall:.2f} s ({check_one.cpu:.2f} s CPU), check of both versions (for diff) "
        f"{check_both.wall:.2f} s ({check_both.cpu:.2f} s CPU); ratios of wall and of CPU time"
    )
    for name, arguments, baseline in views:
        view = fastest(repeat, [*orglint, *arguments], OUT / f"{size}-view.out")
        wall, cpu = view.wall / baseline.wall, view.cpu / baseline.cpu
        verdict = "ok" if max(wall, cpu) <= VIEWS_LIMIT else "over"
        print(
            f"  {name:<26} {view.wall:>6.2f} s  ratio {wall:.2f}, CPU {view.cpu:>6.2f} s  ratio {cpu:.2f} "
            f"({verdict}: at most {VIEWS_LIMIT}) {view.megabytes:>5.0f} MB"
        )


def findings_in_text(report: Path) -> str:
    """What the full format's summary, the last line of ``check``'s output, says."""
    with report.open("rb") as stream:
        stream.seek(max(0, report.stat().st_size - 400))
        return stream.read().decode("utf-8", errors="replace").strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workbook-sizes", type=int, nargs="*", default=[20_000], help="posts in the workbook runs")
    parser.add_argument("--view-sizes", type=int, nargs="*", default=[100_000], help="posts in the tree/report/diff runs")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    python = sys.executable
    compileall.compile_dir(REPO / "orglint", quiet=1)
    floor = has_rapidyaml(python)
    rules = every_rule()
    print(f"orglint check --output-format json {' '.join(rules)}")
    header = f"{'posts':>9} {'orglint s':>10} {'PyYAML s':>9} {'ratio':>6} {'no-gc s':>8} {'ratio':>6}"
    header += f" {'ryml s':>7} {'ratio':>6}" if floor else ""
    print(header + f" {'orglint MB':>11} {'PyYAML MB':>10} {'findings':>10}")
    runs: list[tuple[int, dict[str, float]]] = []
    for size in args.sizes:
        path = OUT / f"{size}.yaml"
        if not path.exists():
            write_structure(path, size)
        report = OUT / f"{size}.json"
        lint_s, lint_mb = best_of(
            args.repeat, [python, "-m", "orglint", "check", str(path), "--output-format", "json", *rules], report
        )
        findings = findings_in(report)
        load_s, load_mb = best_of(args.repeat, [python, "-c", PYYAML, str(path)])
        bare_s, _ = best_of(args.repeat, [python, "-c", PYYAML_NO_GC, str(path)])
        line = f"{size:>9} {lint_s:>10.2f} {load_s:>9.2f} {lint_s / load_s:>6.3f} {bare_s:>8.2f} {lint_s / bare_s:>6.3f}"
        if floor:
            ryml_s, _ = best_of(args.repeat, [python, "-c", RAPIDYAML, str(path)])
            line += f" {ryml_s:>7.2f} {lint_s / ryml_s:>6.1f}"
        print(line + f" {lint_mb:>11.0f} {load_mb:>10.0f} {findings:>10}", flush=True)
        runs.append((size, {"orglint": lint_s, "PyYAML": load_s, "no-gc": bare_s, **({"ryml": ryml_s} if floor else {})}))
    # The bare loads' growth, from the same run, shows what the machine does to any program at
    # these sizes (memory beyond the first gigabyte or so costs more here): orglint's is judged.
    for (before, then), (after, now) in itertools.pairwise(runs):
        posts, seconds = after / before, now["orglint"] / then["orglint"]
        verdict = "ok" if seconds <= posts * 1.1 else "over"
        others = ", ".join(f"{name} x{now[name] / then[name]:.2f}" for name in now if name != "orglint")
        print(f"growth {before}→{after}: posts x{posts:g}, time x{seconds:.2f} ({verdict}: at most x{posts * 1.1:g}; {others})")

    for size in args.workbook_sizes:
        workbook_against_yaml(python, size, args.repeat)

    for size in args.view_sizes:
        views_against_check(python, size, args.repeat, [])
        views_against_check(python, size, args.repeat, COUNCIL_RULESETS)

    small = OUT / "50.yaml"
    write_structure(small, 50)
    check_s, _ = best_of(7, [python, "-m", "orglint", "check", str(small)])
    import_s, _ = best_of(7, [python, "-c", "import networkx"])
    print(
        f"pre-commit: 50 posts {check_s:.3f} s, `import networkx` {import_s:.3f} s, ratio {check_s / import_s:.2f} (target 2.5)"
    )

    seniors = sorted(ORGANOGRAMS.glob("*-senior.csv"), key=lambda p: p.stat().st_size) if ORGANOGRAMS.is_dir() else []
    if seniors:
        largest = seniors[-1]
        seconds, _ = best_of(3, [python, "-m", "orglint", "check", str(largest), "--output-format", "json"])
        print(f"organogram: {largest.name} (+ junior) {seconds:.2f} s (target: under 1 s)")
        tables = sorted(ORGANOGRAMS.glob("*.csv"))
        rows = sum(max(len(path.read_text(encoding="utf-8").splitlines()) - 1, 0) for path in tables)
        report = OUT / "organograms.json"
        all_s, all_mb = best_of(3, [python, "-m", "orglint", "check", str(ORGANOGRAMS), "--output-format", "json"], report)
        read_s, _ = best_of(3, [python, "-c", CSV_READ, *map(str, tables)])
        heading = ("organograms", 12), ("tables", 7), ("rows", 7), ("orglint s", 10), ("csv s", 6), ("ratio", 6), ("MB", 5)
        print(" ".join(f"{title:>{width}}" for title, width in heading) + f" {'findings':>9}")
        print(
            f"{'every one':>12} {len(tables):>7} {rows:>7} {all_s:>10.2f} {read_s:>6.2f} {all_s / read_s:>6.1f} "
            f"{all_mb:>5.0f} {findings_in(report):>9}"
        )

    # the language server's latency from a change to its diagnostics (its own script: it drives the server as an editor does)
    subprocess.run([python, str(Path(__file__).parent / "server_latency.py")], check=True)


if __name__ == "__main__":
    main()
