"""One YAML file read and parsed, with its X001 faults as findings."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from orglint.diagnostics import Diagnostic
from orglint.load.input_findings import invalid_yaml
from orglint.load.overlay import current_overlay
from orglint.load.source import Limits, LoadProblem, SourceFile, decode_text, read_bytes
from orglint.load.suppression_comments import comments_only, scan
from orglint.load.yaml_source import YamlMap, compose


@dataclass
class YamlDocument:
    source: SourceFile
    root: Any = None
    findings: list[Diagnostic] = field(default_factory=list)
    text: str = ""
    """The file's text, kept only when it failed to parse."""

    @property
    def is_structure(self) -> bool:
        """Marked as a structure by a top-level ``orglint:`` key."""
        return isinstance(self.root, YamlMap) and "orglint" in self.root

    @property
    def is_root(self) -> bool:
        return self.is_structure and "organisation" in self.root

    @property
    def looks_like_structure(self) -> bool:
        """For files that did not parse: does any line start with ``orglint:``?"""
        return self.is_structure or any(line.startswith("orglint:") for line in self.text.splitlines())


def load_yaml(path: Path, limits: Limits | None = None) -> YamlDocument:
    document = YamlDocument(SourceFile(path))
    data = b""
    try:
        data = read_bytes(path, limits=limits)  # an overlay's text, if it has one (``orglint server``, ``--fix``)
        overlay = current_overlay()
        earlier = overlay.parsed(path, data) if overlay is not None else None
        if earlier is not None:
            return _again(earlier, data)
        document.root, problems = compose(data, document.source)
        document.source.suppressions = comments_only(scan(data, document.source.display), document.root)
    except LoadProblem as problem:
        # the text is kept only for files that failed, to judge whether they meant to be structures
        with contextlib.suppress(LoadProblem):
            document.text = decode_text(data)
        document.findings.append(invalid_yaml(document.source, problem))
        return document
    document.findings.extend(invalid_yaml(document.source, problem) for problem in problems)
    if overlay is not None:
        overlay.remember(path, data, document)
    return document


def _again(earlier: YamlDocument, data: bytes) -> YamlDocument:
    """A file read before with the same bytes (``orglint server``), as if parsed anew: its tree
    is shared (nothing changes it), its findings are copies (the engine completes them in
    place) and its suppression comments fresh (each run notes which ones were used)."""
    earlier.source.suppressions = comments_only(scan(data, earlier.source.display), earlier.root)
    return YamlDocument(earlier.source, earlier.root, [replace(finding) for finding in earlier.findings], earlier.text)
