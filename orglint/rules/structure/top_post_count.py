from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class TopPostCountSettings(RuleSettings):
    max_top_posts: int = Field(ge=1, description="How many posts may report to no one.")


class TopPostCount(Rule[TopPostCountSettings], code="S004", name="top-post-count", severity=Severity.ERROR):
    """Not exactly one top post (or more than the ruleset allows).

    ## What it does
    Counts the posts with no `reports_to`. With none, reports the structure at its
    `organisation` key; with more than the ruleset's `max-top-posts` (1 in `core`), reports
    each top post after the first, naming them all.

    ## Why
    A structure has one top post, which every line of accountability leads to (usually the
    chief executive); that is structural integrity, not a statute. A second post with no
    manager is usually a forgotten `reports_to`.

    ## How to fix
    Give each extra top post its manager. If the structure really has several heads (a
    shared-service partnership, say), raise `max-top-posts` in the ruleset.

    ## Example
    Failing: `AD2` has no manager.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, tier: 2}   # <- S004
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```
    """

    basis = "Structural integrity: one post heads the structure and every other reaches it by its reporting line; the ruleset's `max-top-posts` says how many may report to no one"
    fix = "Give each extra top post a `reports_to`, or raise `max-top-posts` in the ruleset."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        tops = context.graph.top_posts
        structure = context.structure
        if not tops and (structure.unusable_post_ids or context.graph.unplaced or "posts" in structure.unread_lists):
            return  # a post left out for format faults, or whose reporting line is unreadable (X002), may be the top one
        if not tops:
            yield self.finding(
                context.structure.organisation_span(),
                "no top post: every post reports to another, so nothing heads the structure"
                if context.graph.posts
                else "no top post: the structure has no posts",
            )
            return
        if len(tops) <= self.settings.max_top_posts:
            return
        names = ", ".join(post.id for post in tops[:10]) + (", ..." if len(tops) > 10 else "")
        for post in tops[self.settings.max_top_posts :]:
            span = context.given_span(post, "reports_to")
            yield self.finding(
                span,
                f"{post.id!r} reports to no one: {len(tops)} top posts ({names}), the ruleset allows {self.settings.max_top_posts}",
                post=post.id,
            )
