"""One module per rule, named by its code and name (``test_d101_span_too_wide.py``): the edge
cases its docstring promises (at the limit and one over, absent data, several findings at once),
the exact place and post of each finding, and that no other rule of its ruleset fires.

The docstring examples themselves are run for every rule by ``tests/test_rule_docs.py``."""


def where(text: str, line_with: str, value: str) -> str:
    """``"line:column"`` of ``value`` on the first line of ``text`` that holds ``line_with`` (at or
    after it): where a finding about that value must point."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line_with in line:
            return f"{number}:{line.index(value, line.index(line_with)) + 1}"
    raise ValueError(f"no line holds {line_with!r}")
