"""A short run of the fuzz target (tests/fuzz.py) in the suite: corpus files mutated at random,
checked for exceptions and out-of-file positions. Run the script for longer campaigns."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import SUFFIXES, check_bytes, mutate, seeds

pytestmark = pytest.mark.slow  # fuzzing

EXAMPLES = int(os.environ.get("ORGLINT_FUZZ_EXAMPLES", "120"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    seed=st.sampled_from(seeds()),
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), max_size=6),
    suffix=st.sampled_from(SUFFIXES),
)
def test_mutated_corpus_inputs_never_crash(seed: bytes, edits: list[tuple[float, bytes]], suffix: str) -> None:
    check_bytes(mutate(seed, edits), suffix)
