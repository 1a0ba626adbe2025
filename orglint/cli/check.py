"""``orglint check``, the linter, and ``orglint baseline write``, which records what check finds."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from orglint.cli import shared
from orglint.cli.app import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, BadUsage
from orglint.output.check import OutputFormat

if TYPE_CHECKING:
    from orglint.engine import LintOptions, LintResult
    from orglint.fix import FileFix, FixOutcome


def check(
    paths: shared.Paths = None,
    ruleset: shared.Rulesets = None,
    select: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Rules to run instead of the ruleset's: codes, prefixes, names or ALL."),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(metavar="RULES", help="Rules to run as well as the ruleset's.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(metavar="RULES", help="Rules not to run.")] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            metavar="FORMAT",
            help="full, concise, json, sarif, junit or github (default: the config's, else full).",
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output-file", "-o", help="Write the output format here; the terminal still shows the full format."),
    ] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Show a count per rule instead of each finding.")] = False,
    exit_zero: shared.ExitZero = False,
    max_warnings: Annotated[
        int | None, typer.Option("--max-warnings", min=0, help="Fail when there are more warnings than this.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Fail only on findings not recorded in this baseline file.")
    ] = None,
    config: shared.ConfigFile = None,
    isolated: shared.Isolated = False,
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
    base: Annotated[
        str | None, typer.Option("--base", metavar="REV", help="The git revision --new-only compares with (default: HEAD).")
    ] = None,
    apply_fixes: Annotated[
        bool,
        typer.Option("--fix", help="Apply the safe fixes of fixable rules to the YAML files, then report what is left."),
    ] = False,
    show_fixes: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff of what --fix would change (exit 1 if any); write nothing.")
    ] = False,
    force: shared.Force = False,
    verbose: shared.Verbose = False,
) -> None:
    """Lint structure files and folders."""
    from orglint import selection
    from orglint.engine import LintOptions
    from orglint.load.source import real_path
    from orglint.output.check import reporter

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
        raise BadUsage(f"{junior}: no such file (--junior)")
    if base is not None and not new_only:
        raise BadUsage("--base REV goes with --new-only (or use `orglint diff PATH --base REV`)")
    if apply_fixes and show_fixes:
        raise BadUsage("--fix writes the fixes and --diff only shows them: give one of them")
    if (apply_fixes or show_fixes) and ignore_suppressions:
        # fixing what a comment hides would rewrite a value the author chose to keep, and then call the comment unused
        raise BadUsage(
            f"{'--fix' if apply_fixes else '--diff'} leaves suppressed findings as they are: "
            "--ignore-suppressions cannot go with it"
        )
    if show_fixes:
        _refuse_with_diff(
            {
                "-o/--output-file": output_file is not None,
                "--output-format": output_format is not None,
                "--statistics": statistics,
                "--exit-zero": exit_zero,
                "--max-warnings": max_warnings is not None,
            }
        )
    chosen_format = output_format.value if output_format is not None else None
    if chosen_format is None:
        chosen_format = options.config_for(Path.cwd()).settings.output_format or "full"

    def lint_once() -> LintResult:
        linted = shared.lint_paths(paths, options)
        if new_only:
            _keep_new_only(linted, paths or [Path(".")], base or "HEAD", options)
        if baseline is not None:
            linted.read[real_path(baseline)] = "the baseline"
            _apply_baseline(linted, baseline)
        return linted

    result = _fix(lint_once, write=apply_fixes) if apply_fixes or show_fixes else lint_once()

    # nothing to check is said on stderr, and a summary would mislead; but a run whose every finding
    # is suppressed (by --new-only, a baseline) still says so
    nothing_found = not result.runs and not result.diagnostics and not result.suppressed
    if output_file is not None:
        buffer = io.StringIO()
        reporter(chosen_format)(result, buffer)
        shared.write_output(output_file, buffer.getvalue(), result.read, force)
    with shared.writing_out():
        if statistics:
            _print_statistics(result)
        elif output_file is not None:
            if not nothing_found:
                reporter("full")(result, sys.stdout)
        elif not (nothing_found and chosen_format == "full"):
            reporter(chosen_format)(result, sys.stdout)
        sys.stdout.flush()
    raise shared.findings_exit(result, exit_zero, max_warnings)


def _refuse_with_diff(given: dict[str, bool]) -> None:
    """``--diff`` prints the patch and exits 1 if there is one (docs/command-line.md): options
    about the findings' report or exit code would be silently dropped, so they are refused."""
    named = [option for option, present in given.items() if present]
    if named:
        raise BadUsage(
            f"--diff prints only the patch --fix would apply, and exits 1 if there is one: {', '.join(named)} cannot go with it"
        )


def _fix(lint_again: Callable[[], LintResult], write: bool) -> LintResult:
    """``--fix`` (``write``): apply the safe fixes, say what was fixed and what was left alone, and
    return the lint of the fixed files. ``--diff``: print what ``--fix`` would change and exit."""
    from orglint.fix import CHANGED_MEANWHILE, fix_rounds, write_fixes

    outcome = fix_rounds(lint_again)
    for display, why in outcome.left_alone.items():
        shared.say(f"{display} not fixed: {why}")
    changed = outcome.changed
    if not write:
        with shared.writing_out():
            for fix in changed:
                sys.stdout.write(fix.diff())
            sys.stdout.flush()
        if changed:
            said = f"--fix would fix {_tally(changed, outcome)}"
        else:  # "nothing to fix" would contradict the "not fixed" lines just above
            said = "nothing else to fix" if outcome.left_alone else "nothing to fix"
        shared.say(said)
        raise typer.Exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    not_written = write_fixes(outcome)
    written = [fix for fix in changed if fix.display not in not_written]
    if written:
        shared.say(f"fixed {_tally(written, outcome)}")
    for display, why in not_written.items():
        if why == CHANGED_MEANWHILE:
            shared.say(f"{display} not fixed: {why}")
        else:  # the others are written all the same, and said to be
            shared.say(f"error: {why}")
    if any(why != CHANGED_MEANWHILE for why in not_written.values()):
        raise typer.Exit(EXIT_USAGE)  # as any write that fails
    if not_written or outcome.result is None:
        return lint_again()  # what is on disk now
    return outcome.result


def _tally(fixes: list[FileFix], outcome: FixOutcome) -> str:
    """``3 findings in 2 files``, and the findings those fixes led to, which the run did not show
    (a team's tiers, after its director's is set right)."""
    from orglint.output.figures import plural

    seen = sum(outcome.seen_fixed(fix) for fix in fixes)
    led_to = sum(len(fix.fixed) for fix in fixes) - seen
    files = len(fixes)
    said = f"{plural(seen, 'finding')} in {plural(files, 'file')}"
    return said + (f" (and {led_to:,} more that those fixes lead to)" if led_to else "")


def _keep_new_only(result: LintResult, paths: list[Path], revision: str, options: LintOptions) -> None:
    """Keep the findings the revision's version of ``paths`` does not have; the others count as
    suppressed ("already in REV"), but for input findings (X001, X002, X004), which a baseline does not
    accept either: what the rules say of a file that cannot be read as written is not trusted."""
    from orglint.diagnostics import Suppressed
    from orglint.diff.findings import Side, compare_findings
    from orglint.engine import LintResult, lint
    from orglint.load.source import display_path

    checkout = shared.checkout_at(revision, paths)
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
    old = [d for d in changes.persisting if not d.about_input]
    result.diagnostics = [*changes.introduced, *(d for d in changes.persisting if d.about_input)]
    result.suppressed.extend(Suppressed(d, f"already in {revision}") for d in old)


def _apply_baseline(result: LintResult, path: Path) -> None:
    from orglint.baseline import Baseline
    from orglint.diagnostics import Suppressed

    accepted = Baseline.read(path)
    result.diagnostics, known, stale = accepted.filter(result.diagnostics)
    result.suppressed.extend(Suppressed(diagnostic, f"accepted in the baseline {path}") for diagnostic in known)
    if stale:
        shared.say(
            f"{len(stale)} baseline {'entry' if len(stale) == 1 else 'entries'} in {path} no longer "
            f"{'matches' if len(stale) == 1 else 'match'} "
            f"(fixed, or changed): shrink it with `orglint baseline write {path}`"
        )
        from orglint.safe_text import safe_text  # the entries are the baseline file's text

        for entry in stale:
            sys.stderr.write(f"  {safe_text(entry)}\n")


def _print_statistics(result: LintResult) -> None:
    from collections import Counter

    from rich.table import Table
    from rich.text import Text

    from orglint.console import console
    from orglint.output.check import summary_line
    from orglint.safe_text import safe_inside_line

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
            view.print(Text(f"{errors:>{width},} {warnings:>{width},}  {safe_inside_line(file)}"), soft_wrap=True)
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


baseline_app = typer.Typer(help="Record accepted findings, so that only new ones fail.", no_args_is_help=True)


def baseline_write(
    file: Annotated[Path, typer.Argument(help="The baseline file to write (JSON).")],
    paths: shared.Paths = None,
    ruleset: shared.Rulesets = None,
    force: shared.Force = False,
    verbose: shared.Verbose = False,
) -> None:
    """Record every current finding in FILE (keyed by file, rule, post and message, not line)."""
    from orglint import selection
    from orglint.baseline import acceptable, render
    from orglint.engine import LintOptions
    from orglint.safe_text import safe_text

    result = shared.lint_paths(paths, LintOptions(rulesets=selection.split(ruleset)))
    accepted = acceptable(result.diagnostics)
    shared.write_output(file, render(accepted), result.read, force)
    sys.stdout.write(f"orglint: recorded {len(accepted)} finding(s) in {safe_text(str(file))}\n")
    left_out = len(result.diagnostics) - len(accepted)
    if left_out:
        shared.say(
            f"{left_out} input finding(s) (X001, X002, X004) not recorded: a baseline accepts no fault in "
            "reading the files; mend them"
        )
