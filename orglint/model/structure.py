"""A whole structure: the root file and the files it includes, validated and merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orglint.diagnostics import Diagnostic, Span
from orglint.load.discover import StructureSources
from orglint.load.input_findings import invalid_structure
from orglint.load.source import Limits, SourceFile
from orglint.load.yaml_source import YamlMap
from orglint.model.rows import RowOrigin
from orglint.model.schema import Department, Located, Organisation, Post, Profile
from orglint.model.validate import validate_file

if TYPE_CHECKING:
    from orglint.load.organogram import Organogram


@dataclass
class Structure:
    root: SourceFile
    root_map: YamlMap | None
    """The root file's top-level mapping (None for a structure read from tables)."""
    files: list[SourceFile]
    organisation: Organisation | None = None
    departments: list[Department] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    unusable_post_ids: set[str] = field(default_factory=set)
    """Ids of posts left out for format faults (X002): references to them are not also S002."""
    unread_fields: dict[int, frozenset[tuple[str | int, ...]]] = field(default_factory=dict)
    """By a record's identity (``id(post)``): the paths of the fields it gives that could not be
    read, each reported by an X002 (see ``unread``)."""
    unread_lists: set[str] = field(default_factory=set)
    """The lists (``posts``, ``departments``, ``profiles``) a file gives that could not be read
    whole (an X002 each: not a list, or a record left out whose id is unknown): what they would
    hold is unknown, not absent."""
    organogram: Organogram | None = None
    """The tables, for a structure read from a UK organogram (the T rules check them)."""
    implied_rulesets: list[str] = field(default_factory=list)
    """The rulesets a structure of its kind uses when it names none (``uk-organogram`` for organograms)."""
    files_unread: bool = False
    """Whether a file the root includes, or would include, could not be read (an input finding
    says why: unparseable, not a structure, a pattern matching nothing; not a pattern leading
    out of the project, which is refused, X004).
    What it holds is unknown, so no rule judges the structure on what is left: its missing
    officers, spans and unknown managers would be guesses, not findings."""

    def unread(self, item: Located, *path: str | int) -> bool:
        """Whether the file gives ``item`` a value at ``path`` (or a value holding it) that could
        not be read: an X002 reports it, so a rule says nothing of the value's absence (one bad
        date is not also "no date"), and the reporting line of a post whose ``reports_to`` is
        unread is unknown, not "reports to no one"."""
        paths = self.unread_fields.get(id(item))
        return paths is not None and any(path[: len(unread)] == unread for unread in paths)

    def organisation_span(self) -> Span:
        """Where findings about something the whole organisation lacks point: the ``organisation``
        key of a structure file, the organisation's row of a spreadsheet (a workbook's Organisation
        sheet), else the file's start."""
        if self.root_map is not None and "organisation" in self.root_map:
            return self.root_map.key_span("organisation")
        row = self._organisation_row
        if row is not None and row.fields:  # a record of its own, not one made from settings
            return row.span()
        return Span.start_of(self.root.display)

    @property
    def _organisation_row(self) -> RowOrigin | None:
        """Where a spreadsheet's organisation stands (a workbook's Organisation sheet), if it is one's."""
        row = getattr(self.organisation, "origin", None) if self.root_map is None else None
        return row if isinstance(row, RowOrigin) else None

    @property
    def rulesets(self) -> list[str]:
        if self.organisation is None or self.organisation.ruleset is None:
            return list(self.implied_rulesets)
        ruleset = self.organisation.ruleset
        return [ruleset] if isinstance(ruleset, str) else list(ruleset)

    def ruleset_span(self) -> Span:
        organisation = self.root_map.get("organisation") if self.root_map is not None else None
        if isinstance(organisation, YamlMap) and "ruleset" in organisation:
            return organisation.value_span("ruleset")
        row = self._organisation_row
        if row is not None and "ruleset" in row:  # a workbook's Ruleset cell
            return row.value_span("ruleset")
        return self.organisation_span()


def assemble(sources: StructureSources, limits: Limits | None = None) -> tuple[Structure | None, list[Diagnostic]]:
    """Validate every file of a structure and merge them, root first, in include order. A
    structure with more posts than the limit is refused (None) before any is validated."""
    findings = list(sources.findings)
    root_map = sources.root.root
    assert isinstance(root_map, YamlMap)
    structure = Structure(sources.root.source, root_map, [d.source for d in sources.documents])
    structure.files_unread = sources.files_unread
    limit = (limits or Limits()).max_posts
    counted = 0
    for document in sources.documents:
        entries = document.root.get("posts") if isinstance(document.root, YamlMap) else None
        counted += len(entries) if isinstance(entries, list) else 0
        if counted > limit:
            assert isinstance(document.root, YamlMap)
            message = f"the structure has more than {limit:,} posts (raise max-posts in the configuration to check it)"
            findings.append(invalid_structure(message, document.root.key_span("posts")))
            return None, findings
    for document in sources.documents:
        findings.extend(document.findings)
        assert isinstance(document.root, YamlMap)
        content, file_findings = validate_file(document.source, document.root)
        findings.extend(file_findings)
        if document is sources.root and content.header is not None:
            structure.organisation = content.header.organisation
        structure.departments.extend(content.departments)
        structure.profiles.extend(content.profiles)
        structure.posts.extend(content.posts)
        structure.unusable_post_ids |= content.unusable_post_ids
        structure.unread_fields.update(content.unread)
        structure.unread_lists |= content.unread_lists
        if document is not sources.root and "include" in document.root:
            findings.append(
                invalid_structure(
                    f"only the root file ({sources.root.source.display}) may include files",
                    document.root.key_span("include"),
                )
            )
    return structure, findings
