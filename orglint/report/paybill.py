"""The pay bill: salary range × FTE, in total, by department and by tier; posts without pay counted."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from orglint.engine import StructureRun
from orglint.model.schema import Post

NO_DEPARTMENT = "(no department)"


@dataclass
class PayLine:
    label: str
    posts: int = 0
    fte: float = 0.0
    minimum: float = 0.0
    maximum: float = 0.0
    without_pay: list[Post] = field(default_factory=list)

    def add(self, post: Post, pay_known: bool = True) -> None:
        self.posts += 1
        self.fte += post.fte
        if post.salary is None or not pay_known:
            self.without_pay.append(post)
        else:
            self.minimum += post.salary.min * post.fte
            self.maximum += post.salary.max * post.fte


@dataclass
class PayBill:
    total: PayLine
    by_department: list[PayLine]
    by_tier: list[PayLine]


def pay_bill(run: StructureRun, left_out: Set[str] = frozenset()) -> PayBill:
    """``left_out``: posts counted as without pay whatever their salary (``diff`` leaves out of both
    versions a post whose pay only one of them knows)."""
    names = {department.id: department.name or department.id for department in run.structure.departments}
    total = PayLine("Total")
    departments: dict[str | None, PayLine] = {key: PayLine(name) for key, name in names.items()}
    tiers: dict[int | None, PayLine] = {}
    for post in run.graph.posts.values():
        pay_known = post.id not in left_out
        total.add(post, pay_known)
        if post.department not in departments:
            departments[post.department] = PayLine(post.department or NO_DEPARTMENT)
        departments[post.department].add(post, pay_known)
        if post.tier not in tiers:
            tiers[post.tier] = PayLine(f"Tier {post.tier}" if post.tier is not None else "(no tier)")
        tiers[post.tier].add(post, pay_known)
    by_department = [line for key, line in departments.items() if key is not None]
    if None in departments:
        by_department.append(departments[None])
    by_tier = [tiers[key] for key in sorted(tiers, key=lambda tier: (tier is None, tier or 0))]
    return PayBill(total, by_department, by_tier)
