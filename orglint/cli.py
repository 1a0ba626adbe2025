"""Stage 6: the command line (docs/command-line.md).

Exit codes: 0 no error-severity findings; 1 findings (errors, or warnings past --max-warnings);
2 bad usage, configuration or ruleset, a named path that does not exist, an output that cannot
be written, or an internal error. Every failure, of any command, goes through one handler
(``_Commands.invoke``): one line naming the path and what went wrong, the traceback only under
--verbose.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import io
import os
import signal
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from orglint import __version__
from orglint.errors import OrglintError

if TYPE_CHECKING:
    from orglint.engine import LintOptions, LintResult
    from orglint.report.sections import Section
    from orglint.revisions import Checkout

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
VERBOSE = "orglint.verbose"
"""Where --verbose is noted, in the context's ``meta`` (shared by a command and its group)."""


def _describe(error: Exception) -> str:
    """A failure as the one line the user sees."""
    from orglint.engine import RuleCrash

    if isinstance(error, OrglintError):
        return str(error)
    if isinstance(error, RuleCrash):
        return f"internal error: {error} (run with --verbose for the traceback)"
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    return f"internal error: {error!r} (run with --verbose for the traceback)"


class _Commands(TyperGroup):
    """orglint's commands, with the one error handler they all share."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, which Typer 0.29+ vendors privately
        try:
            return super().invoke(ctx)
        except Exception as error:  # never a traceback for users unless they ask
            if isinstance(error, typer.Abort) or hasattr(error, "exit_code"):
                raise  # Typer's own: an exit, a usage error (each carries its exit code), Ctrl-C
            if ctx.meta.get(VERBOSE):
                traceback.print_exc()
            raise _fail(_describe(error)) from None


app = typer.Typer(
    cls=_Commands,
    name="orglint",
    help="Lint organisation structures against design principles and UK local-government law.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(enum.StrEnum):
    full = "full"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


def _fail(message: str) -> typer.Exit:
    from orglint.safe_text import safe_text  # messages quote paths and values from the repository

    sys.stderr.write(f"orglint: error: {safe_text(message)}\n")
    return typer.Exit(EXIT_USAGE)


# Arguments and options several commands share, declared once.
Paths = Annotated[list[Path] | None, typer.Argument(help="Structure files or folders (default: the current folder).")]
Rulesets = Annotated[
    list[str] | None, typer.Option("--ruleset", "-r", help="Ruleset name or path (repeatable); replaces the structure's own.")
]
ConfigFile = Annotated[
    Path | None, typer.Option("--config", help="Use this configuration file (pyproject.toml or orglint.toml) for everything.")
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]
Force = Annotated[
    bool,
    typer.Option("--force", help="Write even over a file this run read, or a structure, ruleset or configuration."),
]


def _note_verbose(ctx: typer.Context, verbose: bool) -> bool:
    ctx.meta[VERBOSE] = verbose
    return verbose


Verbose = Annotated[bool, typer.Option("--verbose", "-v", callback=_note_verbose, help="Show the traceback of a failure.")]


def _write_output(path: Path, text: str, read: Mapping[Path, str], force: bool) -> None:
    """Write what the user asked for, whole or not at all; never over a file the run read, or a
    structure, ruleset or configuration, unless forced."""
    from orglint.output_file import refuse_to_replace, write_atomically

    if not force:
        refuse_to_replace(path, read)
    write_atomically(path, text)


def _lint(paths: list[Path] | None, options: LintOptions) -> LintResult:
    """Lint as every command does; says so on stderr when the paths hold nothing to check."""
    from orglint.engine import lint

    named = paths or [Path(".")]
    # Loading allocates millions of long-lived objects and no reference cycles worth collecting;
    # the cyclic collector would rescan them all again and again (a third of the run at 100k
    # posts). The process ends soon after, so it is simply kept off.
    gc.disable()
    result = lint(named, options)
    _keep_until_exit(result)
    if not result.runs and not result.diagnostics:
        sys.stderr.write(f"orglint: no structure files found in {', '.join(map(str, named))}\n")
    return result


@app.command()
def check(
    paths: Paths = None,
    ruleset: Rulesets = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Rules to run instead of the ruleset's: codes, prefixes, names or ALL.")
    ] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Rules to run as well as the ruleset's.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules not to run.")] = None,
    output_format: Annotated[
        OutputFormat | None, typer.Option("--output-format", help="How to show findings (default: the config's, else full).")
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output-file", "-o", help="Write the output format here; the terminal still shows the full format."),
    ] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Show a count per rule instead of each finding.")] = False,
    exit_zero: ExitZero = False,
    max_warnings: Annotated[
        int | None, typer.Option("--max-warnings", min=0, help="Fail when there are more warnings than this.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Fail only on findings not recorded in this baseline file.")
    ] = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    only_structures: Annotated[
        bool, typer.Option("--only-structures", help="Skip named files that are not structures, as folder walks do (pre-commit).")
    ] = False,
    ignore_suppressions: Annotated[
        bool, typer.Option("--ignore-suppressions", help="Show findings that inline `# orglint: ignore[...]` comments hide.")
    ] = False,
    junior: Annotated[
        Path | None,
        typer.Option("--junior", help="An organogram's junior staff CSV, when it is not the senior file's '-junior' twin."),
    ] = None,
    new_only: Annotated[
        bool, typer.Option("--new-only", help="Fail only on findings that the --base revision's version does not have.")
    ] = False,
    base: Annotated[str | None, typer.Option("--base", help="The git revision --new-only compares with (default: HEAD).")] = None,
    force: Force = False,
    verbose: Verbose = False,
) -> None:
    """Lint structure files and folders."""
    from orglint import selection
    from orglint.diagnostics import Severity
    from orglint.engine import LintOptions
    from orglint.load.source import real_path
    from orglint.reporters import reporter

    options = LintOptions(
        rulesets=selection.split(ruleset),
        select=selection.split(select),
        extend_select=selection.split(extend_select),
        ignore=selection.split(ignore),
        ignore_suppressions=ignore_suppressions,
        only_structures=only_structures,
        config_file=config,
        isolated=isolated,
        junior=junior,
    )
    if junior is not None and not junior.is_file():
        raise _fail(f"{junior}: no such file (--junior)")
    if base is not None and not new_only:
        raise _fail("--base REV goes with --new-only (or use `orglint diff PATH --base REV`)")
    chosen_format = output_format.value if output_format is not None else None
    if chosen_format is None:
        chosen_format = options.config_for(Path.cwd()).settings.output_format or "full"
    result = _lint(paths, options)
    if new_only:
        _keep_new_only(result, paths or [Path(".")], base or "HEAD", options)
    if baseline is not None:
        result.read[real_path(baseline)] = "the baseline"
        _apply_baseline(result, baseline)

    nothing_found = not result.runs and not result.diagnostics  # said on stderr; a summary would mislead
    if statistics:
        _print_statistics(result)
    elif output_file is not None:
        buffer = io.StringIO()
        reporter(chosen_format)(result, buffer)
        _write_output(output_file, buffer.getvalue(), result.read, force)
        if not nothing_found:
            reporter("full")(result, sys.stdout)
    elif not (nothing_found and chosen_format == "full"):
        reporter(chosen_format)(result, sys.stdout)

    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    failed = errors > 0 or (max_warnings is not None and warnings > max_warnings)
    raise typer.Exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def _keep_new_only(result: LintResult, paths: list[Path], revision: str, options: LintOptions) -> None:
    """Keep the findings the revision's version of ``paths`` does not have; the others count as
    suppressed ("already in REV")."""
    from orglint.diagnostics import Suppressed
    from orglint.diff.findings import Side, compare_findings
    from orglint.engine import LintResult, lint
    from orglint.load.source import display_path

    checkout = _checkout(revision, paths)
    try:
        then = [old for old in map(checkout.path_of, paths) if old.exists()]
        before = lint(then, options) if then else LintResult()
        changes = compare_findings(
            before.diagnostics,
            Side(display_path(checkout.root)),
            result.diagnostics,
            Side(display_path(checkout.repository)),
        )
    finally:
        checkout.close()
    result.diagnostics = changes.introduced
    result.suppressed.extend(Suppressed(d, f"already in {revision}") for d in changes.persisting)


def _apply_baseline(result: LintResult, path: Path) -> None:
    from orglint.baseline import Baseline
    from orglint.diagnostics import Suppressed

    accepted = Baseline.read(path)
    result.diagnostics, known, stale = accepted.filter(result.diagnostics)
    result.suppressed.extend(Suppressed(diagnostic, f"accepted in the baseline {path}") for diagnostic in known)
    if stale:
        sys.stderr.write(
            f"orglint: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {path} no longer match "
            f"(fixed, or changed): shrink it with `orglint baseline write {path}`\n"
        )
        from orglint.safe_text import safe_text  # the entries are the baseline file's text

        for entry in stale:
            sys.stderr.write(f"  {safe_text(entry)}\n")


class ReportFormat(enum.StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"


def _lint_for_view(
    paths: list[Path] | None,
    ruleset: list[str] | None,
    config: Path | None,
    isolated: bool,
    say: Callable[[str], None],
) -> LintResult:
    """Lint as `check` would, for `report` and `tree`, telling ``say`` how it goes."""
    from orglint import selection
    from orglint.engine import LintOptions

    options = LintOptions(rulesets=selection.split(ruleset), config_file=config, isolated=isolated)
    options.progress = lambda file, index, count: say(f"Checking {file} ({index + 1}/{count})")
    say("Reading structures")
    return _lint(paths, options)


def _sections_text(sections: list[Section], as_markdown: bool, to_file: bool) -> str:
    """Report or diff sections as Markdown, or drawn for the terminal: straight onto it (colour,
    its width) unless they go to a file. Returns what is left to deliver."""
    buffer = io.StringIO()
    if as_markdown:
        from orglint.report import markdown

        markdown.render(sections, buffer)
    else:
        from orglint.console import console
        from orglint.report import terminal

        terminal.render(sections, console(file=buffer if to_file else sys.stdout))
    return buffer.getvalue()


def _deliver(text: str, output_file: Path | None, read: Mapping[Path, str], force: bool) -> None:
    if output_file is None:
        sys.stdout.write(text)
    else:
        _write_output(output_file, text, read, force)


def _findings_exit(result: LintResult, exit_zero: bool) -> typer.Exit:
    from orglint.diagnostics import Severity

    return typer.Exit(EXIT_FINDINGS if result.count(Severity.ERROR) and not exit_zero else EXIT_CLEAN)


@app.command()
def report(
    paths: Paths = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "--output-format", "-f", help="terminal, markdown or html.")
    ] = ReportFormat.terminal,
    output_file: Annotated[
        Path | None, typer.Option("--output", "--output-file", "-o", help="Write the report to this file (atomically).")
    ] = None,
    ruleset: Rulesets = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    exit_zero: ExitZero = False,
    force: Force = False,
    verbose: Verbose = False,
) -> None:
    """Audit report: compliance by rule family and department, statutory officers, shape, pay bill, evaluation."""
    from orglint.console import console
    from orglint.progress import progress_display
    from orglint.report.audit import build_report
    from orglint.report.sections import report_sections

    with progress_display(console(stderr=True)) as say:
        result = _lint_for_view(paths, ruleset, config, isolated, say)
        say("Writing the report")
        built = build_report(result)
    # drawn once the progress display is gone, so the two never share the terminal
    if output_format is ReportFormat.html:
        from orglint.report import html

        title = built.audits[0].header.organisation + ": structure audit" if len(built.audits) == 1 else "Structure audit"
        buffer = io.StringIO()
        html.render(title, built, buffer)
        text = buffer.getvalue()
    else:
        text = _sections_text(report_sections(built), output_format is ReportFormat.markdown, output_file is not None)
    _deliver(text, output_file, result.read, force)
    if output_file is not None:
        sys.stderr.write(f"orglint: wrote the report to {output_file}\n")
    raise _findings_exit(result, exit_zero)


@app.command()
def tree(
    paths: Paths = None,
    depth: Annotated[
        int | None, typer.Option("--depth", "-d", min=0, help="Layers to show below the top (or --from post).")
    ] = None,
    from_post: Annotated[str | None, typer.Option("--from", help="Show only this post and the posts under it.")] = None,
    ruleset: Rulesets = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    exit_zero: ExitZero = False,
    verbose: Verbose = False,
) -> None:
    """Show the structure as a tree: titles, grades, designations, and the findings on each post."""
    import difflib

    from orglint.console import console
    from orglint.progress import progress_display
    from orglint.report import tree as tree_view
    from orglint.report.audit import by_post, split_by_structure

    with progress_display(console(stderr=True)) as say:
        result = _lint_for_view(paths, ruleset, config, isolated, say)
    runs, _ = split_by_structure(result)
    if from_post is not None and not any(from_post in run.graph.posts for run, _, _ in runs):
        known = [post_id for run, _, _ in runs for post_id in run.graph.posts]
        close = difflib.get_close_matches(from_post, known, n=1)
        raise _fail(f"no post {from_post!r} in the structure" + (f" (did you mean {close[0]!r}?)" if close else ""))
    # piped, each post stays on one line (grep-able); on a terminal, long lines wrap
    view = console(width=None if sys.stdout.isatty() else 100_000)
    for run, diagnostics, _ in runs:
        if from_post is None or from_post in run.graph.posts:
            tree_view.render(run, by_post(diagnostics), view, from_post, depth)
    raise _findings_exit(result, exit_zero)


class DiffFormat(enum.StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


@app.command()
def diff(
    paths: Annotated[list[Path], typer.Argument(help="OLD NEW (files or folders), or one PATH with --base REV.")],
    base: Annotated[
        str | None, typer.Option("--base", help="Compare PATH with its version at this git revision (as OLD).")
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "--output-format", "-f", help="terminal, json or markdown.")
    ] = DiffFormat.terminal,
    output_file: Annotated[Path | None, typer.Option("--output", "--output-file", "-o", help="Write to this file.")] = None,
    ruleset: Rulesets = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when the change introduces errors.")] = False,
    force: Force = False,
    verbose: Verbose = False,
) -> None:
    """What a restructure changes: posts, designations, cost, shape, and the findings it introduces or resolves."""
    from orglint import selection
    from orglint.diff.compare import compare
    from orglint.engine import LintOptions

    if base is None and len(paths) != 2:
        raise _fail("give OLD and NEW, or one PATH with --base REV")
    if base is not None and len(paths) != 1:
        raise _fail("with --base REV, give one PATH (its version at REV is OLD)")
    for path in paths:
        if not path.exists():
            raise _fail(f"{path}: no such file or folder")
    options = LintOptions(rulesets=selection.split(ruleset), config_file=config, isolated=isolated)
    checkout = None
    try:
        if base is not None:
            checkout = _checkout(base, paths)
            old_path, new_path = checkout.path_of(paths[0]), paths[0]
            old_label = checkout.display(str(old_path))
            if not old_path.exists():
                raise _fail(f"{paths[0]} does not exist at {base}")
        else:
            old_path, new_path = paths
            old_label = str(old_path)
        old = _lint([old_path], options)
        new = _lint([new_path], options)
        _keep_until_exit((old, new))
        result = compare(old_label, old, str(new_path), new)
        if checkout is not None:  # show REV:path, not the temporary folder
            for finding in result.findings.old_side():
                finding.span = finding.span._replace(file=checkout.display(finding.span.file))
    finally:
        if checkout is not None:
            checkout.close()
    if output_format is DiffFormat.json:
        from orglint.diff.json_format import render as render_json

        buffer = io.StringIO()
        render_json(result, buffer)
        text = buffer.getvalue()
    else:
        from orglint.diff.sections import diff_sections

        text = _sections_text(diff_sections(result), output_format is DiffFormat.markdown, output_file is not None)
    _deliver(text, output_file, {**old.read, **new.read}, force)
    raise typer.Exit(EXIT_FINDINGS if result.findings.introduces_errors and not exit_zero else EXIT_CLEAN)


def _checkout(revision: str, paths: list[Path]) -> Checkout:
    from orglint.revisions import RevisionError, checkout

    try:
        return checkout(revision, paths)
    except RevisionError as error:
        raise _fail(f"--base {revision}: {error}") from None


@app.command("import")
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
    from orglint.convert import ImportFailed, describe, read_source, render, sources_of
    from orglint.engine import LintOptions

    if not source.is_file():
        raise _fail(f"{source}: no such file")
    if source.suffix.casefold() not in (".csv", ".xlsx"):
        raise _fail(f"{source}: import reads organograms and spreadsheets (.csv, .xlsx); it is already a structure file?")
    from orglint.load.source import real_path

    target = output or source.with_suffix(".yaml")
    options = LintOptions(config_file=config, isolated=isolated)
    settings = options.config_for(source.parent)
    read = {real_path(path): "the file being imported" for path in (source, junior) if path is not None}
    if settings.path is not None:
        read[settings.path] = "a configuration file"
    if not force:
        from orglint.output_file import refuse_to_replace

        refuse_to_replace(target, read)
        if target.exists():
            raise _fail(f"{target} exists: use --force to overwrite it")
    try:
        structure, faults = read_source(source, junior, settings)
    except ImportFailed as failure:  # nothing readable: say why, write nothing
        for finding in failure.findings:
            sys.stderr.write(describe(finding) + "\n")
        raise typer.Exit(EXIT_FINDINGS) from None
    for finding in faults:  # cells left out: the file is written without them
        sys.stderr.write(describe(finding) + "\n")
    text = render(structure, sources_of(structure), today())
    _write_output(target, text, read, force=True)  # refused above, unless forced
    sys.stderr.write(f"orglint: wrote {len(structure.posts)} posts to {target}\n")
    raise typer.Exit(EXIT_FINDINGS if faults else EXIT_CLEAN)


baseline_app = typer.Typer(help="Record accepted findings, so that only new ones fail.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write")
def baseline_write(
    file: Annotated[Path, typer.Argument(help="The baseline file to write (JSON).")],
    paths: Paths = None,
    ruleset: Rulesets = None,
    force: Force = False,
    verbose: Verbose = False,
) -> None:
    """Record every current finding in FILE (keyed by file, rule, post and message, not line)."""
    from orglint import selection
    from orglint.baseline import render
    from orglint.engine import LintOptions

    result = _lint(paths, LintOptions(rulesets=selection.split(ruleset)))
    _write_output(file, render(result.diagnostics), result.read, force)
    sys.stdout.write(f"orglint: recorded {len(result.diagnostics)} finding(s) in {file}\n")


def _print_statistics(result: LintResult) -> None:
    from collections import Counter

    from rich.table import Table
    from rich.text import Text

    from orglint.console import console
    from orglint.reporters import summary_line

    counts = Counter((d.code, d.name, d.severity.label) for d in result.diagnostics)
    table = Table(box=None, show_header=True, header_style="bold")
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("name")
    table.add_column("severity")
    for (code, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        table.add_row(str(count), code, name, severity)
    view = console()
    if counts:
        view.print(table)
    files = _files_with_errors(result)
    if files:
        width = max(len(f"{count:,}") for _, counts in files for count in counts)
        view.print()
        view.print(Text("Files with errors (errors, warnings):", style="bold"))
        for file, (errors, warnings) in files:
            # one line a file, never folded: a path cut in two cannot be copied
            view.print(Text(f"{errors:>{width},} {warnings:>{width},}  {file}"), soft_wrap=True)
    view.print(summary_line(result))


def _files_with_errors(result: LintResult) -> list[tuple[str, tuple[int, int]]]:
    """Each file with at least one error, with its error and warning counts, most errors first."""
    from orglint.diagnostics import Severity

    counts: dict[str, list[int]] = {}
    for diagnostic in result.diagnostics:
        tally = counts.setdefault(diagnostic.span.file, [0, 0])
        if diagnostic.severity is Severity.ERROR:
            tally[0] += 1
        elif diagnostic.severity is Severity.WARNING:
            tally[1] += 1
    failing = [(file, (errors, warnings)) for file, (errors, warnings) in counts.items() if errors]
    return sorted(failing, key=lambda item: (-item[1][0], item[0]))


@app.command("rule")
def rule_docs(
    code: Annotated[str | None, typer.Argument(help="A rule code or name.")] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Show every rule's documentation.")] = False,
    output_format: Annotated[str, typer.Option("--output-format", help="text or json.")] = "text",
    verbose: Verbose = False,
) -> None:
    """Show a rule's documentation: what it checks, why, its basis, how to fix it."""
    from orglint.docs import render_rule_docs
    from orglint.rules.registry import code_of, registered_rules

    if all_rules == (code is not None):
        raise _fail("give a rule code or name, or --all")
    if all_rules:
        chosen = list(registered_rules().values())
    else:
        assert code is not None
        found_code = code_of(code)
        found = registered_rules()[found_code] if found_code is not None else None
        if found is None:
            from orglint.selection import expand

            expand(code, registered_rules())  # a SelectorError if it names nothing
            raise _fail(f"{code!r} is a prefix: give one rule's code or name")
        chosen = [found]
    render_rule_docs(chosen, output_format, sys.stdout)


@app.command("rules")
def rules_table(
    ruleset: Annotated[list[str] | None, typer.Option("--ruleset", "-r", help="Ruleset name or path (default: core).")] = None,
    output_format: Annotated[str, typer.Option("--output-format", help="text or json.")] = "text",
    verbose: Verbose = False,
) -> None:
    """List every rule, and whether the ruleset enables it and at what severity."""
    from orglint import selection
    from orglint.docs import render_rules_table
    from orglint.ruleset import load_ruleset

    references = selection.split(ruleset) or ["core"]
    resolved = load_ruleset(references, Path.cwd())
    render_rules_table(resolved, output_format, sys.stdout)


class SchemaKind(enum.StrEnum):
    structure = "structure"
    ruleset = "ruleset"


@app.command("schema")
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file format.")] = SchemaKind.structure, verbose: Verbose = False
) -> None:
    """Print the JSON Schema of structure or ruleset files (the source of schemas/*.json)."""
    import json

    from orglint.schema import SCHEMAS

    sys.stdout.write(json.dumps(SCHEMAS[kind.value](), indent=2, ensure_ascii=False) + "\n")


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


_kept: list[object] = []


def _keep_until_exit(result: object) -> None:
    """Hold the command's result (lint results, structures) past its return, so that it is never
    freed: ``main`` ends the process without teardown (the last result only: in-process callers
    such as tests reuse ``app``)."""
    _kept[:] = [result]


def _terminated(signal_number: int, frame: object) -> None:
    """SIGTERM unwinds as Ctrl-C does, so a file being written is removed, not left half-done."""
    raise SystemExit(128 + signal_number)


def main() -> None:
    """Entry point. Click's own usage errors exit 2, as docs/command-line.md says.

    Once the command is done and its output flushed, the process ends without the interpreter's
    teardown: freeing a large structure object by object (0.4 s at 100k posts, seconds at a
    million) achieves nothing. Every file orglint writes is complete (renamed into place) by then.
    """
    signal.signal(signal.SIGTERM, _terminated)
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exit_request:
        code = exit_request.code
    if isinstance(code, str):  # sys.exit("message"): Python prints it and exits 1
        sys.stderr.write(code + "\n")
        code = 1
    with contextlib.suppress(BrokenPipeError, ValueError):  # output closed early (`| head`): nothing left to say
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code or 0)
