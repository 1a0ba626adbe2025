"""``orglint server`` end to end: a real LSP client (pytest-lsp) drives ``python -m orglint server``
as a subprocess over stdio, on a copy of the Riverside sample in a temporary repository."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from lsprotocol.converters import get_converter as default_converter
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow  # a server process per test

CAPABILITIES = types.ClientCapabilities(
    window=types.WindowClientCapabilities(show_document=types.ShowDocumentClientCapabilities(support=True)),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True),
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
    ),
)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Riverside, clean under the core ruleset, in a repository of its own."""
    shutil.copytree(SAMPLES / "riverside", tmp_path / "riverside")
    (tmp_path / ".git").mkdir()
    return tmp_path / "riverside"


@pytest.fixture
def included(repository: Path) -> Path:
    """The repository's included file the tests open and edit: a department's posts."""
    return repository / "departments" / "communities.yaml"


def _command_or_code_action(given: Any, _: type) -> types.Command | types.CodeAction:
    """lsprotocol's own hook takes anything with a ``command`` key for a Command, but a CodeAction
    may carry a command too (an object, where a Command's is its name): the protocol tells them
    apart by that key's type, as editors do."""
    kind = types.Command if isinstance(given.get("command"), str) else types.CodeAction
    return converter.structure(given, kind)


converter = default_converter()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "orglint", "server"]))
async def client(lsp_client: LanguageClient):
    lsp_client.protocol._converter.register_structure_hook(types.Command | types.CodeAction, _command_or_code_action)
    yield
    await lsp_client.shutdown_session()


async def start(client: LanguageClient, options: object = None) -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(capabilities=CAPABILITIES, initialization_options=options))


async def published(
    client: LanguageClient, uri: str, wanted: Callable[[list[types.Diagnostic]], bool], timeout: float = 30
) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once they are as wanted (the server publishes as it lints)."""

    async def settle() -> list[types.Diagnostic]:
        while uri not in client.diagnostics or not wanted(list(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(settle(), timeout)


def open_file(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="yaml", version=version, text=path.read_text() if text is None else text
            )
        )
    )
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> types.Hover | None:
    position = types.Position(line=line, character=character)
    return await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )


async def quick_fixes(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.Command | types.CodeAction] | None:
    """The quick fixes the server offers for one of its diagnostics."""
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix]),
        )
    )


def line_of(text: str, needle: str) -> int:
    return next(index for index, line in enumerate(text.splitlines()) if needle in line)


@pytest.mark.asyncio
async def test_initialize_advertises_what_it_does(client: LanguageClient) -> None:
    result = await start(client)
    capabilities = result.capabilities
    assert result.server_info is not None and result.server_info.name == "orglint"
    assert capabilities.hover_provider
    assert capabilities.code_action_provider
    assert capabilities.execute_command_provider is not None
    assert "orglint.placeCursor" in capabilities.execute_command_provider.commands


@pytest.mark.asyncio
async def test_findings_of_unsaved_text_are_published_to_their_files(
    client: LanguageClient, repository: Path, included: Path
) -> None:
    await start(client)
    on_disk = included.read_text()
    uri = open_file(client, included)
    root_uri = (repository / "council.yaml").as_uri()
    assert await published(client, uri, lambda found: True) == []

    # an unsaved edit: Head of Housing now takes the Chief Executive's id
    edited = on_disk.replace("id: HOS-COM-1\n", "id: CE\n", 1)
    replace_all(client, uri, edited, 2)
    found = await published(client, uri, lambda found: "S001" in codes(found))
    duplicate = next(d for d in found if d.code == "S001")
    assert duplicate.range.start.line == line_of(edited, "id: CE")
    assert duplicate.code_description is not None and duplicate.code_description.href.endswith("#s001-duplicate-post-id")
    assert duplicate.severity == types.DiagnosticSeverity.Error
    # related information: where the id is first used, in the root file
    assert duplicate.related_information is not None
    assert duplicate.related_information[0].location.uri == root_uri
    assert included.read_text() == on_disk  # linted the editor's text; wrote nothing

    # the fault undone: the findings go
    replace_all(client, uri, on_disk, 3)
    assert await published(client, uri, lambda found: "S001" not in codes(found)) == []


@pytest.mark.asyncio
async def test_a_root_file_publishes_findings_of_its_included_files(client: LanguageClient, repository: Path) -> None:
    await start(client)
    root = repository / "council.yaml"
    uri = open_file(client, root)
    included_uri = (repository / "departments" / "communities.yaml").as_uri()
    text = root.read_text()
    # the Chief Executive now reports to a post of an included file: a loop through two files
    edited = text.replace("reports_to: null", "reports_to: HOS-COM-1", 1)
    replace_all(client, uri, edited, 2)
    found = await published(client, uri, lambda found: "S003" in codes(found))
    loop = next(d for d in found if d.code == "S003")
    # the loop's other posts are in the included file: its related places point into it
    assert loop.related_information is not None
    assert included_uri in {place.location.uri for place in loop.related_information}


@pytest.mark.asyncio
async def test_hover_shows_the_post_and_the_rule(client: LanguageClient, included: Path) -> None:
    await start(client)
    edited = included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1)
    uri = open_file(client, included, edited)
    await published(client, uri, lambda found: "S001" in codes(found))
    reports_to = line_of(edited, "reports_to: DIR-COM")
    on_post = await hover(client, uri, reports_to, 17)
    assert on_post is not None and isinstance(on_post.contents, types.MarkupContent)
    assert "Director of Communities" in on_post.contents.value
    assert "manager: CE (two posts have this id: S001)" in on_post.contents.value  # which one is unknown

    duplicate = line_of(edited, "id: CE")
    on_finding = await hover(client, uri, duplicate, 10)
    assert on_finding is not None and isinstance(on_finding.contents, types.MarkupContent)
    shown = on_finding.contents.value
    assert "S001 duplicate-post-id" in shown
    for section in ("What it does", "Why", "Basis", "How to fix"):
        assert section in shown


@pytest.mark.asyncio
async def test_code_actions_fix_and_suppress(client: LanguageClient, included: Path) -> None:
    await start(client)
    # the Director's tier is wrong: S006 has a safe fix
    edited = included.read_text().replace("    tier: 2\n", "    tier: 5\n", 1)
    uri = open_file(client, included, edited)
    found = await published(client, uri, lambda found: "S006" in codes(found))
    tier = next(d for d in found if d.code == "S006")
    actions = await quick_fixes(client, uri, tier)
    assert actions is not None
    titles = [action.title for action in actions if isinstance(action, types.CodeAction)]
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Fix S006"))
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "2" and edit.range.start.line == tier.range.start.line
    assert fix.title == "Fix S006: write '2'"

    suppress = next(a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Suppress S006"))
    assert suppress.edit is not None and suppress.edit.changes is not None
    (comment,) = suppress.edit.changes[uri]
    assert comment.new_text == "  # orglint: ignore[S006] -- "
    assert suppress.command is not None and suppress.command.command == "orglint.placeCursor"
    assert len(titles) == 2

    # every safe fix of the file at once, as editors ask on save
    fix_all = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert fix_all is not None
    (every,) = fix_all
    assert isinstance(every, types.CodeAction) and every.kind == "source.fixAll.orglint"
    assert every.edit is not None and every.edit.changes is not None
    assert [change.new_text for change in every.edit.changes[uri]] == ["2"]

    # the cursor is put after the comment, where the reason goes
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=suppress.command.command, arguments=suppress.command.arguments)
    )
    assert client.shown_documents
    selection = client.shown_documents[-1].selection
    assert selection is not None
    assert selection.start.line == tier.range.start.line
    line = edited.splitlines()[tier.range.start.line]
    assert selection.start.character == len(line) + len(comment.new_text)


@pytest.mark.asyncio
async def test_configuration_from_the_editor(client: LanguageClient, included: Path) -> None:
    await start(client, {"ignore": ["S006"]})
    # a team member given a colleague's id: no one reports to it, so the S006 above stands beside the S001
    edited = included.read_text().replace("    tier: 2\n", "    tier: 5\n", 1).replace("id: TM-COM-11\n", "id: TM-COM-12\n", 1)
    uri = open_file(client, included, edited)
    found = await published(client, uri, lambda found: "S001" in codes(found))
    assert "S006" not in codes(found)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"ignore": ["S001"]}))
    found = await published(client, uri, lambda found: "S006" in codes(found))
    assert "S001" not in codes(found)


@pytest.mark.asyncio
async def test_configuration_files_and_rulesets_are_linted(client: LanguageClient, repository: Path) -> None:
    await start(client)
    config = repository / "orglint.toml"
    config.write_text('ignore = ["D103"]\n')
    uri = open_file(client, config, 'ignore = ["D103"]\nselcet = ["S"]\n')
    (fault,) = await published(client, uri, lambda found: bool(found))
    assert fault.range.start.line == 1
    assert "unknown key 'selcet'" in fault.message

    ruleset = repository / "strict.yaml"
    ruleset.write_text("orglint-ruleset: 1\nname: strict\nextends: [core]\n")
    ruleset_uri = open_file(client, ruleset, "orglint-ruleset: 1\nname: strict\nextends: [nowhere]\n")
    (missing,) = await published(client, ruleset_uri, lambda found: bool(found))
    assert missing.range.start.line == 2


@pytest.mark.asyncio
async def test_closing_clears_the_diagnostics(client: LanguageClient, included: Path) -> None:
    await start(client)
    uri = open_file(client, included, included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1))
    await published(client, uri, lambda found: bool(found))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await published(client, uri, lambda found: not found) == []


@pytest.mark.asyncio
async def test_broken_documents_and_malformed_requests_do_not_crash_it(
    client: LanguageClient, repository: Path, included: Path
) -> None:
    await start(client)
    uri = open_file(client, included, "orglint: 1\nposts: [\n  - {id: X\n")
    (broken,) = await published(client, uri, lambda found: bool(found))
    assert broken.code == "X001"
    for text in ("\0\0\0", "orglint: 1\nposts: {a: [}\n", "- - - : : :\n", "&a [*a]\n", "orglint: 1\nposts: 7\n", ""):
        replace_all(client, uri, text, 3)
    # a hover and a code action out of range, on unknown documents, with parameters missing
    nowhere = types.Position(line=9999, character=9999)
    unknown = types.TextDocumentIdentifier(uri=(repository / "nothing.yaml").as_uri())
    assert await client.text_document_hover_async(types.HoverParams(text_document=unknown, position=nowhere)) is None
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=nowhere)
        )
        is None
    )
    frames = [
        b"{not json",
        b'{"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", "params": {"textDocument": {}}}',
        b'{"jsonrpc": "2.0", "id": 901, "method": "textDocument/codeAction", "params": null}',
        b'{"jsonrpc": "2.0", "id": 902, "method": "orglint/nothing", "params": {}}',
        b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"bogus": true}}',
        b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:1", "text": 7}}}',
        b'{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"ignore": "S001"}}}',
        b'{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": ["nonsense"]}}',
    ]
    server = client._server
    assert server is not None and server.stdin is not None
    for body in frames:
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    await server.stdin.drain()
    # still answering
    replace_all(client, uri, included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1), 4)
    found = await published(client, uri, lambda found: "S001" in codes(found))
    assert found


@pytest.mark.asyncio
async def test_deleting_a_file_clears_its_diagnostics(client: LanguageClient, repository: Path, included: Path) -> None:
    await start(client)
    included.write_text(included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1))
    open_file(client, repository / "council.yaml")  # the included file is not open: its findings are published all the same
    included_uri = included.as_uri()
    await published(client, included_uri, lambda found: "S001" in codes(found))
    included.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=included_uri, type=types.FileChangeType.Deleted)])
    )
    assert await published(client, included_uri, lambda found: not found) == []


@pytest.mark.asyncio
async def test_bad_editor_settings_are_said_and_the_old_ones_kept(client: LanguageClient, included: Path) -> None:
    await start(client, {"ignore": ["S001"]})
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"selcet": ["S"]}))
    uri = open_file(client, included, included.read_text().replace("id: HOS-COM-1\n", "id: CE\n", 1))
    await published(client, uri, lambda found: True)
    assert "S001" not in codes(client.diagnostics[uri])
    assert any("selcet: unknown key" in message.message for message in client.messages)


@pytest.mark.asyncio
async def test_a_burst_of_changes_ends_with_the_findings_of_its_last_text(client: LanguageClient, included: Path) -> None:
    await start(client)
    text = included.read_text()
    uri = open_file(client, included, text)
    await published(client, uri, lambda found: True)
    wrong = text.replace("id: HOS-COM-1\n", "id: CE\n", 1)
    for version in range(2, 12):  # as fast as the client sends them, ending on the duplicate id
        replace_all(client, uri, wrong if version % 2 else text, version)
    await published(client, uri, lambda found: "S001" in codes(found))
    await asyncio.sleep(1)  # whatever else is published, the last is the last text's
    assert "S001" in codes(list(client.diagnostics[uri]))
    for version in range(12, 21):  # and back, ending on the text as saved
        replace_all(client, uri, wrong if version % 2 else text, version)
    await published(client, uri, lambda found: not found)
    await asyncio.sleep(1)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_shutdown_and_exit_end_the_process_cleanly(included: Path) -> None:
    client = pytest_lsp.make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "orglint", "server")
    await start(client)
    uri = open_file(client, included)
    await published(client, uri, lambda found: True)
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0


@pytest.mark.asyncio
async def test_a_line_break_the_protocol_does_not_count_moves_nothing(client: LanguageClient, included: Path) -> None:
    """U+2028 ends a line for YAML, not for the editor: the finding after it, and the edits made for
    it, stay on their own line."""
    await start(client)
    edited = (
        included.read_text()
        .replace("title: Director of Communities", 'title: "Director\u2028of Communities"', 1)
        .replace("    tier: 2\n", "    tier: 5\n", 1)
    )
    uri = open_file(client, included, edited)
    found = await published(client, uri, lambda found: "S006" in codes(found))
    tier = next(d for d in found if d.code == "S006")
    editor_lines = edited.split("\n")
    assert editor_lines[tier.range.start.line] == "    tier: 5"
    actions = await quick_fixes(client, uri, tier)
    assert actions is not None
    suppress = next(a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Suppress S006"))
    assert suppress.edit is not None and suppress.edit.changes is not None
    (comment,) = suppress.edit.changes[uri]
    assert comment.range.start.line == tier.range.start.line


@pytest.mark.asyncio
async def test_a_new_file_an_open_root_includes_is_linted(client: LanguageClient, repository: Path) -> None:
    await start(client)
    root_uri = open_file(client, repository / "council.yaml")
    await published(client, root_uri, lambda found: True)
    created = repository / "departments" / "new.yaml"
    created.write_text("orglint: 1\nposts:\n  - {id: CE, title: Second Chief, reports_to: CE, tier: 2}\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=created.as_uri(), type=types.FileChangeType.Created)])
    )
    found = await published(client, created.as_uri(), lambda found: "S001" in codes(found))
    assert found


@pytest.mark.asyncio
async def test_a_change_to_a_document_never_opened_is_ignored_quietly(client: LanguageClient, repository: Path) -> None:
    await start(client)
    never_opened = (repository / "departments" / "communities.yaml").as_uri()
    replace_all(client, never_opened, "orglint: 1\nposts: []\n", 2)
    # still answering, and nothing was said to the user
    included = repository / "departments" / "place.yaml"
    uri = open_file(client, included, included.read_text().replace("    tier: 2\n", "    tier: 5\n", 1))
    await published(client, uri, lambda found: "S006" in codes(found))
    assert client.messages == []


@pytest.mark.asyncio
async def test_an_extension_field_is_no_unknown_key(client: LanguageClient, repository: Path) -> None:
    """A top-level ``x-`` key holds anchors for posts to merge: no finding, and so no quick fix to rename it."""
    await start(client)
    root = repository / "council.yaml"
    text = root.read_text().replace("orglint: 1\n", "orglint: 1\nx-officer: &officer {fte: 1}\n", 1)
    uri = open_file(client, root, text)
    assert await published(client, uri, lambda found: True) == []
    replace_all(client, uri, text.replace("x-officer:", "officer:"), 2)  # not an extension field: unknown
    found = await published(client, uri, lambda found: "X002" in codes(found))
    assert [d.range.start.line for d in found if d.code == "X002"] == [line_of(text, "x-officer:")]
