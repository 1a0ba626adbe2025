"""What is wrong with a job-evaluation record: one test each, shared by E102, E103, E104 and the
audit report's evaluation coverage, so the figures and the findings cannot disagree."""

from __future__ import annotations

import datetime
from enum import Enum

from orglint.model.schema import Evaluation, Post, Profile


def missing_fields(record: Evaluation, required: list[str]) -> list[str]:
    """The required fields the record leaves empty (E102)."""
    return [name for name in required if getattr(record, name, None) is None]


def evaluated_at_other_grade(post: Post) -> bool:
    """The record names a grade, and it is not the post's (E103)."""
    record = post.evaluation
    return record is not None and record.grade is not None and post.grade is not None and record.grade != post.grade


class DateFault(Enum):
    FUTURE = "future"
    BEFORE_PROFILE = "before the profile changed"


def date_fault(record: Evaluation, profile: Profile | None, now: datetime.date) -> DateFault | None:
    """Dated in the future, or before the post's job profile last changed (E104)."""
    if record.date is None:
        return None
    if record.date > now:
        return DateFault.FUTURE
    if profile is not None and profile.updated is not None and record.date < profile.updated:
        return DateFault.BEFORE_PROFILE
    return None
