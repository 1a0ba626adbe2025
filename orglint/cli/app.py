"""The ``orglint`` application: its commands' group, with the one handler for every failure, and
the root options (``--version``).

Exit codes: 0 no error-severity findings; 1 findings (errors, or warnings past --max-warnings);
2 bad usage, configuration or ruleset, a named path that does not exist, an output that cannot
be written, or an internal error. Every failure, of any command, goes through one handler
(``_Commands.invoke``): one line naming the path and what went wrong (``orglint: error: ...``),
the traceback only under --verbose. A command that finds its usage wrong raises ``BadUsage``.

A reader that stops reading (``orglint check . | head``) is not a failure: the output ends there,
quietly (``stdout_gone``), and the command exits as it would have. Commands with findings write
through ``shared.writing_out``, so their exit code is still the findings'; anywhere else (help,
``rule``, ``schema``: commands whose output is all they do) the command ends with 1, as Python's
recipe and rich (which draws help and ``rule``) end it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from orglint import __version__
from orglint.errors import OrglintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
VERBOSE = "orglint.verbose"
"""Where --verbose is noted, in the context's ``meta`` (shared by a command and its group)."""


class BadUsage(OrglintError):
    """Options or arguments that do not go together, or name nothing: said in one line, without a
    traceback even under --verbose (there is nothing to debug)."""


_STREAM_WRITE_FAILURES = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM, errno.EBADF}
)
"""Why a write to an open stream fails: no room, a read-only or failing file system, a stream
not open for writing."""


def _describe(error: Exception) -> str:
    """A failure as the one line the user sees."""
    from orglint.engine import RuleCrash

    if isinstance(error, OrglintError):
        return str(error)
    if isinstance(error, RuleCrash):
        return f"internal error: {error} (run with --verbose for the traceback)"
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    if isinstance(error, OSError) and error.errno in _STREAM_WRITE_FAILURES:
        # Files are written through output_file (whose failures name them) and read with their
        # names; what else orglint writes is standard output (``> full-disk/out.txt``).
        return f"cannot write standard output: {error.strerror or error}"
    return f"internal error: {error!r} (run with --verbose for the traceback)"


def stdout_gone() -> None:
    """stdout's reader has gone (a closed pipe): point stdout at the null device, so that what is
    still written, and the flush at exit, go nowhere instead of failing (Python's documented
    recipe, "Note on SIGPIPE" in the signal module's documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


_METAVARS = {"Path": "PATH", "int": "N", "str": "TEXT", "float": "NUMBER"}
"""What an option's value is called in help, by its type (typer would show ``<list[str]>``)."""


def _said_as_usage_error(error: Exception) -> bool:
    """A mistake in the command's words (an unknown option, a bad value) said as every other
    failure is, on one line: ``orglint: error: ...`` and where help is, exit 2. Typer would draw it in
    a box of several lines. Known by what click's usage errors carry, as Typer vendors click."""
    message = getattr(error, "format_message", None)
    if getattr(error, "exit_code", None) != EXIT_USAGE or message is None or not message().strip():
        return False  # not a usage error, or one with nothing to say (help shown for no command)
    context = getattr(error, "ctx", None)  # none where click parsed no command yet: no help to point at
    hint = f" (see '{context.command_path} -h')" if context is not None else ""
    with contextlib.suppress(OSError):
        say(f"error: {message().replace('Value error, ', '').rstrip('.')}{hint}")
    return True


class _ReadableHelp:
    """Help that reads well at 80 columns: a flag shows no value (typer would show ``<bool>``, as
    if it took one), and a value a short name (``PATH``, ``N``, ``TEXT``, or the ``metavar`` its
    declaration gives), so that the help column keeps its width."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _name_value(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            _name_value(option)
        return option


class Command(_ReadableHelp, TyperCommand):
    """A command, its help readable at 80 columns."""


def _name_value(param: Any) -> None:
    if param.metavar is not None:
        return
    if param.param_type_name == "argument":
        # its name column says what it is (`paths...`); typer has no setting to leave out the
        # type column it adds (`<list[Path]>`), so this argument's is made empty
        param.display_type_rich = lambda ctx: None
        return
    if getattr(param, "is_flag", False):
        param.metavar = ""
        return
    type_name = param.bare_type()
    named = _METAVARS.get(type_name.removeprefix("list[").removesuffix("]"))
    if named is not None:  # a choice keeps typer's list of its values
        param.metavar = named


class _Commands(_ReadableHelp, TyperGroup):
    """orglint's commands, with the one error handler they all share (and its own options'
    help readable, as each command's is)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:  # `orglint --help` is written here, before any command runs
            return super().parse_args(ctx, args)
        except BrokenPipeError:
            stdout_gone()
            raise typer.Exit(EXIT_FINDINGS) from None
        except OSError as error:  # `orglint --version > full-disk/version.txt`
            _report(error)
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as error:
            if _said_as_usage_error(error):
                raise typer.Exit(EXIT_USAGE) from None
            raise

    def invoke(self, ctx: Any) -> Any:  # click's Context, which Typer 0.29+ vendors privately
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # output closed early where the command's code is not at stake
            stdout_gone()
            raise typer.Exit(EXIT_FINDINGS) from None
        except Exception as error:  # never a traceback for users unless they ask
            if _said_as_usage_error(error):
                raise typer.Exit(EXIT_USAGE) from None
            if isinstance(error, typer.Abort) or hasattr(error, "exit_code"):
                raise  # Typer's own: an exit, a usage error (each carries its exit code), Ctrl-C
            if ctx.meta.get(VERBOSE) and not isinstance(error, BadUsage):
                traceback.print_exc()
            _report(error)
            raise typer.Exit(EXIT_USAGE) from None


def _report(error: Exception) -> None:
    """The failure's one line, on standard error."""
    with contextlib.suppress(OSError):  # standard error too may be on a full disk
        say(f"error: {_describe(error)}")


def say(message: str) -> None:
    """A line of orglint's own on stderr. Paths and values in it may be the repository's: made
    safe, so no name can break the line or start a CI log command of its own."""
    from orglint.safe_text import safe_text

    sys.stderr.write(f"orglint: {safe_text(message)}\n")


app = typer.Typer(
    cls=_Commands,
    name="orglint",
    help="Lint organisation structures against design principles and UK local-government law.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"orglint {__version__}\n")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version_callback, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """orglint: a compliance linter for organisation structures."""
