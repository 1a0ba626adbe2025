"""Job-evaluation coverage (posts evaluated, missing, incomplete, stale) and grade-band conformance,
counted with the rules' own settings and helpers so the report and the findings agree."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TypeVar

from orglint.clock import today
from orglint.engine import StructureRun
from orglint.model.schema import Post
from orglint.rules import RuleSettings
from orglint.rules.evaluation._records import date_fault, evaluated_at_other_grade, missing_fields
from orglint.rules.evaluation._scope import EvaluationScope, in_scope
from orglint.rules.evaluation.evaluation_incomplete import EvaluationIncompleteSettings
from orglint.rules.grades._bands import level_band, pay_band, salary_within

SettingsT = TypeVar("SettingsT", bound=RuleSettings)


@dataclass
class EvaluationCoverage:
    scope: str
    """Which posts need a record: all, or from a grade up (E101's setting)."""
    in_scope: list[Post] = field(default_factory=list)
    evaluated: list[Post] = field(default_factory=list)
    missing: list[Post] = field(default_factory=list)
    incomplete: list[Post] = field(default_factory=list)
    """Records lacking a field E102 requires."""
    stale: list[Post] = field(default_factory=list)
    """Evaluated before the post's job profile last changed, or dated in the future (E104)."""
    grade_mismatch: list[Post] = field(default_factory=list)
    """Evaluated at another grade than the post holds (E103)."""
    grade_in_band: list[Post] = field(default_factory=list)
    grade_outside_band: list[Post] = field(default_factory=list)
    grade_unchecked: list[Post] = field(default_factory=list)
    """No grade, or no band the policy gives for the post's level (its profile's, else its tier's)."""
    pay_in_band: list[Post] = field(default_factory=list)
    pay_outside_band: list[Post] = field(default_factory=list)
    pay_unchecked: list[Post] = field(default_factory=list)


def _settings(run: StructureRun, code: str, default: SettingsT) -> SettingsT:
    """The settings the rule ran with, else its defaults (the report counts even where it did not run)."""
    for rule in run.rules:
        if rule.code == code and isinstance(rule.settings, type(default)):
            return rule.settings
    return default


def evaluation_coverage(run: StructureRun, now: datetime.date | None = None) -> EvaluationCoverage:
    now = now or today()
    policy = run.context.policy
    scope = _settings(run, "E101", EvaluationScope())
    required = _settings(run, "E102", EvaluationIncompleteSettings()).required
    coverage = EvaluationCoverage("all posts" if scope.from_grade is None else f"posts graded {scope.from_grade} or above")
    for post in run.graph.posts.values():
        band = level_band(run.context, post) if post.grade is not None else None
        if band is None:
            coverage.grade_unchecked.append(post)
        else:
            (coverage.grade_in_band if post.grade in band.grades else coverage.grade_outside_band).append(post)
        pay = pay_band(policy, post) if post.salary is not None else None
        if pay is None:
            coverage.pay_unchecked.append(post)
        else:
            (coverage.pay_in_band if salary_within(pay, post) else coverage.pay_outside_band).append(post)

        if not in_scope(policy, scope, post):
            continue
        coverage.in_scope.append(post)
        record = post.evaluation
        if record is None:
            coverage.missing.append(post)
            continue
        coverage.evaluated.append(post)
        if missing_fields(record, required):
            coverage.incomplete.append(post)
        profile = run.context.profiles.get(post.profile) if post.profile is not None else None
        if date_fault(record, profile, now) is not None:
            coverage.stale.append(post)
        if evaluated_at_other_grade(post):
            coverage.grade_mismatch.append(post)
    return coverage
