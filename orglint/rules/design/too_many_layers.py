from collections.abc import Iterator

from pydantic import Field

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule, RuleSettings


class TooManyLayersSettings(RuleSettings):
    max_layers: int = Field(ge=1, description="The most layers allowed, the top post's layer being 1.")


class TooManyLayers(Rule[TooManyLayersSettings], code="D104", name="too-many-layers", severity=Severity.WARNING):
    """The structure has more layers than the ruleset allows.

    ## What it does
    Counts layers from the top post (layer 1) and reports each post on the first layer past
    `max-layers` (7 in `core`), with its line of command. Posts deeper still are not reported
    again: moving the first too-deep post moves them too.

    ## Why
    Every layer lengthens the line between the front line and the people who decide. Jaques
    found seven strata of work, from a day's time span to twenty years', enough for the
    largest organisation (Requisite Organization, 1989); a layer more is a manager and report
    doing work of one stratum. A council ruleset cites its own framework instead
    (`leicestershire-odp`: Director, Assistant Director, Head of Service, Team Manager).

    ## How to fix
    Remove a layer above the post (a one-over-one manager is a good candidate, see D103), or
    widen spans higher up.

    ## Example
    Failing (with `max-layers: 2`): `TM1` is on layer 3.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./flat.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: TM1, title: Team Manager, reports_to: AD1, tier: 3}   # <- D104
      - {id: TM2, title: Team Manager, reports_to: AD1, tier: 3}   # <- D104
      - {id: TM3, title: Team Manager, reports_to: AD1, tier: 3}   # <- D104
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: ./flat.yaml}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}
    ```

    where `flat.yaml` is:

    ```yaml ruleset flat.yaml
    orglint-ruleset: 1
    name: flat
    extends: [core]
    rules:
      D104: {max-layers: 2}
    ```
    """

    basis = "Design norm, layers: seven strata of work, from a day's to twenty years' time span, are enough for the largest organisation (Jaques, Requisite Organization, 1989); the limit is the ruleset's `max-layers`"
    fix = "Remove a layer above the post, or widen spans higher up."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        limit = self.settings.max_layers
        graph = context.graph
        # The posts reported share their managers' lines (eight to a manager, say): each
        # manager's line of command is written out once.
        managers_lines: dict[str, str] = {}
        for post_id, depth in graph.depth.items():
            if depth == limit:
                post = graph.posts[post_id]
                manager = post.reports_to
                assert manager is not None  # layer 1 is never past the limit (max-layers >= 1)
                above = managers_lines.get(manager)
                if above is None:
                    above = managers_lines[manager] = " > ".join(graph.chain(manager))
                line = f"{above} > {post_id}"
                yield self.finding(
                    context.post_span(post),
                    f"on layer {depth + 1} from the top ({line}); the ruleset allows {limit}",
                    post=post_id,
                )
