"""The diff (``orglint.diff.compare``) as JSON (the shape the README documents)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from orglint import __version__
from orglint.diff.compare import CostLine, Diff, PayUnknown, Version
from orglint.diff.findings import ChangedFinding
from orglint.model.schema import Post
from orglint.output.check.json_format import diagnostic_json, json_safe
from orglint.report.paybill import PayLine
from orglint.safe_text import safe_data


def _post(post: Post) -> dict[str, Any]:
    return {"id": post.id, "title": post.title, "reports_to": post.reports_to, "grade": post.grade, "group": post.group}


def _pounds(amount: float) -> float:
    """An amount of money to the penny: sums of range × FTE carry float noise (682037.6799999999)."""
    return round(amount, 2) + 0.0  # + 0.0: never -0.0


def _range(low: float, high: float) -> dict[str, float]:
    return {"min": _pounds(low), "max": _pounds(high)}


def _cost(line: CostLine) -> dict[str, Any]:
    def paid(side: PayLine | None) -> bool:
        return side is not None and side.posts > len(side.without_pay)

    def amounts(side: PayLine | None) -> dict[str, float] | None:
        """The side's sum; null where it counts no post's pay (a sum of nothing is not £0)."""
        return _range(side.minimum, side.maximum) if side is not None and paid(side) else None

    def left_out(side: PayLine | None) -> list[str]:
        return [post.id for post in side.without_pay] if side is not None else []

    low, high = line.delta
    return {
        "label": line.label,
        "before": amounts(line.before),
        "after": amounts(line.after),
        "delta": _range(low, high) if paid(line.before) or paid(line.after) else None,
        "partial": line.partial,
        "pay_unknown": {"before": left_out(line.before), "after": left_out(line.after)},
    }


def _pay(post: Post | None) -> dict[str, float] | str | None:
    """A post's pay in one version: its range, "unknown", or None where the version has no such post."""
    if post is None:
        return None
    return _range(post.salary.min, post.salary.max) if post.salary is not None else "unknown"


def _pay_unknown(entry: PayUnknown) -> dict[str, Any]:
    return {"post": entry.post.id, "title": entry.post.title, "before": _pay(entry.before), "after": _pay(entry.after)}


def _changed(change: ChangedFinding) -> dict[str, Any]:
    return {
        "post": change.post,
        "department": change.department,
        "family": change.family,
        "before": [diagnostic_json(d) for d in change.before],
        "after": [diagnostic_json(d) for d in change.after],
    }


def _shape(version: Version) -> dict[str, Any]:
    shape = version.shape
    return {
        "headcount": shape.headcount,
        "posts": shape.posts,
        "job_shares": [post.id for post in shape.job_shares],
        "groups": shape.groups,
        "fte": shape.fte,
        "layers": shape.layers,
        "managers": shape.managers,
        "span": {"min": shape.spans[0], "median": shape.span_median, "max": shape.spans[-1]} if shape.spans else None,
        "span_histogram": {str(span): count for span, count in shape.span_histogram},
        "one_over_one": [post.id for post in shape.one_over_one],
    }


def _safe(value: Any) -> Any:
    """A JSON value with each of its strings (the structures' data, the labels of the paths
    given) carried as check's JSON carries them: as they are, ``::`` included, but no control or
    bidi character a reader would decode raw (``jq -r`` writing an escape sequence into a CI log)."""
    if isinstance(value, str):
        return safe_data(value)
    if isinstance(value, list):
        return [_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: _safe(item) for key, item in value.items()}
    return value


def render(diff: Diff, stream: TextIO) -> None:
    posts = diff.posts
    document = {
        "orglint": __version__,
        "before": diff.old.label,
        "after": diff.new.label,
        "posts": {
            "added": [_post(post) for post in posts.added],
            "deleted": [_post(post) for post in posts.deleted],
            "renumbered": [{"before": old.id, "after": new.id, "title": new.title} for old, new in posts.renumbered],
            **{key: [asdict(change) for change in changes] for key, _, changes in posts.categories()},
        },
        "designations": [asdict(move) for move in posts.designations],
        "cost": {
            "total": _cost(diff.cost_total),
            "by_department": [_cost(line) for line in diff.cost_by("by_department")],
            "by_tier": [_cost(line) for line in diff.cost_by("by_tier")],
            "partial": bool(diff.pay_unknown),
            "pay_unknown": [_pay_unknown(entry) for entry in diff.pay_unknown],
        },
        "shape": {"before": _shape(diff.old), "after": _shape(diff.new)},
        "findings": {
            "introduced": [diagnostic_json(d) for d in diff.findings.introduced],
            "changed": [_changed(change) for change in diff.findings.changed],
            "resolved": [diagnostic_json(d) for d in diff.findings.resolved],
            "persisting": len(diff.findings.persisting),
        },
    }
    # the `##` of a log command, as check's JSON writes it: a JSON escape, which a reader decodes
    stream.write(json_safe(json.dumps(_safe(document), indent=2, ensure_ascii=False)) + "\n")
