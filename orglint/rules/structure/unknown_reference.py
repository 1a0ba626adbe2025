from collections.abc import Iterator
from functools import cached_property

from orglint.diagnostics import Diagnostic, Severity
from orglint.rules import CheckContext, Rule
from orglint.suggest import Suggester, did_you_mean


class UnknownReference(Rule, code="S005", name="unknown-reference", severity=Severity.ERROR):
    """A department, profile or business partner reference names nothing.

    ## What it does
    Reports a post's `department` that is not a department id, a post's `profile` that is not
    a profile id, and a department's business partner that is not a post id.

    ## Why
    Departments, job profile templates and business partners are how the design principles
    are checked: Leicestershire's framework gives every department "an allocated Business
    Partner" for HR, Finance, ICT, Transformation and Property, and every senior post a "set
    job profile template which has to be used". A reference to nothing silently escapes
    those checks.

    ## How to fix
    Correct the id, or add the department, profile or post it should name.

    ## Example
    Failing: there is no `finance` department.

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    departments:
      - {id: resources, name: Resources}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, department: finance}   # <- S005
    ```

    Passing:

    ```yaml
    orglint: 1
    organisation: {name: Example District Council, type: district, ruleset: core}
    departments:
      - {id: resources, name: Resources}
    posts:
      - {id: CE, title: Chief Executive, tier: 1}
      - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2, department: resources}
      - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2, department: resources}
      - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2, department: resources}
    ```
    """

    basis = "Structural integrity: a department, job profile or business partner that is named exists"
    fix = "Correct the id, or add the department, profile or post it should name."

    def check(self, context: CheckContext) -> Iterator[Diagnostic]:
        structure = context.structure
        departments = _Ids("department", {department.id: department.name for department in structure.departments})
        profiles = _Ids("profile", {profile.id: profile.title for profile in structure.profiles})
        posts = context.graph.posts
        unread = structure.unread_lists  # a list that could not be read (X002) may hold what is named
        for post in structure.posts:
            if post.department is not None and post.department not in departments.ids and "departments" not in unread:
                yield self.finding(
                    context.value_span(post, "department"),
                    f"department {post.department!r} is not defined{departments.hint(post.department)}",
                    post=post.id,
                )
            if post.profile is not None and post.profile not in profiles.ids and "profiles" not in unread:
                yield self.finding(
                    context.value_span(post, "profile"),
                    f"profile {post.profile!r} is not defined{profiles.hint(post.profile)}",
                    post=post.id,
                )
        partners = _Ids("post", dict.fromkeys(posts))  # by id alone: many posts share a title
        for department in structure.departments:
            named = department.business_partners
            if named is None:
                continue
            for area, post_id in named.named().items():
                if post_id not in posts and post_id not in structure.unusable_post_ids and "posts" not in unread:
                    yield self.finding(
                        context.value_span(department, "business_partners", area),
                        f"department {department.id!r}: {area} business partner {post_id!r} is not a post"
                        f"{partners.hint(post_id)}",
                        department=department.id,
                    )


class _Ids:
    """The ids of one kind of record, with what a reference to none of them may mean: an id it is
    a slip for, or the name of a record that has an id (a spreadsheet's "Place" for ``plc``)."""

    def __init__(self, kind: str, names: dict[str, str | None]) -> None:
        self.kind, self.ids = kind, names

    # both made at the first miss: most structures have none
    @cached_property
    def _suggester(self) -> Suggester:
        return Suggester(self.ids)

    @cached_property
    def _by_name(self) -> dict[str, str]:
        by_name: dict[str, str] = {}
        for record_id, name in self.ids.items():
            if name:
                by_name.setdefault(name.strip().casefold(), record_id)
        return by_name

    def hint(self, written: str) -> str:
        named = self._by_name.get(written.strip().casefold())
        if named is not None:
            return f" (it is the name of {self.kind} {named!r}: give its id)"
        return did_you_mean(self._suggester.closest(written))
