"""How far orglint's errors on published organograms agree with the publication validator's
rejections, row for row, per rule (issue 17).

The validator's verdicts come from ``tests/organogram_oracle.py``, a plain statement of the
checks of ``etl_to_csv.py`` (datagovuk/organograms) worked out from the rows with the csv module;
orglint's from one `orglint check --output-format json` run over the same files. A row counts
for a rule when the rule has an error on it (warnings are the schema's stricter text, not
rejections).

    .venv/bin/python bench/validator_agreement.py                      # tests/data/organograms
    .venv/bin/python bench/validator_agreement.py DIR ... [--show T110]  # other publications
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.organogram_oracle import ORGLINT_CODE, validator_errors  # noqa: E402

Row = tuple[str, int]
"""A table's file name and its row number (the header is row 1)."""


def senior_tables(paths: list[Path]) -> list[Path]:
    found = [p for path in paths for p in (sorted(path.glob("*-senior.csv")) if path.is_dir() else [path])]
    return sorted(set(found))


def junior_beside(senior: Path) -> Path | None:
    junior = senior.with_name(senior.name.replace("-senior.csv", "-junior.csv"))
    return junior if junior.is_file() else None


def validator_rows(seniors: list[Path]) -> dict[str, set[Row]]:
    rows: dict[str, set[Row]] = defaultdict(set)
    for senior in seniors:
        for check, cells in validator_errors(senior, junior_beside(senior)).items():
            rows[ORGLINT_CODE[check]].update((file, row) for file, row, _ in cells)
    return rows


def orglint_rows(seniors: list[Path]) -> dict[str, set[Row]]:
    command = [sys.executable, "-m", "orglint", "check", "--output-format", "json", *map(str, seniors)]
    document = json.loads(subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO).stdout)
    rows: dict[str, set[Row]] = defaultdict(set)
    for diagnostic in document["diagnostics"]:
        if diagnostic["severity"] == "error":
            rows[diagnostic["code"]].add((Path(diagnostic["file"]).name, diagnostic["line"]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[REPO / "tests" / "data" / "organograms"])
    parser.add_argument("--show", action="append", default=[], help="list the differing rows of this rule")
    args = parser.parse_args()
    seniors = senior_tables([path.resolve() for path in args.paths])
    expected, found = validator_rows(seniors), orglint_rows(seniors)
    print(f"{len(seniors)} senior tables (with their junior tables where published)")
    print(f"{'rule':<6} {'validator':>9} {'orglint':>8} {'both':>6} {'orglint only':>12} {'validator only':>14}")
    for code in sorted(set(expected) | {code for code in found if code.startswith("T")}):
        rejected, reported = expected.get(code, set()), found.get(code, set())
        print(
            f"{code:<6} {len(rejected):>9} {len(reported):>8} {len(rejected & reported):>6} "
            f"{len(reported - rejected):>12} {len(rejected - reported):>14}"
        )
    for code in args.show:
        rejected, reported = expected.get(code, set()), found.get(code, set())
        for label, rows in (("orglint only", reported - rejected), ("validator only", rejected - reported)):
            for file, row in sorted(rows):
                print(f"{code} {label}: {file}:{row}")


if __name__ == "__main__":
    main()
