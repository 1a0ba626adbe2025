"""Fuzzing orglint's loaders and the whole check: bytes in, and whatever they are, orglint must
answer with findings at positions inside the file, never an exception.

    .venv/bin/pip install atheris                      # coverage-guided, when available
    .venv/bin/python tests/fuzz.py --minutes 10        # atheris if installed, else hypothesis
    .venv/bin/python tests/fuzz.py --minutes 10 --hypothesis

Inputs start from the bad-input corpus (tests/corpus) and are mutated from there. The test suite
runs a short hypothesis pass of the same target (tests/test_fuzz.py). A crash is saved under
tests/fuzz-crashes/ (atheris: crash-* files) for a regression case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from orglint.config import ConfigError  # noqa: E402
from orglint.engine import LintOptions, lint  # noqa: E402
from orglint.load.source import display_path, text_lines  # noqa: E402
from orglint.ruleset import RulesetError  # noqa: E402

CORPUS = HERE / "corpus"
WORK = Path(tempfile.mkdtemp(prefix="orglint-fuzz-"))
SUFFIXES = (".yaml", ".csv")


def seeds() -> list[bytes]:
    return [path.read_bytes() for path in sorted(CORPUS.glob("*")) if path.suffix in (*SUFFIXES, ".xlsx")]


def check_bytes(data: bytes, suffix: str = ".yaml") -> None:
    """The property: lint never raises, and every finding lies inside its file (for a YAML file,
    on a line it has, at most one column past that line's end)."""
    path = WORK / f"input-senior{suffix}"
    path.write_bytes(data)
    try:
        result = lint([path], LintOptions(isolated=True))
    except (RulesetError, ConfigError):
        return  # a ruleset the file names that does not exist: a usage error (exit 2), as it should be
    lines = text_lines(data.decode("utf-8", errors="replace"))
    shown = display_path(path)
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        assert span.line >= 1 and span.column >= 1, diagnostic
        if span.file == shown and span.header is None and suffix == ".yaml" and lines:
            assert span.line <= len(lines), diagnostic
            assert span.column <= len(lines[span.line - 1]) + 1, (diagnostic, lines[span.line - 1])


def _atheris(minutes: float) -> None:
    import atheris

    def target(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
        check_bytes(provider.ConsumeBytes(len(data)), suffix)

    seed_folder = WORK / "seeds"
    seed_folder.mkdir()
    for index, seed in enumerate(seeds()):
        (seed_folder / f"seed-{index}").write_bytes(b"\x00" + seed)
    atheris.instrument_all()  # coverage for the already imported orglint modules
    atheris.Setup([sys.argv[0], f"-max_total_time={int(minutes * 60)}", str(seed_folder)], target)
    atheris.Fuzz()


def _hypothesis(minutes: float) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=10**9, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(seed=st.sampled_from(seeds()), edits=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), max_size=6),
           suffix=st.sampled_from(SUFFIXES))  # fmt: skip
    def run(seed: bytes, edits: list[tuple[float, bytes]], suffix: str) -> None:
        check_bytes(mutate(seed, edits), suffix)

    import signal

    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(SystemExit(0)))
    signal.alarm(int(minutes * 60))
    run()


def mutate(seed: bytes, edits: list[tuple[float, bytes]]) -> bytes:
    """Overwrite, insert or cut at the given relative positions."""
    data = bytearray(seed)
    for where, chunk in edits:
        position = int(where * len(data))
        if len(chunk) % 3 == 0:
            data[position : position + len(chunk)] = chunk
        elif len(chunk) % 3 == 1:
            data[position:position] = chunk
        else:
            del data[position : position + len(chunk) * 8]
    return bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--hypothesis", action="store_true", help="use hypothesis even if atheris is installed")
    args = parser.parse_args()
    try:
        if args.hypothesis:
            raise ImportError
        import atheris  # noqa: F401
    except ImportError:
        _hypothesis(args.minutes)
    else:
        _atheris(args.minutes)


if __name__ == "__main__":
    main()
