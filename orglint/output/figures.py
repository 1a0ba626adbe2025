"""Figures and lists of posts in words, as the report and the diff both say them (``£1,250``,
``2.5``, ``3 posts``, ``2 holders (job share)``, ``CE, D1 and 30 more``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from orglint.model.schema import Post

if TYPE_CHECKING:
    from orglint.report.shape import Shape

MAX_LISTED = 25
"""Posts listed by id under a figure before the list says "and N more"."""


def money(amount: float) -> str:
    return f"£{amount:,.0f}"


def number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def posts_and_groups(entries: int, groups: int) -> str:
    """``10 posts and 152 groups of posts``: of ``entries``, the single posts and the groups of posts
    (an organogram's junior rows) told apart; no groups, no word of them."""
    if not groups:
        return plural(entries, "post")
    return f"{plural(entries - groups, 'post')} and {plural(groups, 'group')} of posts"


def entries(posts: Collection[Post]) -> str:
    """``posts_and_groups`` of these entries."""
    return posts_and_groups(len(posts), sum(post.group for post in posts))


def holder_count(count: int) -> str:
    return "1 holder" if count == 1 else f"{count:,} holders (job share)"


def post_list(posts: Iterable[Post]) -> str:
    posts = list(posts)
    shown = ", ".join(post.id for post in posts[:MAX_LISTED])
    return shown + (f" and {len(posts) - MAX_LISTED:,} more" if len(posts) > MAX_LISTED else "")


def span_range(shape: Shape) -> str | None:
    """The spans of control as "min / median / max" (None when no post manages any)."""
    median = shape.span_median
    return f"{shape.spans[0]} / {number(median)} / {shape.spans[-1]}" if median is not None else None
