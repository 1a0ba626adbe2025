"""The bands a post's grade and pay must fall in, as policy gives them: shared by G101, G102 and
the audit report's grade-band figures, so the report counts exactly what the rules check."""

from __future__ import annotations

from dataclasses import dataclass

from orglint.model.schema import Post
from orglint.policy import Policy, Range, RolePolicy
from orglint.rules import CheckContext


@dataclass(frozen=True)
class LevelBand:
    """The grades a post's level allows, and where its level comes from."""

    role_id: str
    role: RolePolicy
    by_profile: bool
    """The level is the job profile's ``level`` (else the role the policy gives the declared tier)."""

    @property
    def grades(self) -> list[str]:
        return self.role.grades


def level_band(context: CheckContext, post: Post) -> LevelBand | None:
    """The band of the post's level: its job profile's ``level``, else the role the policy gives
    its declared ``tier``; never its depth in the reporting lines (a Head of Service reporting
    straight to the Chief Executive is still a Head of Service) nor its grade (which the band
    judges). ``None`` where the post has no level, or the level no grades (nothing to check)."""
    profile = context.profiles.get(post.profile) if post.profile is not None else None
    level = profile.level if profile is not None else None
    by_profile = level is not None
    if level is None:
        tier = context.policy.tiers.get(post.tier) if post.tier is not None else None
        level = tier.role if tier is not None else None
    role = context.policy.roles.get(level) if level is not None else None  # an unknown level is R103's
    return LevelBand(level, role, by_profile) if level is not None and role is not None and role.grades else None


def pay_band(policy: Policy, post: Post) -> Range | None:
    """The pay band of the post's grade; ``None`` where the policy gives none."""
    grade = policy.grades.get(post.grade) if post.grade is not None else None
    return grade.pay if grade is not None else None


def salary_within(band: Range, post: Post) -> bool:
    assert post.salary is not None
    return band.min <= post.salary.min and post.salary.max <= band.max
