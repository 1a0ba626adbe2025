"""Which posts the evaluation rules look at: all of them, or those from a grade up."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from orglint.model.schema import Post
from orglint.rules import CheckContext, RuleSettings


class EvaluationScope(RuleSettings):
    from_grade: str | None = Field(
        default=None, description="Only posts on this grade or ranked above it; all posts if not given."
    )


def posts_in_scope(context: CheckContext, scope: EvaluationScope) -> Iterator[Post]:
    threshold = context.policy.rank(scope.from_grade) if scope.from_grade is not None else None
    for post in context.graph.posts.values():
        if scope.from_grade is None:
            yield post
            continue
        rank = context.policy.rank(post.grade)
        if threshold is not None and rank is not None and rank >= threshold:
            yield post
