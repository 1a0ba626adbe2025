"""What several commands share: their common arguments and options, declared once, and the steps
they take alike (linting the paths named, writing an output file, checking out a revision)."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from orglint.cli.app import EXIT_CLEAN, EXIT_FINDINGS, VERBOSE, BadUsage, say, stdout_gone

if TYPE_CHECKING:
    from orglint.engine import LintOptions, LintResult
    from orglint.revisions import Checkout

# Arguments and options several commands share, declared once.
Paths = Annotated[list[Path] | None, typer.Argument(help="Structure files or folders (default: the current folder).")]

Rulesets = Annotated[
    list[str] | None,
    typer.Option("--ruleset", "-r", metavar="RULESET", help="Ruleset name or path (repeatable); replaces the structure's own."),
]

ConfigFile = Annotated[
    Path | None, typer.Option("--config", help="Use this configuration file (pyproject.toml or orglint.toml) for everything.")
]

Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]

ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]

OutputFile = Annotated[
    Path | None, typer.Option("--output", "--output-file", "-o", help="Write to this file (atomically), not the terminal.")
]

Force = Annotated[
    bool,
    typer.Option("--force", help="Write even over a file this run read, or a structure, ruleset or configuration."),
]


def _note_verbose(ctx: typer.Context, verbose: bool) -> bool:
    ctx.meta[VERBOSE] = verbose
    return verbose


Verbose = Annotated[bool, typer.Option("--verbose", "-v", callback=_note_verbose, help="Show the traceback of a failure.")]


def lint_paths(paths: list[Path] | None, options: LintOptions) -> LintResult:
    """Lint as every command does; says so on stderr when the paths hold nothing to check."""
    from orglint.engine import lint

    named = paths or [Path(".")]
    # Loading allocates millions of long-lived objects and no reference cycles worth collecting;
    # the cyclic collector would rescan them all again and again (a third of the run at 100k
    # posts). The process ends soon after, so it is simply kept off.
    gc.disable()
    result = lint(named, options)
    keep_until_exit(result)
    if not result.runs and not result.diagnostics:
        say(f"no structure files found in {', '.join(map(str, named))}")
    return result


def write_output(path: Path, text: str | bytes, read: Mapping[Path, str], force: bool) -> None:
    """Write what the user asked for, whole or not at all; never over a file the run read, or a
    structure, ruleset or configuration, unless forced."""
    from orglint.output_file import refuse_to_replace, write_atomically

    if not force:
        refuse_to_replace(path, read)
    write_atomically(path, text)


def refuse_new_output(path: Path, read: Mapping[Path, str], force: bool) -> None:
    """For a command that makes a file from what it read (``import``, ``template``): never over a
    file this run read, even with --force, and over any other existing file only with --force."""
    from orglint.load.source import real_path
    from orglint.output_file import refuse_to_replace

    what = read.get(real_path(path))
    if what is not None:
        raise BadUsage(f"{path} is {what} this run read: choose another output file")
    if not force:
        refuse_to_replace(path, read)
        if path.exists():
            raise BadUsage(f"{path} exists: use --force to overwrite it")


@contextlib.contextmanager
def writing_out() -> Iterator[None]:
    """Around a command's writing to stdout: should the reader stop reading (``| head``), the
    writing ends there, quietly, and the command goes on to exit with its own code (findings
    decide), as it would have had the reader read it all."""
    try:
        yield
    except BrokenPipeError:
        stdout_gone()


def deliver(text: str, output_file: Path | None, read: Mapping[Path, str], force: bool) -> None:
    if output_file is None:
        with writing_out():
            sys.stdout.write(text)
            sys.stdout.flush()  # a closed pipe shows here, not at exit
    else:
        write_output(output_file, text, read, force)


def findings_exit(result: LintResult, exit_zero: bool, max_warnings: int | None = None) -> typer.Exit:
    """Exit 1 for error findings (or more warnings than ``max_warnings``), unless ``exit_zero``."""
    from orglint.diagnostics import Severity

    failed = result.count(Severity.ERROR) > 0 or (max_warnings is not None and result.count(Severity.WARNING) > max_warnings)
    return typer.Exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def checkout_at(revision: str, paths: list[Path]) -> Checkout:
    from orglint.revisions import RevisionError, checkout

    try:
        return checkout(revision, paths)
    except RevisionError as error:
        raise BadUsage(f"--base {revision}: {error}") from None


_kept: list[object] = []


def keep_until_exit(result: object) -> None:
    """Hold the command's result (lint results, structures) past its return, so that it is never
    freed: ``main`` ends the process without teardown (the last result only: in-process callers
    such as tests reuse ``app``)."""
    _kept[:] = [result]
