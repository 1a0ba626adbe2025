"""The language server's latency (issue 22): from a change typed in an editor to its diagnostics.

Generates a 2,000-post structure as a repository holds one (a root file and eight department
files it includes, 250 posts each), starts ``python -m orglint server`` as an editor does (pygls's
own client, over stdio), opens one department file, waits for the server to be warm, then makes
CHANGES one-character edits to that file, each undoing the last (a tier made wrong, then right
again: a finding appears and goes), waiting after each for the diagnostics to be published. Prints
the median and 90th percentile of the time from sending a change to receiving the edited file's
diagnostics for it (the server says which version of the text they are for), and to receiving
those of every file of the structure. Then bursts of changes 10 ms apart (a held key), timed from
the last change of each to its diagnostics: the server lints the first change of a burst at once
and the rest together once they pause for ``DEBOUNCE_SECONDS`` (50 ms), which that time includes.

Beside them, the same machine's time for ``orglint check`` of the structure as a fresh process
(what pre-commit runs), and the ratio of the two: the machines here are shared and noisy, and the
ratio moves less than either figure.

Target (issue 22): a median under 150 ms once warm.

    .venv/bin/python bench/server_latency.py               # 2,000 posts, 40 changes
    .venv/bin/python bench/server_latency.py --posts 20000
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))
from generate import DEPARTMENTS, post_yaml

DEPARTMENT_FILES = 8
BURST = 5


def write_repository(folder: Path, posts: int) -> tuple[Path, list[Path]]:
    """A root file holding the top posts and DEPARTMENT_FILES included files with the rest."""
    (folder / ".git").mkdir()
    (folder / "departments").mkdir()
    share = posts // (DEPARTMENT_FILES + 1)
    head = "orglint: 1\norganisation:\n  name: Benchmark Borough Council\n  type: district\n  ruleset: core\n"
    head += "include: [departments/*.yaml]\ndepartments:\n" + "".join(
        f"  - id: {d}\n    name: {d.title()}\n" for d in DEPARTMENTS
    )
    root = folder / "council.yaml"
    root.write_text(head + "posts:\n" + "".join(post_yaml(i) for i in range(share)), encoding="utf-8")
    included = []
    for number in range(DEPARTMENT_FILES):
        start = share * (number + 1)
        end = posts if number == DEPARTMENT_FILES - 1 else start + share
        path = folder / "departments" / f"part-{number}.yaml"
        path.write_text("orglint: 1\nposts:\n" + "".join(post_yaml(i) for i in range(start, end)), encoding="utf-8")
        included.append(path)
    return root, included


class Timings:
    """When each file's diagnostics last arrived, and for which version of the edited file."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.versions: dict[str, int | None] = {}
        self.event = asyncio.Event()


async def wait_for(timings: Timings, uris: set[str], since: float, version: int | None = None, timeout: float = 60) -> float:
    """The time at which every one of ``uris`` has had diagnostics published after ``since`` (for
    ``version`` of the edited file, where the server says which version they are for)."""

    def done() -> bool:
        fresh = all(timings.arrived.get(uri, 0) > since for uri in uris)
        return fresh and (version is None or all(timings.versions.get(uri) in (None, version) for uri in uris))

    async def settled() -> float:
        while not done():
            timings.event.clear()
            await timings.event.wait()
        return max(timings.arrived[uri] for uri in uris)

    return await asyncio.wait_for(settled(), timeout)


def check_seconds(root: Path) -> float:
    """How long ``orglint check`` of the structure takes as a fresh process (the same machine, the same moment)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "orglint", "check", str(root), "--output-format", "concise"], capture_output=True)
    return time.perf_counter() - started


async def measure(posts: int, changes: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root, included = write_repository(Path(temporary), posts)
        edited = included[3]
        text = edited.read_text(encoding="utf-8")
        uri = edited.as_uri()
        every_uri = {root.as_uri(), *(path.as_uri() for path in included)}
        tier_line = next(index for index, line in enumerate(text.splitlines()) if line.startswith("    tier: "))
        tier_column = len("    tier: ")
        right = text.splitlines()[tier_line][tier_column]
        wrong = "9" if right != "9" else "8"

        client = LanguageClient("orglint-bench", "1")
        timings = Timings()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            timings.arrived[params.uri] = time.perf_counter()
            timings.versions[params.uri] = params.version
            timings.event.set()

        await client.start_io(sys.executable, "-m", "orglint", "server")
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        client.initialized(types.InitializedParams())
        sent = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
            )
        )
        cold = await wait_for(timings, every_uri, sent) - sent

        place = types.Range(
            start=types.Position(line=tier_line, character=tier_column),
            end=types.Position(line=tier_line, character=tier_column + 1),
        )

        def change(version: int) -> float:
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangePartial(range=place, text=wrong if version % 2 else right)],
                )
            )
            return time.perf_counter()

        to_file, to_all, after_burst = [], [], []
        version = 1
        for _ in range(changes):
            version += 1
            sent = change(version)
            to_file.append(await wait_for(timings, {uri}, sent, version) - sent)
            to_all.append(await wait_for(timings, every_uri, sent, version) - sent)
            await asyncio.sleep(0.1)  # an editor's pause between edits
        for _ in range(changes // BURST):  # a burst: BURST changes 10 ms apart, as a held key makes them
            for _ in range(BURST):
                version += 1
                sent = change(version)
                await asyncio.sleep(0.01)
            after_burst.append(await wait_for(timings, {uri}, sent, version) - sent)
            await asyncio.sleep(0.1)

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        check = min(check_seconds(root) for _ in range(3))

    def milliseconds(values: list[float]) -> str:
        ordered = sorted(values)
        median = statistics.median(ordered) * 1000
        p90 = ordered[int(len(ordered) * 0.9) - 1] * 1000
        return f"median {median:.0f} ms, 90th percentile {p90:.0f} ms"

    print(f"orglint server: {posts:,} posts in {DEPARTMENT_FILES + 1} files, {changes} one-character changes to one of them")
    print(f"  first lint, on opening (cold): {cold * 1000:.0f} ms")
    print(f"  change → the edited file's diagnostics: {milliseconds(to_file)}")
    print(f"  change → every file's diagnostics:      {milliseconds(to_all)}")
    print(f"  a burst's last change → its diagnostics: {milliseconds(after_burst)} ({BURST} changes 10 ms apart)")
    print(f"  `orglint check` of the structure, a fresh process as pre-commit runs it: {check * 1000:.0f} ms (best of 3)")
    print(f"  ratio, a change's median to that check: {statistics.median(to_file) / check:.2f}")
    verdict = "ok" if statistics.median(to_file) <= 0.150 else "over"
    print(f"  target: median under 150 ms ({verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()
    asyncio.run(measure(args.posts, args.changes))


if __name__ == "__main__":
    main()
