from collections.abc import Iterator, Sequence

from orglint.diagnostics import Diagnostic, Severity
from orglint.model.schema import Located
from orglint.rules import CheckContext, Rule


class MissingCorporateResponsibility(Rule, code="R102", name="missing-corporate-responsibility", severity=Severity.ERROR):
    """A job profile (or a post without one) lacks a corporately agreed responsibility for its level.

    ## What it does
    For each job profile with a `level`, and each post without a profile that lists
    `responsibilities`, looks up the responsibilities the policy requires of that level (policy
    `roles.<role>.responsibilities`) and reports the ones missing, naming each with its wording,
    at the `responsibilities` key (or the profile's `id` when it lists none).

    ## Why
    Leicestershire's templates include "a number of corporately agreed responsibilities which
    senior managers are required to do as part of their role". Carlisle's job descriptions list
    the principal accountabilities of every Strategic Director (13) and Assistant Director (15)
    (CE 21/09); `carlisle-2009` holds them as the mandatory responsibilities of those levels.

    ## How to fix
    Add the missing responsibilities to the profile; keep local duties beside them.

    ## Example
    Failing (with the ruleset below): the template lacks `statutory-requirements`.

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./duties.yaml}
    profiles:
      - id: head-of-service
        level: head-of-service
        responsibilities: [budget-accountability]   # <- R102
    posts:
      - {id: AD, title: Assistant Director, tier: 1}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
      - {id: HOS3, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example County Council, type: other, ruleset: ./duties.yaml}
    profiles:
      - id: head-of-service
        level: head-of-service
        responsibilities: [budget-accountability, statutory-requirements, recruitment]
    posts:
      - {id: AD, title: Assistant Director, tier: 1}
      - {id: HOS1, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
      - {id: HOS2, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
      - {id: HOS3, title: Head of Service, reports_to: AD, tier: 2, profile: head-of-service}
    ```

    where `duties.yaml` is:

    ```yaml ruleset duties.yaml
    orglint-ruleset: 1
    name: duties
    extends: [core]
    rules: {R102: error}
    policy:
      roles:
        head-of-service:
          name: Head of Service
          responsibilities:
            budget-accountability: Budget accountability
            statutory-requirements: Meeting statutory requirements
    ```
    """

    basis = "Leicestershire ODP, 'Job Profiles': corporately agreed responsibilities; Carlisle CE 21/09: principal accountabilities of each level"
    fix = "Add the missing responsibilities to the job profile, keeping local duties beside them."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        for profile in context.structure.profiles:
            if profile.level is not None:
                yield from self._check(context, profile, profile.level, profile.responsibilities, f"profile {profile.id!r}", None)
        for post in context.graph.posts.values():
            if post.profile is None and post.responsibilities:
                role = context.role_of(post)
                if role is not None:
                    yield from self._check(context, post, role, post.responsibilities, f"post {post.id!r}", post.id)

    def _check(
        self, context: CheckContext, item: Located, role_id: str, held: Sequence[str], label: str, post: str | None
    ) -> Iterator[Diagnostic]:
        role = context.policy.roles.get(role_id)
        if role is None:
            return
        missing = [key for key in role.responsibilities if key not in held]
        if not missing:
            return
        listed = "; ".join(f"{key} ({role.responsibilities[key]})" for key in missing)
        span = context.key_span(item, "responsibilities") if "responsibilities" in item.origin else context.value_span(item, "id")
        yield self.finding(
            span,
            f"{label} lacks {len(missing)} corporately agreed responsibilit{'y' if len(missing) == 1 else 'ies'} "
            f"of the {role.name} level: {listed}",
            post=post,
        )
