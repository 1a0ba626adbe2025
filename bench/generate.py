"""Generate synthetic, valid N-post structure files for the benchmark.

The tree is balanced (each manager has up to ``SPAN`` reports, filled in breadth-first order),
so depth grows with log(N) and the layer and span rules see realistic shapes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

SPAN = 8
DEPARTMENTS = ("resources", "people", "places", "children", "adults", "governance")
FUNCTIONS = ("strategic-commissioning", "operational-commissioning", "provider", "support")


RESTRUCTURED_EVERY = 97
"""In the proposed version (``diff``'s benchmark), every 97th post is regraded with a raise."""


def post_yaml(index: int, proposed: bool = False) -> str:
    post_id = f"P{index:07d}"
    depth = 0
    i = index
    while i > 0:
        i = (i - 1) // SPAN
        depth += 1
    manager = "null" if index == 0 else f"P{(index - 1) // SPAN:07d}"
    department = DEPARTMENTS[index % len(DEPARTMENTS)]
    salary_min = 20000 + (index % 50) * 500
    grade = 10 + index % 8
    if proposed and index % RESTRUCTURED_EVERY == 0:
        salary_min, grade = salary_min + 1500, grade + 1
    return (
        f"  - id: {post_id}\n"
        f"    title: Officer {index}\n"
        f"    reports_to: {manager}\n"
        f"    tier: {depth + 1}\n"
        f"    department: {department}\n"
        f"    function: {FUNCTIONS[index % len(FUNCTIONS)]}\n"
        f"    grade: G{grade}\n"
        f"    salary: {{min: {salary_min}, max: {salary_min + 4000}}}\n"
        f"    fte: 1.0\n"
        f"    holder: Holder {index}\n"
        f"    evaluation:\n"
        f"      scheme: HAY\n"
        f"      date: 2024-03-{1 + index % 28:02d}\n"
        f"      grade: G{10 + index % 8}\n"
        f"      rationale: Evaluated against the job family profile.\n"
    )


def structure_yaml(posts: int, proposed: bool = False) -> str:
    """``proposed``: the same structure restructured for ``diff`` (posts regraded, and 1% more posts
    added under the second post)."""
    head = [
        "orglint: 1\n",
        "organisation:\n  name: Benchmark Borough Council\n  type: district\n  ruleset: core\n",
        "departments:\n",
    ]
    head += [f"  - id: {d}\n    name: {d.title()}\n" for d in DEPARTMENTS]
    head.append("posts:\n")
    body = "".join(post_yaml(i, proposed) for i in range(posts))
    if proposed:
        body += "".join(
            post_yaml(i, proposed).replace(f"reports_to: P{(i - 1) // SPAN:07d}", "reports_to: P0000001")
            for i in range(posts, posts + posts // 100)
        )
    return "".join(head) + body


def write_structure(path: Path, posts: int, proposed: bool = False) -> Path:
    path.write_text(structure_yaml(posts, proposed), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("posts", type=int)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    write_structure(args.output, args.posts)


if __name__ == "__main__":
    main()
