"""Stage 6: the command line (docs/command-line.md).

The eleven commands, registered below in the order ``--help`` lists them, live a module per group:
``check`` (check, baseline write), ``views`` (report, tree, diff), ``import_command`` (import), ``template`` (template),
``reference`` (rule, rules, schema) and ``server`` (server). ``app`` holds the application and the one handler every
failure goes through (exit codes there); ``shared`` the options and steps several commands share.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import signal
import sys

from orglint.cli.app import Command, app
from orglint.cli.check import baseline_app, baseline_write, check
from orglint.cli.import_command import import_
from orglint.cli.reference import rule_docs, rules_table, schema
from orglint.cli.server import server
from orglint.cli.template import template
from orglint.cli.views import diff, report, tree

for command, name in (
    (check, None),
    (report, None),
    (tree, None),
    (diff, None),
    (import_, "import"),
    (template, None),
    (rule_docs, "rule"),
    (rules_table, "rules"),
    (schema, None),
    (server, None),
):
    app.command(name, cls=Command)(command)  # Command: help that reads well at 80 columns
app.add_typer(baseline_app, name="baseline")
baseline_app.command("write", cls=Command)(baseline_write)

__all__ = ["app", "main"]


def _terminated(signal_number: int, frame: object) -> None:
    """SIGTERM unwinds as Ctrl-C does, so a file being written is removed, not left half-done."""
    raise SystemExit(128 + signal_number)


_AS_JSON_ESCAPE = "orglint-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """``\\u00e9`` for what an output's encoding cannot take: JSON's escape, in UTF-16 units (a
    character beyond the first plane as its surrogate pair), readable in text and valid in JSON."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units = error.object[error.start : error.end].encode("utf-16-be")
    escaped = "".join(f"\\u{units[index] << 8 | units[index + 1]:04x}" for index in range(0, len(units), 2))
    return escaped, error.end


def main() -> None:
    """Entry point. Click's own usage errors exit 2, as docs/command-line.md says.

    Once the command is done and its output flushed, the process ends without the interpreter's
    teardown: freeing a large structure object by object (0.4 s at 100k posts, seconds at a
    million) achieves nothing. Every file orglint writes is complete (renamed into place) by then.
    """
    signal.signal(signal.SIGTERM, _terminated)
    if sys.stdout is None:  # started with stdout closed (`>&-`): what is written goes nowhere
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process's life)
    codecs.register_error(_AS_JSON_ESCAPE, _json_escape)
    for stream in (sys.stdout, sys.stderr):
        # a terminal or pipe that cannot take UTF-8 (PYTHONIOENCODING=ascii, a Latin-1 console):
        # a character it cannot show is written as JSON's escape for it, rather than the command
        # failing on a code frame's box line or a title's accent (and JSON and SARIF stay JSON)
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=_AS_JSON_ESCAPE)
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exit_request:
        code = exit_request.code
    if isinstance(code, str):  # sys.exit("message"): Python prints it and exits 1
        sys.stderr.write(code + "\n")
        code = 1
    with contextlib.suppress(OSError, ValueError):  # output closed early (`| head`), or a full disk: nothing left to say
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code or 0)
