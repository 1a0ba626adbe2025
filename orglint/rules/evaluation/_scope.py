"""Which posts the evaluation rules look at: all of them, or those from a grade up."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from orglint.model.schema import Post
from orglint.policy import Policy
from orglint.rules import CheckContext, RuleSettings


class EvaluationScope(RuleSettings):
    from_grade: str | None = Field(
        default=None, description="Only posts on this grade or ranked above it; all posts if not given."
    )


def in_scope(policy: Policy, scope: EvaluationScope, post: Post) -> bool:
    if scope.from_grade is None:
        return True
    threshold = policy.rank(scope.from_grade)
    rank = policy.rank(post.grade)
    return threshold is not None and rank is not None and rank >= threshold


def posts_in_scope(context: CheckContext, scope: EvaluationScope) -> Iterator[Post]:
    return (post for post in context.graph.posts.values() if in_scope(context.policy, scope, post))
