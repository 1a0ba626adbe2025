"""The views of a structure beyond its findings: ``orglint report`` (the audit), ``orglint tree`` and
``orglint diff`` (what a restructure changes)."""

from __future__ import annotations

import enum
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from orglint.cli import shared
from orglint.cli.app import EXIT_CLEAN, EXIT_FINDINGS, BadUsage

if TYPE_CHECKING:
    from orglint.engine import LintResult
    from orglint.output.document import Section


class ReportFormat(enum.StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"


@contextmanager
def _linted(
    paths: list[Path] | None, ruleset: list[str] | None, config: Path | None, isolated: bool
) -> Iterator[tuple[LintResult, Callable[[str], None]]]:
    """Lint as `check` would, for `report` and `tree`, under a progress display on stderr that the
    caller may go on telling (``say``) until it leaves the block, so the two never share the terminal."""
    from orglint import selection
    from orglint.console import console
    from orglint.engine import LintOptions
    from orglint.progress import progress_display

    with progress_display(console(stderr=True)) as say:
        options = LintOptions(
            rulesets=selection.split(ruleset),
            config_file=config,
            isolated=isolated,
            whole_structures=True,  # the view is of the whole structure a named file belongs to
            progress=lambda file, index, count: say(f"Checking {file} ({index + 1}/{count})"),
        )
        say("Reading structures")
        yield shared.lint_paths(paths, options), say


def _sections_text(sections: list[Section], as_markdown: bool, to_file: bool) -> str:
    """Report or diff sections as Markdown, or drawn for the terminal: straight onto it (colour,
    its width) unless they go to a file. Returns what is left to deliver."""
    buffer = io.StringIO()
    if as_markdown:
        from orglint.output import markdown

        markdown.render(sections, buffer)
    else:
        from orglint.console import console
        from orglint.output import terminal

        with shared.writing_out():
            terminal.render(sections, console(file=buffer if to_file else sys.stdout))
    return buffer.getvalue()


def report(
    paths: shared.Paths = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "--output-format", "-f", metavar="FORMAT", help="terminal, markdown or html.")
    ] = ReportFormat.terminal,
    output_file: shared.OutputFile = None,
    ruleset: shared.Rulesets = None,
    config: shared.ConfigFile = None,
    isolated: shared.Isolated = False,
    exit_zero: shared.ExitZero = False,
    force: shared.Force = False,
    verbose: shared.Verbose = False,
) -> None:
    """Audit report: compliance by rule family and department, statutory officers, shape, pay bill, evaluation."""
    from orglint.output.report import report_sections
    from orglint.report.audit import build_report

    with _linted(paths, ruleset, config, isolated) as (result, say):
        say("Writing the report")
        built = build_report(result)
    if output_format is ReportFormat.html:
        from orglint.output import html

        title = built.audits[0].header.organisation + ": structure audit" if len(built.audits) == 1 else "Structure audit"
        buffer = io.StringIO()
        html.render(title, built, buffer)
        text = buffer.getvalue()
    else:
        text = _sections_text(report_sections(built), output_format is ReportFormat.markdown, output_file is not None)
    shared.deliver(text, output_file, result.read, force)
    if output_file is not None:
        shared.say(f"wrote the report to {output_file}")
    raise shared.findings_exit(result, exit_zero)


def tree(
    paths: shared.Paths = None,
    depth: Annotated[
        int | None, typer.Option("--depth", "-d", min=0, help="Layers to show below the top (or --from post).")
    ] = None,
    from_post: Annotated[
        str | None, typer.Option("--from", metavar="POST", help="Show only this post and the posts under it.")
    ] = None,
    ruleset: shared.Rulesets = None,
    config: shared.ConfigFile = None,
    isolated: shared.Isolated = False,
    exit_zero: shared.ExitZero = False,
    verbose: shared.Verbose = False,
) -> None:
    """Show the structure as a tree: titles, grades, designations, and the findings on each post."""
    from orglint.console import console, in_colour
    from orglint.output import tree as tree_view
    from orglint.report.audit import split_by_structure
    from orglint.suggest import closest, did_you_mean

    with _linted(paths, ruleset, config, isolated) as (result, _):
        structures = split_by_structure(result).structures
    if from_post is not None and not any(from_post in one.run.graph.posts for one in structures):
        known = [post_id for one in structures for post_id in one.run.graph.posts]
        raise BadUsage(f"no post {from_post!r} in the structure{did_you_mean(closest(from_post, known))}")
    # in colour rich draws it (on a terminal, long lines wrap); otherwise each post is one plain
    # line (grep-able), written without rich
    view = console(width=None if sys.stdout.isatty() else 100_000) if in_colour(sys.stdout) else None
    with shared.writing_out():
        for one in structures:
            if from_post is None or from_post in one.run.graph.posts:
                tree_view.render(one.run, one.diagnostics, view, sys.stdout, from_post, depth)
    raise shared.findings_exit(result, exit_zero)


class DiffFormat(enum.StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


def diff(
    paths: Annotated[list[Path], typer.Argument(help="OLD NEW (files or folders), or one PATH with --base REV.")],
    base: Annotated[
        str | None, typer.Option("--base", metavar="REV", help="Compare PATH with its version at this git revision (as OLD).")
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "--output-format", "-f", metavar="FORMAT", help="terminal, json or markdown.")
    ] = DiffFormat.terminal,
    output_file: shared.OutputFile = None,
    ruleset: shared.Rulesets = None,
    config: shared.ConfigFile = None,
    isolated: shared.Isolated = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when the change introduces errors.")] = False,
    force: shared.Force = False,
    verbose: shared.Verbose = False,
) -> None:
    """What a restructure changes: posts, designations, cost, shape, and the findings it introduces or resolves."""
    from orglint import selection
    from orglint.diff.compare import compare
    from orglint.engine import LintOptions

    if base is None and len(paths) != 2:
        raise BadUsage("give OLD and NEW, or one PATH with --base REV")
    if base is not None and len(paths) != 1:
        raise BadUsage("with --base REV, give one PATH (its version at REV is OLD)")
    for path in paths:
        if not path.exists():
            raise BadUsage(f"{path}: no such file or folder")
    options = LintOptions(rulesets=selection.split(ruleset), config_file=config, isolated=isolated, whole_structures=True)
    checkout = None
    try:
        if base is not None:
            checkout = shared.checkout_at(base, paths)
            old_path, new_path = checkout.path_of(paths[0]), paths[0]
            old_label = checkout.display(str(old_path))
            if not old_path.exists():
                raise BadUsage(f"{paths[0]} does not exist at {base}{_root_instead(paths[0], base)}")
        else:
            old_path, new_path = paths
            old_label = str(old_path)
        old = shared.lint_paths([old_path], options)
        new = shared.lint_paths([new_path], options)
        shared.keep_until_exit((old, new))
        result = compare(old_label, old, str(new_path), new)
        if checkout is not None:  # show REV:path, not the temporary folder
            for finding in result.findings.old_side():
                finding.span = finding.span._replace(file=checkout.display(finding.span.file))
    finally:
        if checkout is not None:
            checkout.close()
    if output_format is DiffFormat.json:
        from orglint.output.diff_json import render as render_json

        buffer = io.StringIO()
        render_json(result, buffer)
        text = buffer.getvalue()
    else:
        from orglint.output.diff import diff_sections

        text = _sections_text(diff_sections(result), output_format is DiffFormat.markdown, output_file is not None)
    shared.deliver(text, output_file, {**old.read, **new.read}, force)
    raise typer.Exit(EXIT_FINDINGS if result.findings.introduces_errors and not exit_zero else EXIT_CLEAN)


def _root_instead(path: Path, base: str) -> str:
    """For an included file new since ``base``: the diff to run instead, on its structure's root."""
    from orglint.load.discover import YAML_SUFFIXES, structure_roots
    from orglint.load.source import display_path
    from orglint.safe_text import safe_text

    roots = [root for root in structure_roots(path) if root != path] if path.suffix in YAML_SUFFIXES and path.is_file() else []
    if len(roots) != 1:
        return ""
    return f": compare the structure it is part of instead (orglint diff {display_path(roots[0])} --base {safe_text(base)})"
