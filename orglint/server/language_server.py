"""The Language Server Protocol side of ``orglint server`` (pygls over stdio).

Each open structure file, ruleset and configuration file is linted as the editor holds it: on
open and save at once; on change at once too when the file was last linted a while ago, and
otherwise once changes pause for ``DEBOUNCE_SECONDS`` (so that a burst of changes, a paste or a
held key, is linted once, at its end). A structure file is linted with its whole structure, and each finding is
published to the file it is in; a file that had findings and has none now is sent an empty list.
A change to a configuration file or a ruleset lints every open file again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from orglint import __version__
from orglint.diagnostics import Diagnostic, Severity
from orglint.engine import StructureRun
from orglint.fix import fixable
from orglint.load.overlay import Overlay
from orglint.load.source import real_path
from orglint.safe_text import safe_text
from orglint.server.actions import Replacement, every_safe_fix, fix_title, safe_fix, suppression
from orglint.server.hover import docs_uri, post_markdown, rule_markdown, word_at
from orglint.server.positions import DocumentText, contains, lsp_lines, span_range
from orglint.server.related import related_places
from orglint.server.session import Linted, LintSession, SettingsError, is_config_file, is_lintable

DEBOUNCE_SECONDS = 0.05
"""Changes closer together than this are linted together, once they pause."""

PLACE_CURSOR = "orglint.placeCursor"
"""The command a suppression's code action runs after its edit: the cursor goes where the reason is written."""

FIX_ALL = types.CodeActionKind.SourceFixAll + ".orglint"
"""Every safe fix of a file (editors run it on save when asked: ``editor.codeActionsOnSave``)."""

SOURCE = "orglint"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

log = logging.getLogger(__name__)


class OrglintProtocol(LanguageServerProtocol):
    """pygls's protocol, but a change to a document the editor never opened (a client's mistake)
    is logged and ignored, not answered with an "Error in server" message."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Iterator[Any]:
        if unquote(params.text_document.uri) not in self.workspace.text_documents:
            log.warning("ignored a change to %s, which was never opened", params.text_document.uri)
            return
        yield from super().lsp_text_document__did_change(params)


class OrglintServer(LanguageServer):
    """The server's state: the lint session, the last lint covering each file, what was published."""

    def __init__(self) -> None:
        super().__init__(
            "orglint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental, protocol_cls=OrglintProtocol
        )
        self.session = LintSession()
        self.latest: dict[Path, Linted] = {}
        """By real path: the last lint that covered the file (its findings, its structure)."""
        self.published: dict[Path, set[Path]] = {}
        """By the real path of each file linted: the files its last lint published findings to."""
        self.versions: dict[Path, int | None] = {}
        """The version of each open document when it was last linted (code actions need the same text)."""
        self.uris: dict[Path, str] = {}
        """The URI the editor calls each open file by."""
        self._said: dict[Path, str | None] = {}
        """The failure last shown for each file linted (a message is shown when it changes)."""
        self._due: set[Path] = set()
        """Files to lint when the running lint ends, or the pause in typing does."""
        self._timer: asyncio.Handle | None = None
        self._last_lint = 0.0
        """When the last lint ended (the event loop's clock)."""
        self._lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orglint-lint")
        """One thread lints, one lint at a time: the session's caches are only ever touched there."""
        self._linting = False
        self._cleared: set[Path] = set()
        """Files closed or deleted while the running lint read them: it publishes nothing to them."""

    # Files and their text

    def path_of(self, uri: str) -> Path | None:
        path = to_fs_path(uri)
        return real_path(path) if path is not None and uri.startswith("file:") else None

    def opened_path(self, uri: str) -> Path | None:
        """The path of a document the server follows (opened, and one orglint lints), else None."""
        path = self.path_of(uri)
        return path if path is not None and path in self.uris else None

    def uri_of(self, path: Path) -> str:
        return self.uris.get(path) or path.as_uri()

    def open_paths(self) -> list[Path]:
        paths = (self.path_of(uri) for uri in self.workspace.text_documents)
        return [path for path in paths if path is not None and is_lintable(path)]

    def text_of(self, path: Path) -> str:
        """The file as the editor holds it, else as saved ("" if it cannot be read)."""
        return self.session.text_of(path)

    # Linting and publishing

    def schedule(self, paths: Iterable[Path]) -> None:
        """Lint ``paths`` after a change: at once if nothing was linted in the last
        DEBOUNCE_SECONDS, else when changes pause that long (each change restarts the wait)."""
        self._due.update(paths)
        loop = asyncio.get_running_loop()
        if self._timer is not None:
            self._timer.cancel()
        quiet = not self._linting and self._timer is None and loop.time() - self._last_lint >= DEBOUNCE_SECONDS
        self._timer = loop.call_soon(self._lint_due) if quiet else loop.call_later(DEBOUNCE_SECONDS, self._lint_due)

    def _lint_due(self) -> None:
        self._timer = None
        self.lint_now([])

    def lint_now(self, paths: Iterable[Path]) -> None:
        """Lint ``paths`` and whatever else is due, on the lint thread, with the editor's text as
        it is now; if a lint is running, once it ends. The protocol's thread goes on meanwhile
        (hovers, code actions, more changes), and the results are published from it."""
        self._due.update(paths)
        if self._linting or not self._due:
            return
        due, self._due = list(self._due), set()
        texts = self.session.files.snapshot()
        versions = {path: self.workspace.get_text_document(uri).version for path, uri in self.uris.items()}
        self._linting, self._cleared = True, set()
        loop = asyncio.get_running_loop()
        running = loop.run_in_executor(self._lint_thread, self._lint_all, due, texts)
        running.add_done_callback(lambda done: self._linted(done, versions))

    def fixed_text(self, path: Path, texts: Overlay) -> str | None:
        """On the lint thread: the file's text after every safe fix (``LintSession.fixed_text``);
        None where there is none, or fixing failed (a rule's bug must not end the session)."""
        try:
            return self.session.fixed_text(path, texts)
        except Exception:
            log.exception("fixing %s failed", path)
            return None

    def _lint_all(self, due: list[Path], texts: Overlay) -> list[tuple[Path, Linted | Exception]]:
        """On the lint thread: each file (one another's structure already covered is not linted twice)."""
        covered: set[Path] = set()
        outcomes: list[tuple[Path, Linted | Exception]] = []
        for path in due:
            if path in covered:
                continue
            try:
                linted = self.session.lint(path, texts)
            except Exception as error:  # a rule's bug must not end the editor's session
                log.exception("linting %s failed", path)
                outcomes.append((path, error))
                continue
            covered |= set(linted.findings)
            outcomes.append((path, linted))
        return outcomes

    def _linted(self, done: asyncio.Future[list[tuple[Path, Linted | Exception]]], versions: dict[Path, int | None]) -> None:
        """Back on the protocol's thread: publish what the lint found, then lint what became due."""
        self._linting = False
        self._last_lint = asyncio.get_running_loop().time()
        if done.cancelled():
            return
        if done.exception() is not None:  # the lint thread itself failed (each file's failure is an outcome)
            log.error("linting failed: %r", done.exception())
            return
        for path, outcome in done.result():
            if isinstance(outcome, Exception):
                self.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, safe_text(f"orglint: {path.name}: {outcome!r}"))
                )
            elif path not in self._cleared:  # closed or deleted while it was linted
                self.publish(path, outcome, versions)
        if self._due and self._timer is None:
            self.lint_now([])

    def publish(self, linted_path: Path, linted: Linted, versions: dict[Path, int | None]) -> None:
        """Send each file the findings the lint of ``linted_path`` gave it (``versions``: those of
        the open files' texts it linted)."""
        if linted.failure is not None and linted.failure != self._said.get(linted_path):
            # said once, not at every pause in typing while it lasts
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"orglint: {linted.failure}"))
        self._said[linted_path] = linted.failure
        before = self.published.get(linted_path, set())
        self.published[linted_path] = set(linted.findings)
        documents: dict[Path, DocumentText] = {}  # each file read and indexed once per publish
        claimed = {file for origin, files in self.published.items() if origin != linted_path for file in files}
        for stale in before - set(linted.findings) - claimed:
            self._send(stale, [])
            self.latest.pop(stale, None)
        for file, findings in linted.findings.items():
            if file in self._cleared:
                continue
            self.latest[file] = linted
            version = None
            if file in self.uris:  # open: the findings are those of this version of its text
                version = self.versions[file] = versions.get(file)
            document = self.document(file, documents)
            self._send(file, [self.to_lsp(finding, document, linted.runs, documents) for finding in findings], version)

    def clear(self, path: Path) -> None:
        """Forget what was published to ``path`` and for it."""
        self._cleared.add(path)
        self._send(path, [])
        for file in self.published.pop(path, set()) - {path}:
            if not any(file in files for files in self.published.values()):
                self._send(file, [])
                self.latest.pop(file, None)
        self.latest.pop(path, None)
        self.versions.pop(path, None)

    def _send(self, path: Path, diagnostics: list[types.Diagnostic], version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=self.uri_of(path), diagnostics=diagnostics, version=version)
        )

    def dependents(self, path: Path) -> list[Path]:
        """The open files whose lint read ``path`` (all of them for a configuration file or a
        ruleset, which any structure may use)."""
        open_paths = self.open_paths()
        if self.session.is_shared(path):
            return open_paths
        return [other for other in open_paths if other in self.latest and path in self.latest[other].findings]

    # Protocol values

    def document(self, path: Path, documents: dict[Path, DocumentText] | None = None) -> DocumentText:
        """The file's text as the editor holds it, indexed by line (kept in ``documents`` if given)."""
        if documents is None:
            return DocumentText(self.text_of(path))
        if path not in documents:
            documents[path] = DocumentText(self.text_of(path))
        return documents[path]

    def to_lsp(
        self, finding: Diagnostic, document: DocumentText, runs: list[StructureRun], documents: dict[Path, DocumentText]
    ) -> types.Diagnostic:
        """The finding as the protocol gives it (``document``: its file's text; ``documents``: the
        texts read so far, by real path, for the places it relates)."""
        codec = self.workspace.position_codec
        run = run_of(finding, runs)
        related = []
        for span, message in related_places(finding, run):
            file = real_path(place_file(span.file, run))
            place = types.Location(uri=self.uri_of(file), range=span_range(span, self.document(file, documents), codec))
            related.append(types.DiagnosticRelatedInformation(location=place, message=message))
        href = docs_uri(finding.code) if finding.code else None
        return types.Diagnostic(
            range=span_range(finding.span, document, codec),
            message=finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.code or None,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            related_information=related or None,
        )

    def findings_at(self, path: Path, line: int, column: int) -> list[Diagnostic]:
        """The findings on ``path`` whose span holds the 1-based place."""
        linted = self.latest.get(path)
        if linted is None:
            return []
        return [finding for finding in linted.findings.get(path, []) if contains(finding.span, line, column)]

    def edit(self, document: DocumentText, replacement: Replacement) -> types.TextEdit:
        span = types.Range(start=replacement.start, end=replacement.end)
        return types.TextEdit(
            range=self.workspace.position_codec.range_to_client_units(document.lines, span), new_text=replacement.new
        )


def run_of(finding: Diagnostic, runs: list[StructureRun]) -> StructureRun | None:
    """The structure a finding was found in."""
    for run in runs:
        if any(source.display == finding.span.file for source in run.structure.files):
            return run
    return None


def place_file(display: str, run: StructureRun | None) -> Path:
    """A finding's file, from the name it is shown by."""
    if run is not None:
        for source in run.structure.files:
            if source.display == display:
                return source.path
    return Path(display)


server = OrglintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: OrglintServer, params: types.InitializeParams) -> None:
    _configure(ls, params.initialization_options)


@server.feature(types.INITIALIZED)
def initialized(ls: OrglintServer, params: types.InitializedParams) -> None:
    watching = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watching and watching.dynamic_registration:
        patterns = ["**/*.yaml", "**/*.yml", "**/orglint.toml", "**/pyproject.toml"]
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in patterns]
        )
        registration = types.Registration(
            id="orglint-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


def _configure(ls: OrglintServer, settings: Any) -> bool:
    try:
        ls.session.configure(settings)
    except SettingsError as error:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, str(error)))
        return False
    return True


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: OrglintServer, params: types.DidChangeConfigurationParams) -> None:
    if params.settings is None:  # "something changed" without the settings: those given before stand
        return
    if _configure(ls, params.settings):
        ls.lint_now(ls.open_paths())


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: OrglintServer, params: types.DidOpenTextDocumentParams) -> None:
    path = ls.path_of(params.text_document.uri)
    if path is None or not is_lintable(path):
        return
    ls.uris[path] = params.text_document.uri
    ls.session.opened(path, params.text_document.text)
    ls.lint_now(dict.fromkeys([path, *(ls.dependents(path) if ls.session.is_shared(path) else [])]))


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: OrglintServer, params: types.DidChangeTextDocumentParams) -> None:
    if (path := ls.opened_path(params.text_document.uri)) is not None:
        ls.session.opened(path, ls.workspace.get_text_document(params.text_document.uri).source)
        ls.schedule([path, *ls.dependents(path)])


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: OrglintServer, params: types.DidSaveTextDocumentParams) -> None:
    if (path := ls.opened_path(params.text_document.uri)) is not None:
        ls.session.changed_on_disk(path)
        ls.lint_now([path, *ls.dependents(path)])


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: OrglintServer, params: types.DidCloseTextDocumentParams) -> None:
    if (path := ls.opened_path(params.text_document.uri)) is not None:
        dependents = [other for other in ls.dependents(path) if other != path]
        ls.session.closed(path)
        ls.clear(path)
        ls.uris.pop(path, None)
        ls.lint_now(dependents)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: OrglintServer, params: types.DidChangeWatchedFilesParams) -> None:
    relint: list[Path] = []
    for change in params.changes:
        path = ls.path_of(change.uri)
        if path is None or not is_lintable(path):
            continue
        relint.extend(ls.dependents(path))
        if change.type == types.FileChangeType.Created and not is_config_file(path):
            # no lint read it yet, but an open structure's `include:` may match it (a `git pull`,
            # a branch switched, a file made in the file tree): each open structure is linted again
            relint.extend(ls.open_paths())
        ls.session.changed_on_disk(path)
        if change.type == types.FileChangeType.Deleted:
            ls.clear(path)
    ls.lint_now([path for path in dict.fromkeys(relint) if path.exists() or path in ls.uris])


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: OrglintServer, params: types.HoverParams) -> types.Hover | None:
    path = ls.path_of(params.text_document.uri)
    if path is None or path not in ls.latest:
        return None
    document = ls.document(path)
    if params.position.line >= len(document.lines):
        return None
    place = ls.workspace.position_codec.position_from_client_units(document.lines, params.position)
    line, column = document.place(document.offset(place.line, place.character))  # as findings count lines
    parts = [rule_markdown(finding) for finding in ls.findings_at(path, line, column)]
    linted = ls.latest[path]
    word = word_at(document.lines[place.line], place.character)
    for run in linted.runs:
        post = run.graph.posts.get(word) if word is not None else None
        if post is not None and any(source.path == path or real_path(source.path) == path for source in run.structure.files):
            everything = [finding for found in linted.findings.values() for finding in found]
            parts.append(post_markdown(post, run, everything))
            break
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False),
)
async def code_action(ls: OrglintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    path = ls.opened_path(uri)
    if path is None or path not in ls.latest:
        return None
    if ls.versions.get(path) != ls.workspace.get_text_document(uri).version:
        return None  # changed since it was linted: the findings' places are not this text's
    document = ls.document(path)
    selected = ls.workspace.position_codec.range_from_client_units(document.lines, params.range)
    first_line, _ = document.place(
        document.offset(selected.start.line, selected.start.character)
    )  # as findings count lines: YAML's
    last_line, _ = document.place(document.offset(selected.end.line, selected.end.character))
    findings = [finding for finding in ls.latest[path].findings.get(path, []) if _overlaps(finding, first_line, last_line)]
    text = document.text
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    # fixing lints again, round after round: only where a finding shown has a fix, and on the
    # lint thread (one lint at a time, and the protocol's thread free meanwhile)
    if _asked_for(FIX_ALL, wanted) and any(fixable(finding) for finding in ls.latest[path].findings.get(path, [])):
        version = ls.versions.get(path)
        fixing = asyncio.get_running_loop().run_in_executor(ls._lint_thread, ls.fixed_text, path, ls.session.files.snapshot())
        every = every_safe_fix(text, await fixing)
        if ls.versions.get(path) != version or ls.workspace.get_text_document(uri).version != version:
            return None  # edited while it was fixed: the edit is about the text it was
        if every is not None:
            edit = types.WorkspaceEdit(changes={uri: [ls.edit(document, every)]})
            actions.append(types.CodeAction(title="Fix every safe fix in this file", kind=FIX_ALL, edit=edit))
    if not _asked_for(types.CodeActionKind.QuickFix, wanted):
        return actions
    root = ls.session.composed(path, text) if findings else None
    for finding in findings:
        reported = ls.to_lsp(finding, document, ls.latest[path].runs, {path: document})
        fixed = safe_fix(text, finding)
        if fixed is not None:
            actions.append(
                types.CodeAction(
                    title=fix_title(finding),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[reported],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [ls.edit(document, fixed)]}),
                )
            )
        suppressed = suppression(text, finding, root)
        if suppressed is not None:
            cursor = ls.workspace.position_codec.position_to_client_units(
                lsp_lines(_applied(text, suppressed)), suppressed.cursor
            )
            actions.append(
                types.CodeAction(
                    title=f"Suppress {finding.code} on this line, with a reason",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[reported],
                    edit=types.WorkspaceEdit(changes={uri: [ls.edit(document, suppressed)]}),
                    command=types.Command(title="Write the reason", command=PLACE_CURSOR, arguments=[uri, cursor]),
                )
            )
    return actions


def _asked_for(kind: str, only: Sequence[str] | None) -> bool:
    """Whether a request limited to the kinds ``only`` (and their sub-kinds) wants ``kind``."""
    return only is None or any(kind == wanted or kind.startswith(wanted + ".") for wanted in only)


def _overlaps(finding: Diagnostic, first_line: int, last_line: int) -> bool:
    return finding.span.line <= last_line and finding.span.end_line >= first_line


def _applied(text: str, replacement: Replacement) -> str:
    """``text`` with one line's replacement made (a suppression: start and end on one line)."""
    lines = lsp_lines(text)
    line = lines[replacement.start.line]
    lines[replacement.start.line] = line[: replacement.start.character] + replacement.new + line[replacement.end.character :]
    return "\n".join(lines)


@server.command(PLACE_CURSOR)
def place_cursor(ls: OrglintServer, uri: str, position: types.Position) -> None:
    """Put the cursor where a suppression's reason goes (clients without window/showDocument keep it where it was)."""
    window = ls.client_capabilities.window
    if window is None or window.show_document is None or not window.show_document.support:
        return
    ls.window_show_document(
        types.ShowDocumentParams(uri=uri, take_focus=True, selection=types.Range(start=position, end=position))
    )


def serve() -> None:
    """Speak the protocol on stdin and stdout until the editor says exit."""
    try:
        server.start_io()
    finally:
        server._lint_thread.shutdown(wait=False, cancel_futures=True)  # a lint still running is of no use now
