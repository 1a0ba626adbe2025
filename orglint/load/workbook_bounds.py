"""What a workbook may unpack to before calamine reads it.

An XLSX file is a zip of XML parts. Its size on disk says little of what reading it costs:
- its parts may unpack a thousandfold (4 GB of memory for a 4 MB workbook);
- calamine holds each sheet as a dense grid from A1 to its farthest cell, so one cell at
  ``XFD1048576`` asks for 17 billion cells, and the allocation failure aborts the process.

Both are measured here from the zip itself, in one streamed pass over its parts, and refused as a
located fault: the unpacked size against ``max-file-size-mb``, and each sheet's grid against the
cells it really holds.
"""

from __future__ import annotations

import io
import re
import zipfile
from operator import itemgetter

from orglint.load.source import Limits, LoadProblem

GRID_SLACK = 1_000_000
"""Cells of grid any sheet may span beyond ``GRID_PER_CELL`` for each cell it holds: a table with
its blank rows and columns fits easily; a 20 KB file cannot ask for gigabytes."""

GRID_PER_CELL = 16
"""Cells of grid a sheet may span for each cell it holds (a table is mostly filled)."""

_CHUNK = 1 << 20

_CELL_REFERENCE = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,9})"')
_ROW_REFERENCE = re.compile(rb'<row r="([0-9]{1,9})"')


def check_unpacked(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose parts unpack past the size limit, or one of whose sheets spans a
    grid far larger than the cells it holds (a LoadProblem naming the sheet's part and its span)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip: calamine says what it is not
    unpacked = 0
    with archive:
        for member in archive.infolist():
            sheet = member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
            parts: list[bytes] = []
            try:
                with archive.open(member) as stream:  # stops at the size the zip declares, checks the CRC
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limits.max_file_bytes:
                            raise LoadProblem(
                                f"the workbook unpacks to more than {limits.max_file_bytes // (1024 * 1024):,} MB "
                                "(raise max-file-size-mb in the configuration to check it)"
                            )
                        if sheet:
                            parts.append(chunk)
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError):
                return  # a part zip cannot read: calamine says so, as for any broken workbook
            if sheet:
                _check_grid(member.filename, b"".join(parts))


def _check_grid(name: str, xml: bytes) -> None:
    """The grid calamine would make of the sheet, from A1 to its farthest row and column, against
    the cells it holds. Where every element that may be a cell or a row starts as applications
    write them (``<c r="B7"``, ``<row r="7"``), found in the bytes; otherwise by parsing the XML."""
    cells, rows = _CELL_REFERENCE.findall(xml), _ROW_REFERENCE.findall(xml)
    # `<c` also starts `<col`, `<cols`, `<conditionalFormatting`, `<cfRule`...: an element the
    # subtraction misses only sends the sheet to the parser
    starts = xml.count(b"<c") - xml.count(b"<co") - xml.count(b"<cf") + xml.count(b"<row") + xml.count(b":c") + xml.count(b":row")
    if starts == len(cells) + len(rows):
        held = len(cells)
        last_column = max(map(_column_number, set(map(itemgetter(0), cells))), default=0)
        last_row = max(map(int, set(map(itemgetter(1), cells)).union(rows)), default=0)
    else:
        held, last_row, last_column = _parsed_extent(xml)
    if last_row * last_column > GRID_PER_CELL * held + GRID_SLACK:
        raise LoadProblem(
            f"{name} spans {last_row:,} rows by {last_column:,} columns for {held:,} cells: a cell far outside "
            "the table? Delete the rows and columns beyond it"
        )


def _parsed_extent(xml: bytes) -> tuple[int, int, int]:
    """(cells, last row, last column) of a sheet, parsed: a cell or row without its reference
    follows the one before it, as calamine places it."""
    from xml.parsers import expat

    held = row = column = last_row = last_column = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal held, row, column, last_row, last_column
        local = tag.rpartition(":")[2]
        reference = attributes.get("r", "")
        if local == "row":
            row = int(reference) if reference.isdigit() else row + 1
            column = 0
        elif local == "c":
            held += 1
            letters = reference.rstrip("0123456789")
            digits = reference[len(letters) :]
            if letters.isalpha() and letters.isupper() and digits.isdigit():
                row, column = int(digits), _column_number(letters.encode())
            else:
                column += 1
            last_row, last_column = max(last_row, row), max(last_column, column)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:  # what calamine might still read cannot be measured
        raise LoadProblem(f"a sheet is not well-formed XML: {error}") from None
    return held, last_row, last_column


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number
