"""JUnit XML, for CI systems that show test reports: a test case per file and rule with findings
(failed), and one per file without any (passed)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from typing import TextIO

from orglint.diagnostics import Diagnostic
from orglint.engine import LintResult
from orglint.output.check.concise import concise_line
from orglint.safe_text import escape_encoded

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot hold (its Char production). Findings reach here through safe_data, which
leaves only U+FFFE and U+FFFF of these; ElementTree would write any of them as it is, and the
file would not parse."""


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(result: LintResult, stream: TextIO) -> None:
    by_case: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for diagnostic in result.diagnostics:
        by_case[(diagnostic.span.file, diagnostic.code)].append(diagnostic)
    files = sorted({source.display for structure in result.structures for source in structure.files} | {f for f, _ in by_case})
    suite = ElementTree.Element("testsuite", name="orglint")
    failures = 0
    for file, code in _cases(files, by_case):
        if code is None:
            ElementTree.SubElement(suite, "testcase", classname=_xml(file), name="orglint")
            continue
        findings = by_case[(file, code)]
        case = ElementTree.SubElement(suite, "testcase", classname=_xml(file), name=f"{code} {findings[0].name}")
        worst = max(finding.severity for finding in findings)
        failures += 1
        element = ElementTree.SubElement(
            case, "failure", message=f"{len(findings)} {worst.label} finding(s) of {code}", type=worst.label
        )
        element.text = _xml("\n".join(concise_line(finding) for finding in findings))
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ElementTree.Element("testsuites")
    root.append(suite)
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    # the data as it is; a `::` or `##[` a CI runner would read (a failure's text has many lines)
    # written as XML character references, which an XML reader decodes back
    stream.write(
        escape_encoded(ElementTree.tostring(root, encoding="unicode"), lambda code: f"&#{code};", every_double_colon=True)
    )
    stream.write("\n")


def _cases(files: list[str], by_case: dict[tuple[str, str], list[Diagnostic]]) -> list[tuple[str, str | None]]:
    """(file, code) of each test case: the input findings' cases first, as in every view, then
    each file's other cases by code, or (file, None), its passing case, where it has none."""
    inputs: list[tuple[str, str]] = []
    codes_by_file: dict[str, list[str]] = {}
    for (file, code), findings in by_case.items():  # each case looked at once
        if findings[0].about_input:
            inputs.append((file, code))
        else:
            codes_by_file.setdefault(file, []).append(code)
    files_with_inputs = {file for file, _ in inputs}
    rest: list[tuple[str, str | None]] = []
    for file in files:
        codes = sorted(codes_by_file.get(file, ()))
        if not codes and file not in files_with_inputs:
            rest.append((file, None))
        rest.extend((file, code) for code in codes)
    return [*sorted(inputs), *rest]
