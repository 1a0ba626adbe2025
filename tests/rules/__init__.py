"""One module per rule, named by its code and name (``test_d101_span_too_wide.py``): the edge
cases its docstring promises (at the limit and one over, absent data, several findings at once),
the exact place and post of each finding, and that no other rule of its ruleset fires.

The docstring examples themselves are run for every rule by ``tests/test_rule_docs.py``."""

from orglint.testing import where

__all__ = ["where"]
