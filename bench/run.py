"""orglint's benchmark: end-to-end check time as a ratio to PyYAML's bare C load (SPEC section 9).

For each size N, in one run: generate an N-post structure, then time
  * orglint: `python -m orglint check FILE --output-format json` (load with positions, validate,
    graph, every rule of the ruleset, JSON written), as a fresh process;
  * the baseline: `yaml.load(open(FILE), Loader=yaml.CSafeLoader)` as a plain script, default settings;
and print both, their ratio and each process's peak RSS. Ratios, not seconds, are the figures to
compare across machines. Also measures pre-commit latency: a 50-post check against
`python -c "import networkx"`.

    .venv/bin/python bench/run.py                 # 1k, 10k, 100k
    .venv/bin/python bench/run.py --sizes 1000000 # the million-post run
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import write_structure

OUT = Path(__file__).parent / "out"
BASELINE = "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one child process."""
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def best_of(repeat: int, command: list[str]) -> tuple[float, float]:
    runs = [timed(command) for _ in range(repeat)]
    return min(run[0] for run in runs), max(run[1] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    python = sys.executable

    print(f"{'posts':>9} {'orglint s':>10} {'baseline s':>11} {'ratio':>6} {'orglint MB':>11} {'baseline MB':>12}")
    previous: tuple[int, float] | None = None
    growth = []
    for size in args.sizes:
        path = OUT / f"{size}.yaml"
        if not path.exists():
            write_structure(path, size)
        lint_s, lint_mb = best_of(args.repeat, [python, "-m", "orglint", "check", str(path), "--output-format", "json"])
        base_s, base_mb = best_of(args.repeat, [python, "-c", BASELINE, str(path)])
        print(f"{size:>9} {lint_s:>10.2f} {base_s:>11.2f} {lint_s / base_s:>6.3f} {lint_mb:>11.0f} {base_mb:>12.0f}", flush=True)
        if previous is not None:
            growth.append(f"{previous[0]}→{size}: posts x{size / previous[0]:g}, time x{lint_s / previous[1]:.2f}")
        previous = (size, lint_s)
    for line in growth:
        print("growth", line)

    small = OUT / "50.yaml"
    write_structure(small, 50)
    check_s, _ = best_of(5, [python, "-m", "orglint", "check", str(small)])
    import_s, _ = best_of(5, [python, "-c", "import networkx"])
    print(f"pre-commit: 50 posts {check_s:.3f} s, `import networkx` {import_s:.3f} s, ratio {check_s / import_s:.2f}")


if __name__ == "__main__":
    main()
