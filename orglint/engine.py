"""The pipeline, end to end: paths → structures → graph → rules → complete, sorted findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from orglint import apply_suppressions, selection
from orglint.config import Config, Settings
from orglint.config import load as load_config
from orglint.config import nearest as nearest_config
from orglint.diagnostics import Diagnostic, Severity, Span, Suppressed
from orglint.graph import OrgGraph
from orglint.load.discover import Discovery, StructureSources, discover
from orglint.load.perimeter import project_root
from orglint.model.structure import Structure, assemble
from orglint.rules import CheckContext, InputRule, Rule
from orglint.rules.registry import registered_rules
from orglint.ruleset import MissingSettings, Ruleset, load_ruleset
from orglint.safe_text import safe_data
from orglint.wording import shared_by

if TYPE_CHECKING:
    from orglint.load.organogram import Organogram
    from orglint.load.spreadsheet import Spreadsheet

DEFAULT_RULESET = "core"

RulesetKey = tuple[tuple[str, ...], Path, Path, Path | None]
"""Rulesets are resolved once per (references, folder they are relative to, repository, file declaring them)."""


@dataclass(frozen=True)
class LintOptions:
    """What the command line asks of a run (the configuration files say the rest)."""

    rulesets: Sequence[str] = ()
    """Rulesets named on the command line: they replace those the structures name."""
    select: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    ignore_suppressions: bool = False
    only_structures: bool = False
    """Skip named files that are not structures, as folder walks do (for pre-commit)."""
    config_file: Path | None = None
    """One configuration file for every structure (``--config``), instead of the nearest."""
    isolated: bool = False
    """Ignore configuration files altogether."""
    junior: Path | None = None
    """An organogram's junior staff table, when it is not beside the senior one under the usual name."""
    progress: Callable[[str, int, int], None] | None = None
    """Told (root file, index, count) as each structure is checked: for a progress display."""
    whole_structures: bool = False
    """Report the findings on every file of each structure, also one reached through an included
    file named alone (``check`` reports that file's only, as pre-commit names changed files; the
    views show the whole structure, and judge it whole)."""
    rulesets_loaded: dict[RulesetKey, Ruleset] | None = None
    """Rulesets loaded by earlier runs, reused (and added to) by this one: for a long-lived
    caller (the language server), which empties it when a ruleset changes."""

    def config_for(self, folder: Path) -> Config:
        if self.isolated:
            return Config(None, Settings())
        if self.config_file is not None:
            return load_config(self.config_file)
        return nearest_config(folder)


@dataclass
class StructureRun:
    """One structure as it was checked: what reports beyond the findings (``report``, ``tree``,
    ``diff``) build on, with the facts the rules computed (graph, holders, profiles) kept."""

    context: CheckContext
    ruleset: Ruleset
    rules: list[Rule]
    """The rules that ran, with their settings."""

    @property
    def structure(self) -> Structure:
        return self.context.structure

    @property
    def graph(self) -> OrgGraph:
        return self.context.graph


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    posts: int = 0
    runs: list[StructureRun] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    """Findings an inline suppression or the baseline hid (counted in the summary, not shown)."""
    read: dict[Path, str] = field(default_factory=dict)
    """Every file the run read (structures, tables, rulesets, configuration), by real path, with
    what it is: output is never written over them unasked."""

    @property
    def structures(self) -> list[Structure]:
        return [run.structure for run in self.runs]

    def count(self, severity: Severity) -> int:
        return sum(1 for diagnostic in self.diagnostics if diagnostic.severity is severity)


class RuleCrash(Exception):
    """A rule raised: a bug in orglint or a plugin, reported as an internal error (exit 2)."""


def _with_rule_metadata(diagnostic: Diagnostic, rule: type[Rule], severity: Severity, basis: str | None = None) -> Diagnostic:
    """The finding described as its rule describes it: name, severity, basis, fix."""
    # messages and specific fixes quote user data; the rule's own fix is orglint's text
    diagnostic.message = safe_data(diagnostic.message)  # CI log commands are each output format's business
    diagnostic.fix = safe_data(diagnostic.fix) if diagnostic.fix else rule.fix
    diagnostic.name = rule.name
    diagnostic.severity = severity if diagnostic.at_most is None else min(severity, diagnostic.at_most)
    # the ruleset's own basis (a council's policy reference), else the finding's own, else the rule's
    diagnostic.basis = basis or diagnostic.basis or rule.basis
    diagnostic.about_input = issubclass(rule, InputRule)
    return diagnostic


def _root_causes(findings: list[Diagnostic], rules: dict[str, type[Rule]]) -> list[Diagnostic]:
    """The findings without those another finding accounts for (``follows_from``), on the same
    post, or at the same place for a finding about no post: a second top post is S004, and its
    tier is not also S006; a grade G104 reports is not also P101's grade with no pay band."""

    def follows_from(finding: Diagnostic) -> frozenset[str]:
        return finding.follows_from if finding.follows_from is not None else rules[finding.code].follows_from

    if not any(follows_from(finding) for finding in findings):
        return findings
    on_post = {(finding.code, finding.post) for finding in findings if finding.post is not None}
    at_place = {(finding.code, finding.span) for finding in findings}
    return [
        finding
        for finding in findings
        if not any(
            (code, finding.post) in on_post if finding.post is not None else (code, finding.span) in at_place
            for code in follows_from(finding)
        )
    ]


def _once_per_place(findings: list[Diagnostic]) -> list[Diagnostic]:
    """One finding where a rule says the same thing at the same place about several posts: a value
    written once and shared (a mapping anchored and merged into others with ``<<``, an alias) is
    one mistake, given where it is written, naming the posts that share it. What a rule says of
    each may name the post itself (S006's line of command, ``CE > D2``): messages that differ only
    by their own post's id say the same thing, and the first post's is kept."""
    at_place: dict[tuple[str, Span], list[Diagnostic]] = {}
    for finding in findings:
        at_place.setdefault((finding.code, finding.span), []).append(finding)
    if len(at_place) == len(findings):
        return findings
    once = []
    for together in at_place.values():
        if len(together) == 1:  # nearly all: nothing to compare
            once.extend(together)
            continue
        said: dict[tuple[str, str, str | None], list[Diagnostic]] = {}
        for finding in together:
            said.setdefault(_said_of_any_post(finding), []).append(finding)
        for first, *again in said.values():
            posts = list(dict.fromkeys(finding.post for finding in (first, *again) if finding.post is not None))
            if len(posts) > 1:
                first.message = f"{shared_by(posts)}: {first.message}"
                first.sharers = tuple(posts)
            once.append(first)
    return once


def _said_of_any_post(finding: Diagnostic) -> tuple[str, str, str | None]:
    """What a finding says (its message, fix and replacement) with its own post's id masked."""
    if finding.post is None:
        return finding.message, finding.fix, finding.replacement
    own_id = re.compile(rf"(?<![\w-]){re.escape(finding.post)}(?![\w-])")
    return own_id.sub("\0", finding.message), own_id.sub("\0", finding.fix), finding.replacement


def instantiate_rules(ruleset: Ruleset, chosen: list[type[Rule]], must_run: set[str]) -> list[Rule]:
    """The chosen rules with their settings. A rule swept in by ALL or a prefix whose policy the
    ruleset does not give is left out; any other rule missing settings is a configuration error."""
    instances = []
    for rule in chosen:
        try:
            instances.append(ruleset.instantiate(rule))
        except MissingSettings:
            if rule.code in must_run:
                raise
    return instances


def lint(paths: list[Path], options: LintOptions | None = None) -> LintResult:
    options = options or LintOptions()
    rules = registered_rules()
    for selector in (*options.select, *options.extend_select, *options.ignore):
        selection.expand(selector, rules)  # a bad selector is a usage error before any work
    discovery = discover(
        paths,
        skip_non_structures=options.only_structures,
        excluded=lambda path: options.config_for(path.parent).excluded(path),
        junior=options.junior,
        spreadsheet_for=lambda path: options.config_for(path.parent).settings.spreadsheet,
        limits_for=lambda path: options.config_for(path.parent).limits,
    )
    result = LintResult(files=discovery.files, read=discovery.read)
    input_findings = list(discovery.findings)
    session = _Session(options, rules, {} if options.rulesets_loaded is None else options.rulesets_loaded)
    jobs = _structure_builders(discovery, options)
    for index, (display, assemble_one) in enumerate(jobs):
        if options.progress is not None:
            options.progress(display, index, len(jobs))
        structure, found, reported_files = assemble_one()
        if options.whole_structures:
            reported_files = None
        if structure is None:  # unreadable, or refused: its findings say why, and no rule runs
            input_findings.extend(found)
            continue
        # a structure no rule judges (a file of it unread) shows why, whichever of its files were named:
        # pre-commit naming only a department file would pass a structure with a broken include
        input_findings.extend(found if structure.files_unread else _on_reported_files(found, reported_files))
        checked = _lint_structure(structure, reported_files, session)
        result.posts += len(structure.posts)
        result.read.update(checked.read)
        result.runs.append(checked.run)
        result.diagnostics.extend(checked.diagnostics)
        result.suppressed.extend(checked.suppressed)
    for finding in input_findings:  # always reported, always errors
        result.diagnostics.append(_with_rule_metadata(finding, rules[finding.code], rules[finding.code].severity))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


class BuiltStructure(NamedTuple):
    """A structure built from what was read, whatever its format, and what reading it found."""

    structure: Structure | None
    """None if there is nothing to check: unreadable, or refused (the findings say why)."""
    input_findings: list[Diagnostic]
    reported_files: set[str] | None
    """The files findings may be reported on (None: all of the structure's)."""


def build_structures(discovery: Discovery, options: LintOptions) -> list[BuiltStructure]:
    """Every structure found, built, whatever it was read from (``orglint template --from``)."""
    return [build() for _, build in _structure_builders(discovery, options)]


def _structure_builders(discovery: Discovery, options: LintOptions) -> list[tuple[str, Callable[[], BuiltStructure]]]:
    """Each structure found, whatever it was read from, named for the progress display, with the step that builds it."""
    return [
        *((sources.root.source.display, partial(_from_yaml, sources, options)) for sources in discovery.structures),
        *((organogram.source.display, partial(_from_organogram, organogram)) for organogram in discovery.organograms),
        *((spreadsheet.source.display, partial(_from_spreadsheet, spreadsheet)) for spreadsheet in discovery.spreadsheets),
    ]


def _from_yaml(sources: StructureSources, options: LintOptions) -> BuiltStructure:
    structure, found = assemble(sources, options.config_for(sources.root.source.path.parent).limits)
    return BuiltStructure(structure, found, sources.reported_files)


def _from_organogram(organogram: Organogram) -> BuiltStructure:
    from orglint.model.organogram import assemble_organogram  # only for tables: start-up time

    return BuiltStructure(assemble_organogram(organogram), organogram.findings, None)


def _from_spreadsheet(spreadsheet: Spreadsheet) -> BuiltStructure:
    from orglint.model.spreadsheet import assemble_spreadsheet

    structure, found = assemble_spreadsheet(spreadsheet)
    return BuiltStructure(structure, found, None)


def ruleset_for(structure: Structure, options: LintOptions) -> Ruleset:
    """The ruleset ``check`` would lint a structure with (``orglint template --from``)."""
    return _ruleset_for(structure, options.config_for(structure.root.path.parent), options, {})


def _ruleset_for(structure: Structure, config: Config, options: LintOptions, cache: dict[RulesetKey, Ruleset]) -> Ruleset:
    """The command line's rulesets, else the structure's own `ruleset:`, else the configuration's
    default. Paths the repository itself declares may not lead outside it (docs/security.md)."""
    repository = project_root(structure.root.path)
    declared_in: Path | None
    found_above: Path | None = None
    if options.rulesets:
        references, base, span, declared_in = list(options.rulesets), Path.cwd(), None, None
    elif structure.rulesets:
        references, base, span = structure.rulesets, structure.root.path.parent, structure.ruleset_span()
        declared_in = structure.root.path
    else:
        references, base, span = config.rulesets or [DEFAULT_RULESET], config.folder, config.ruleset_span
        declared_in = config.path if options.config_file is None else None  # --config: the user's choice
        if declared_in is not None:
            # found above the repository (a checkout without .git), it is the repository's all the
            # same: what it names stays inside its own project root
            found_above = project_root(declared_in)
    key = (tuple(references), base, repository, declared_in)
    if key not in cache:
        cache[key] = load_ruleset(references, base, span, repository=repository, declared_in=declared_in, found_above=found_above)
    return cache[key]


@dataclass
class _Session:
    """What every structure of one ``lint`` call shares."""

    options: LintOptions
    rules: dict[str, type[Rule]]
    rulesets: dict[RulesetKey, Ruleset] = field(default_factory=dict)
    """Each set of rulesets loaded once, whichever structures name it."""


@dataclass
class _Checked:
    """One structure checked: what ``lint`` adds to its result."""

    run: StructureRun
    read: dict[Path, str]
    """The rulesets and configuration file it was checked with."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)


def _on_reported_files(findings: list[Diagnostic], reported_files: set[str] | None) -> list[Diagnostic]:
    """The findings on the files to report on (all of them when ``reported_files`` is None)."""
    if reported_files is None:
        return findings
    return [finding for finding in findings if finding.span.file in reported_files]


def _lint_structure(structure: Structure, reported_files: set[str] | None, session: _Session) -> _Checked:
    """Check one structure with the rules its configuration and ruleset choose; only findings on
    ``reported_files`` are kept, when given."""
    options, rules = session.options, session.rules
    config = options.config_for(structure.root.path.parent)
    ruleset = _ruleset_for(structure, config, options, session.rulesets)
    read = dict.fromkeys(ruleset.files, "a ruleset")
    if config.path is not None:
        read[config.path] = "a configuration file"
    codes, instances = _chosen_rules(config, ruleset, session)
    if structure.files_unread:  # its input findings are the mistake: the rest would follow from them
        codes, instances = set(), []
    context = CheckContext(structure, OrgGraph(structure), ruleset.policy)
    checked = _Checked(StructureRun(context, ruleset, instances), read)
    produced = config.not_ignored_here(_once_per_place(_run_rules(checked.run, config)))
    produced = _on_reported_files(produced, reported_files)
    if options.ignore_suppressions:
        checked.diagnostics.extend(_root_causes(produced, rules))
        return checked
    comments = [comment for source in structure.files for comment in source.suppressions]
    kept, hidden = apply_suppressions.apply(produced, comments, context.graph)
    # after the suppressions: a finding another accounts for stands where that one is suppressed
    # (G104 accepted for a local grade leaves E103 to say the post is not on its evaluated grade)
    checked.diagnostics.extend(_root_causes(kept, rules))
    checked.suppressed.extend(hidden)
    if apply_suppressions.UNUSED_SUPPRESSION in codes:
        unused_rule = rules[apply_suppressions.UNUSED_SUPPRESSION]
        ran = {rule.code for rule in instances}
        severity, basis = _as_configured(unused_rule, ruleset, config)
        unused = apply_suppressions.unused(comments, ran, structure.posts, rules)
        described = [_with_rule_metadata(d, unused_rule, severity, basis) for d in unused]
        # an X003 is a finding like any other: the configuration's ignores and reported files apply
        checked.diagnostics.extend(_on_reported_files(config.not_ignored_here(described), reported_files))
    return checked


def _as_configured(rule: type[Rule], ruleset: Ruleset, config: Config) -> tuple[Severity, str | None]:
    """The severity and basis a rule's findings have under the ruleset and the configuration."""
    return config.severity_override(rule.code) or ruleset.severity(rule), ruleset.own_basis(rule.code)


def _chosen_rules(config: Config, ruleset: Ruleset, session: _Session) -> tuple[set[str], list[Rule]]:
    """The codes the command line and configuration select from the ruleset, and those rules with
    their settings."""
    options, rules = session.options, session.rules
    select = list(options.select or config.settings.select or ())
    extend_select = [*config.settings.extend_select, *options.extend_select]
    ignore = [*config.settings.ignore, *options.ignore]
    named = selection.named_exactly([*select, *extend_select], rules)
    codes = selection.resolve(ruleset.enabled(), rules, select, extend_select, ignore)
    return codes, instantiate_rules(ruleset, [rules[code] for code in sorted(codes)], named | ruleset.enabled())


def _run_rules(run: StructureRun, config: Config) -> list[Diagnostic]:
    """Every finding of the run's rules, with the severities and basis its ruleset and
    configuration give them."""
    findings: list[Diagnostic] = []
    for rule in run.rules:
        severity, basis = _as_configured(type(rule), run.ruleset, config)
        try:
            findings.extend(_with_rule_metadata(d, type(rule), severity, basis) for d in rule.check(run.context))
        except Exception as error:
            raise RuleCrash(f"rule {rule.code} ({rule.name}) failed on {run.structure.root.display}: {error!r}") from error
    return findings
