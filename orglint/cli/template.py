"""``orglint template``: a structure workbook for a manager to fill in, empty or filled from a structure."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from orglint.cli.app import EXIT_CLEAN, EXIT_FINDINGS, BadUsage
from orglint.cli.shared import ConfigFile, Isolated, Verbose, refuse_new_output, say

if TYPE_CHECKING:
    from orglint.engine import LintOptions
    from orglint.model.structure import Structure


def template(
    output: Annotated[Path, typer.Argument(help="The workbook to write (.xlsx).")],
    ruleset: Annotated[
        str | None,
        typer.Option(
            "--ruleset",
            "-r",
            help="The ruleset the workbook is for: its words fill the drop-down lists, and the Organisation sheet names it "
            "(default: core, or the structure's own).",
        ),
    ] = None,
    source: Annotated[
        Path | None, typer.Option("--from", help="A structure to fill the workbook with: its file or folder, or a workbook.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists (never a file this run read).")] = False,
    config: ConfigFile = None,
    isolated: Isolated = False,
    verbose: Verbose = False,
) -> None:
    """Write a structure workbook to fill in: a sheet each for the organisation, departments, profiles, posts and evaluations.

    Exit 1 if values of the --from structure could not be read (each said on stderr, and left out)."""
    from orglint.engine import DEFAULT_RULESET, LintOptions, ruleset_for
    from orglint.load.source import is_workbook
    from orglint.output.figures import plural
    from orglint.output.workbook import record_counts, render_workbook
    from orglint.output_file import write_atomically
    from orglint.ruleset import load_ruleset

    if not is_workbook(output):
        raise BadUsage(f"{output}: a template is an Excel workbook: name it .xlsx")
    options = LintOptions(rulesets=[ruleset] if ruleset else [], config_file=config, isolated=isolated)
    structure = None
    read: dict[Path, str] = {}
    faults = 0
    if source is not None:
        structure, read, faults = _read(source, options)
        policy = ruleset_for(structure, options).policy
    else:
        policy = load_ruleset([ruleset or DEFAULT_RULESET], Path.cwd()).policy
    refuse_new_output(output, read, force)
    write_atomically(output, render_workbook(policy, structure, _ruleset_named(ruleset, structure, output)))
    if structure is None:
        say(f"wrote a template to {output}")
    else:
        # a sheet's name is its records' plural: "1 department", "5 departments"
        counts = ", ".join(plural(count, sheet.lower().removesuffix("s")) for sheet, count in record_counts(structure) if count)
        say(f"wrote {output} from {source}: {counts or 'nothing to fill in'}")
    raise typer.Exit(EXIT_FINDINGS if faults else EXIT_CLEAN)


def _ruleset_named(ruleset: str | None, structure: Structure | None, output: Path) -> str | None:
    """The rulesets the workbook's Organisation sheet names: ``--ruleset``, else those of the
    structure it is filled from, a ruleset file by its path from the workbook's folder (the
    structure's own path is from the structure's folder, which the workbook may not share)."""
    if ruleset is not None:
        return _as_written_for(ruleset, output, Path.cwd())
    if structure is None or structure.organisation is None or structure.organisation.ruleset is None:
        return None
    named = [_as_written_for(reference, output, structure.root.path.parent) for reference in structure.rulesets]
    return None if None in named else "\n".join(name for name in named if name is not None)  # a list cell: one a line


def _as_written_for(ruleset: str, output: Path, base: Path) -> str | None:
    """A ruleset as the workbook names it: a built-in by name, a ruleset file (a path from
    ``base``) by its path from the workbook's folder (the loader reads it from there). A file
    outside the workbook's project (the folder holding .git, else its own folder), which a check
    of it would refuse, is not named: stderr says to name it on the command line."""
    from orglint.load.perimeter import project_root
    from orglint.ruleset import is_path_reference

    if not is_path_reference(ruleset):
        return ruleset
    path, folder = (base / ruleset).resolve(), output.resolve().parent
    if not path.is_relative_to(project_root(output.resolve())):
        say(
            f"the workbook names no ruleset: {ruleset} is outside its project, which a check of it "
            f"does not read; check it with --ruleset {ruleset}"
        )
        return None
    return Path(os.path.relpath(path, folder)).as_posix()


def _read(source: Path, options: LintOptions) -> tuple[Structure, dict[Path, str], int]:
    """The one structure ``source`` holds, the files read for it, and how many input findings
    (values or records left out) reading it met: said on stderr, as ``import`` says them."""
    from orglint.engine import build_structures
    from orglint.importer import describe
    from orglint.load.discover import discover

    if not source.exists():
        raise BadUsage(f"{source}: no such file or folder")
    settings = options.config_for(source if source.is_dir() else source.parent)
    discovery = discover([source], spreadsheet_for=lambda _: settings.settings.spreadsheet, limits_for=lambda _: settings.limits)
    built = build_structures(discovery, options)
    structures = [one.structure for one in built if one.structure is not None]
    if len(structures) > 1:  # before the faults: those of the structures not meant are noise
        raise BadUsage(f"{source} holds {len(structures)} structures: name the root file of the one to fill in")
    faults = [*discovery.findings, *(finding for one in built for finding in one.input_findings)]
    for finding in faults:
        sys.stderr.write(describe(finding) + "\n")
    if not structures:
        raise BadUsage(f"{source}: no structure orglint can read{' (see above)' if faults else ''}")
    return structures[0], discovery.read, len(faults)
