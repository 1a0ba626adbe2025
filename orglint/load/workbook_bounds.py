"""What a workbook may unpack to before calamine reads it.

An XLSX file is a zip of XML parts. Its size on disk says little of what reading it costs:
- its parts may unpack a thousandfold (4 GB of memory for a 4 MB workbook);
- calamine holds each sheet as a dense grid from A1 to its farthest cell, so one cell at
  ``XFD1048576`` asks for 17 billion cells, and the allocation failure aborts the process.

Both are measured here from the zip itself, a part at a time, before calamine opens it, and
refused as a located fault (X001): the unpacked size against ``max-file-size-mb``, and each sheet's
grid against the cells with a value it really holds. A part read to be measured is held whole while
it is (the sheet's XML, once).
"""

from __future__ import annotations

import io
import re
import zipfile
from operator import itemgetter

from orglint.load.source import Limits, LoadProblem

GRID_SLACK = 4_000_000
"""Cells of grid any sheet may span beyond ``GRID_PER_CELL`` for each cell it holds: a table with
its blank rows and columns, or a styled empty cell well below it, fits easily (about 100 MB of
grid at most); a 20 KB file cannot ask for gigabytes."""

GRID_PER_CELL = 16
"""Cells of grid a sheet may span for each cell it holds (a table is mostly filled)."""

_CHUNK = 1 << 20
"""How much of a part is unpacked at a time: the size limit stops a bomb within a megabyte of it."""

_CELL_REFERENCE = re.compile(rb'<c r="([A-Za-z]{1,3})([0-9]{1,9})"')
_VALUES = (b"<v>", b"<is>")
"""How applications start a cell's value: a sheet holds no more cells with a value than these
(one written otherwise, `<x:v>`, is not counted, which can only make the sheet's span refused)."""


def check_declared(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose parts declare more, unpacked, than the size limit: opening it reads
    its workbook part whole, which may be the bomb. (A part larger than it declares, calamine
    refuses as it reads it.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            declared = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip: calamine says what it is not
    if declared > limits.max_file_bytes:
        raise _too_large(limits)


def _too_large(limits: Limits) -> LoadProblem:
    return LoadProblem(
        f"the workbook unpacks to more than {limits.max_file_bytes // (1024 * 1024):,} MB "
        "(raise max-file-size-mb in the configuration to check it)"
    )


def check_unpacked(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose parts unpack past the size limit, that has a part it cannot read,
    or one of whose sheets spans a grid far larger than the cells with a value it holds (a
    LoadProblem naming the part and its span). A sheet is any part with a ``sheetData``, whatever
    it is called: calamine finds sheets through the workbook's relationships, not their names."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip: calamine says what it is not
    unpacked = 0
    with archive:
        for member in archive.infolist():
            parts: list[bytes] = []
            try:
                with archive.open(member) as stream:  # stops at the size the zip declares, checks the CRC
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limits.max_file_bytes:
                            raise _too_large(limits)
                        parts.append(chunk)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as error:
                # a compression or encryption Excel does not use: what it holds cannot be measured
                raise LoadProblem(f"part {member.filename} of the workbook cannot be read: {error}") from None
            xml = b"".join(parts)
            del parts
            if b"sheetData" in xml:
                _check_grid(member.filename, xml)


def _check_grid(name: str, xml: bytes) -> None:
    """The grid calamine would make of the sheet, from A1 to its farthest cell with a value,
    against the cells with a value it holds. Where every element that may be a cell or a row
    starts as applications write them (``<c r="B7"``, ``<row r="7"``), found in the bytes (every
    cell's place, and no more cells with a value than there are values: empty cells cannot make
    room for a far one); otherwise by parsing the XML."""
    # `<c` also starts `<col`, `<cols`, `<conditionalFormatting`, `<cfRule`...: an element the
    # subtraction misses only sends the sheet to the parser
    starts = xml.count(b"<c") - xml.count(b"<co") - xml.count(b"<cf") + xml.count(b"<row") + xml.count(b":c") + xml.count(b":row")
    if starts == xml.count(b'<c r="') + xml.count(b'<row r="'):
        cells = _CELL_REFERENCE.findall(xml)
        # every cell counts for the span, a styled one with no value too; as held, no more than there are values
        held = min(len(cells), sum(map(xml.count, _VALUES)))
        last_column = max(map(_column_number, set(map(itemgetter(0), cells))), default=0)
        last_row = max(map(int, set(map(itemgetter(1), cells))), default=0)
    else:
        held, last_row, last_column = _parsed_extent(xml)
    if last_row * last_column > GRID_PER_CELL * held + GRID_SLACK:
        raise LoadProblem(
            f"{name} spans {last_row:,} rows by {last_column:,} columns for {held:,} cells: a cell far outside "
            "the table? Delete the rows and columns beyond it"
        )


def _parsed_extent(xml: bytes) -> tuple[int, int, int]:
    """(cells with a value, last row, last column of those) of a sheet, parsed: a cell or row
    without its reference follows the one before it, as calamine places it, and a cell holds a
    value where it has a ``v`` or ``is`` (its letters in either case, as calamine reads them)."""
    from xml.parsers import expat

    held = row = column = last_row = last_column = 0
    in_cell = valued = False

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal row, column, in_cell, valued
        local = tag.rpartition(":")[2]
        reference = attributes.get("r", "")
        if local == "row":
            row = int(reference) if reference.isdigit() else row + 1
            column = 0
        elif local == "c":
            letters = reference.rstrip("0123456789")
            digits = reference[len(letters) :]
            if letters.isascii() and letters.isalpha() and digits.isdigit():
                row, column = int(digits), _column_number(letters.encode())
            else:
                column += 1
            in_cell, valued = True, False
        elif in_cell and local in ("v", "is"):
            valued = True

    def end(tag: str) -> None:
        nonlocal held, last_row, last_column, in_cell
        if tag.rpartition(":")[2] == "c":
            if valued:
                held += 1
                last_row, last_column = max(last_row, row), max(last_column, column)
            in_cell = False

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:  # what calamine might still read cannot be measured
        raise LoadProblem(f"a sheet is not well-formed XML: {error}") from None
    return held, last_row, last_column


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number
