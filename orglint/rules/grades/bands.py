"""The bands a post's grade and pay must fall in, as policy gives them: shared by G101, G102 and
the audit report's grade-band figures, so the report counts exactly what the rules check."""

from __future__ import annotations

from orglint.model.schema import Post
from orglint.policy import Policy, Range, RolePolicy


def tier_band(policy: Policy, post: Post) -> tuple[RolePolicy, list[str]] | None:
    """The role the post's tier has and the grades it allows; ``None`` where the policy gives the
    tier no role or the role no grades (nothing to check)."""
    tier = policy.tiers.get(post.tier) if post.tier is not None else None
    if tier is None:
        return None
    role = policy.roles[tier.role]
    return (role, role.grades) if role.grades else None


def pay_band(policy: Policy, post: Post) -> Range | None:
    """The pay band of the post's grade; ``None`` where the policy gives none."""
    grade = policy.grades.get(post.grade) if post.grade is not None else None
    return grade.pay if grade is not None else None


def salary_within(band: Range, post: Post) -> bool:
    assert post.salary is not None
    return band.min <= post.salary.min and post.salary.max <= band.max
