"""``orglint import``: an organogram or a spreadsheet of posts written as a structure file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from orglint.cli.app import EXIT_CLEAN, EXIT_FINDINGS, BadUsage
from orglint.cli.shared import ConfigFile, Isolated, Verbose, refuse_new_output, say


def import_(
    source: Annotated[Path, typer.Argument(help="An organogram (senior CSV or workbook) or a spreadsheet of posts.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The structure file to write (default: SOURCE with .yaml).")
    ] = None,
    junior: Annotated[Path | None, typer.Option("--junior", help="An organogram's junior staff CSV, if not beside it.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Write OUTPUT even if it exists.")] = False,
    config: ConfigFile = None,
    isolated: Isolated = False,
    verbose: Verbose = False,
) -> None:
    """Write an organogram or a spreadsheet of posts as a structure file, each post commented with its row."""
    from orglint.clock import today
    from orglint.engine import LintOptions
    from orglint.importer import ImportFailed, describe, read_source, render, sources_of
    from orglint.output_file import write_atomically

    if not source.is_file():
        raise BadUsage(f"{source}: no such file")
    from orglint.load.source import is_table_path, real_path

    if not is_table_path(source):
        raise BadUsage(f"{source}: import reads organograms and spreadsheets (.csv, .xlsx); it is already a structure file?")

    if output is not None and output.suffix and output.suffix.casefold() not in (".yaml", ".yml"):
        # a workbook named .xlsx holding YAML fails every later check as "not a workbook"
        raise BadUsage(f"{output}: import writes a YAML structure file; name it .yaml (`orglint template` makes a workbook)")
    target = output or source.with_suffix(".yaml")
    options = LintOptions(config_file=config, isolated=isolated)
    settings = options.config_for(source.parent)
    read = {real_path(path): "the file being imported" for path in (source, junior) if path is not None}
    if settings.path is not None:
        read[settings.path] = "a configuration file"
    refuse_new_output(target, read, force)  # before reading: a refusal costs nothing
    try:
        structure, faults = read_source(source, junior, settings)
    except ImportFailed as failure:  # nothing readable: say why, write nothing
        for finding in failure.findings:
            sys.stderr.write(describe(finding) + "\n")
        raise typer.Exit(EXIT_FINDINGS) from None
    for finding in faults:  # cells that cannot be read: written as given, so the file has the same findings
        sys.stderr.write(describe(finding) + "\n")
    text = render(structure, sources_of(structure), today())
    write_atomically(target, text)  # refused above where it must be
    say(f"wrote {len(structure.posts)} posts to {target}")
    raise typer.Exit(EXIT_FINDINGS if faults else EXIT_CLEAN)
