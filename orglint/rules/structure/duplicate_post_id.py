from collections.abc import Iterator

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule


class DuplicatePostId(Rule, code="S001", name="duplicate-post-id", severity=Severity.ERROR):
    """Two posts share an id.

    ## What it does
    Reports every post whose `id` was already used by an earlier post, in the same file or in
    another file of the structure, and says where the first one is.

    ## Why
    A post id is how reporting lines, business partners and designations name a post. Two
    posts with one id make every reference to it ambiguous: the posts reporting to it are
    judged under neither (their tiers, grades and spans wait for the id to name one post), and
    the designations of both count.

    ## How to fix
    Give one of the two posts an id of its own (the council's post number is a good choice): the
    one written by mistake, which need not be the later. Point any `reports_to` meant for it at
    the new id.

    ## Example
    Failing: two posts are `AD1`.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director (Resources), reports_to: CE, tier: 2}
      - {id: AD1, title: Assistant Director (Governance), reports_to: CE, tier: 2}   # <- S001
      - {id: AD3, title: Assistant Director (Places), reports_to: CE, tier: 2}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director (Resources), reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director (Governance), reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director (Places), reports_to: CE, tier: 2}
    ```
    """

    basis = "Structural integrity (orglint structure format 1, docs/structure-format.md): a post id names one post"
    fix = "Give one of the two posts an id of its own, and point each `reports_to` meant for it at the new id."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for post, first in context.graph.duplicates:
            span, first_file = context.post_span(post), context.post_span(first).file
            elsewhere = f" in {first_file}" if first_file != span.file else ""  # a file, never a line: see location_free
            yield self.finding(span, f"post id {post.id!r} is already used by {first.title!r}{elsewhere}", post=post.id)
