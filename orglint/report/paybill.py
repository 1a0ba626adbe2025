"""The pay bill: salary range × FTE, in total, by department and by tier; posts without pay counted.
For a council, the senior pay figures its statement of accounts and transparency publications
give: the pay multiple and the posts paid £50,000 or more in £5,000 brackets."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field

from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.report.departments import department_labels

NO_DEPARTMENT = "(no department)"


@dataclass
class PayLine:
    label: str
    key: object = None
    """What the line is of (a department's id, a tier): two versions' lines are matched by it,
    never by their labels, which two departments may share."""
    posts: int = 0
    """Entries counted: single posts and groups of posts."""
    groups: int = 0
    """Of ``posts``, the groups of posts (an organogram's junior rows)."""
    fte: float = 0.0
    minimum: float = 0.0
    maximum: float = 0.0
    without_pay: list[Post] = field(default_factory=list)

    def add(self, post: Post, pay_known: bool = True) -> None:
        self.posts += 1
        self.groups += post.group
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
    total = PayLine("Total", "total")
    labels = department_labels(run)
    departments: dict[str | None, PayLine] = {
        department_id: PayLine(label, ("department", department_id)) for department_id, label in labels.items()
    }
    tiers: dict[int | None, PayLine] = {}
    for post in run.structure.posts:  # every post written: two that share an id (S001) are two to pay
        pay_known = post.id not in left_out
        total.add(post, pay_known)
        if post.department not in departments:  # none, or one the structure does not define (S005)
            label = labels[post.department] if post.department is not None else NO_DEPARTMENT
            departments[post.department] = PayLine(label, ("undefined", post.department))
        departments[post.department].add(post, pay_known)
        if post.tier not in tiers:
            tiers[post.tier] = PayLine(f"Tier {post.tier}" if post.tier is not None else "(no tier)", ("tier", post.tier))
        tiers[post.tier].add(post, pay_known)
    by_department = [line for key, line in departments.items() if key is not None]
    if None in departments:
        by_department.append(departments[None])
    by_tier = [tiers[key] for key in sorted(tiers, key=lambda tier: (tier is None, tier or 0))]
    return PayBill(total, by_department, by_tier)


SENIOR_PAY_FROM = 50_000
SENIOR_PAY_BRACKET = 5_000
"""The Accounts and Audit Regulations 2015 (SI 2015/234), reg 7(3) and Schedule 1 para 1(1): a
Category 1 authority's statement of accounts notes "the number of employees ... whose remuneration
fell in each bracket of a scale in multiples of £5,000 starting with £50,000"."""


@dataclass
class PayMultiple:
    """An indication of the Local Government Transparency Code 2015's pay multiple ("the ratio
    between the highest paid taxable earnings for the given year ... and the median earnings figure
    of the whole of the authority's workforce"), not that figure: a structure holds posts and salary
    ranges, not the year's earnings. It takes the single posts with pay data, each once (whatever its
    FTE, vacancies included) at the midpoint of its range; groups of posts (junior staff counted by
    FTE) are left out, since a group's range says nothing of how its members' pay is spread, so the
    median leans towards the senior posts a structure models. The report says all of this beside it."""

    highest: Post
    highest_salary: float
    median_salary: float
    posts: int
    """The posts counted: every single post with pay data (not groups of posts)."""
    groups_left_out: int
    """The groups of posts with pay data that the median leaves out."""
    unpaid_above: list[Post]
    """Single posts above the highest paid one (a top post, or a higher tier) with no pay data:
    the highest salary may be theirs, and the multiple understated."""

    @property
    def ratio(self) -> float:
        return self.highest_salary / self.median_salary


@dataclass
class SeniorPay:
    multiple: PayMultiple | None
    """None when no post has pay data, or the median is £0."""
    paid: int
    """The single posts with pay data (the brackets count those paid £50,000 or more)."""
    brackets: list[tuple[int, int]]
    """(the bracket's lowest salary, posts in it), ascending, for each £5,000 bracket from £50,000
    that holds a post."""


def salary_point(post: Post) -> float | None:
    """The one figure a post's salary range stands for here: its midpoint."""
    return None if post.salary is None else (post.salary.min + post.salary.max) / 2


def _above(post: Post, highest: Post) -> bool:
    """Whether ``post`` stands above ``highest``: a top post over one that reports to someone, or a
    higher (smaller) tier."""
    if post.reports_to is None and highest.reports_to is not None:
        return True
    return post.tier is not None and highest.tier is not None and post.tier < highest.tier


def senior_pay(run: StructureRun) -> SeniorPay:
    """The pay multiple and the count of posts paid £50,000 or more in £5,000 brackets, each post
    at the midpoint of its salary range (a full-time figure, as the structure gives it)."""
    paid = [(post, point) for post in run.structure.posts if not post.group and (point := salary_point(post)) is not None]
    multiple = None
    if paid:
        highest, highest_salary = max(paid, key=lambda pair: pair[1])
        median_salary = statistics.median(point for _, point in paid)
        if median_salary > 0:
            groups = sum(1 for post in run.structure.posts if post.group and post.salary is not None)
            above = [post for post in run.structure.posts if not post.group and post.salary is None and _above(post, highest)]
            multiple = PayMultiple(highest, highest_salary, median_salary, len(paid), groups, above)
    brackets = Counter(
        SENIOR_PAY_FROM + SENIOR_PAY_BRACKET * int((point - SENIOR_PAY_FROM) // SENIOR_PAY_BRACKET)
        for _, point in paid
        if point >= SENIOR_PAY_FROM
    )
    return SeniorPay(multiple, len(paid), sorted(brackets.items()))
