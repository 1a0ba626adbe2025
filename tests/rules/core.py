"""Structures under the ``core`` ruleset for the structure (S) and design (D) rules' tests."""

HEAD = "orglint: 1\norganisation: {name: Example District Council, type: district, ruleset: core}\nposts:\n"

CLEAN = HEAD + (
    "  - {id: CE, title: Chief Executive, tier: 1}\n"
    "  - {id: AD1, title: Assistant Director, reports_to: CE, tier: 2}\n"
    "  - {id: AD2, title: Assistant Director, reports_to: CE, tier: 2}\n"
    "  - {id: AD3, title: Assistant Director, reports_to: CE, tier: 2}\n"
)


def team(manager: str, count: int, tier: int, prefix: str = "P") -> str:
    """``count`` posts reporting to ``manager``, one a line, ids ``{prefix}1``..."""
    return "".join(
        f"  - {{id: {prefix}{number}, title: Officer, reports_to: {manager}, tier: {tier}}}\n" for number in range(1, count + 1)
    )


def ruleset(rules: str, extends: str = "core") -> dict[str, str]:
    """A ruleset file ``ours.yaml`` extending ``extends`` with ``rules`` (YAML flow mapping lines)."""
    return {"ours.yaml": f"orglint-ruleset: 1\nname: ours\nextends: [{extends}]\nrules:\n{rules}"}


OURS = HEAD.replace("ruleset: core", "ruleset: ./ours.yaml")
