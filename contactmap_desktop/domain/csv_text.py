"""Turning the bytes of a CSV file into a header and records: encoding, delimiter, preamble."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from contactmap_desktop.domain.errors import ValidationError

DELIMITERS = (",", ";", "\t")
# Far above any real field, far below what would exhaust memory on one malformed quote.
FIELD_LIMIT = 1_000_000
# How far down the file the header may be (LinkedIn puts a notes block first).
HEADER_SEARCH_ROWS = 30
# A file is decoded in pieces of this many bytes: one call that decodes or copies megabytes
# holds the interpreter's lock, and an import in the background would stall the window that long.
PIECE = 1 << 20


class CsvFileError(ValidationError):
    """A CSV problem tied to a line of the file; nothing is imported."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"Line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Record:
    """One data row of the file and the physical line where it starts."""

    line: int
    cells: tuple[str, ...]

    @property
    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


class Records(Sequence[Record]):
    """A file's records, kept as plain tuples of line numbers and of cells and handed out as
    Record values when read.

    The Import dialog holds the file it read while it is open. As 100,000 Record objects it
    was walked whole by the next full collection on the window's thread (40 ms on a busy
    machine); tuples of strings and numbers hold nothing a cycle could go through, so the
    collector stops tracking them the first time it meets them.
    """

    __slots__ = ("_cells", "_lines")

    def __init__(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        self._lines = tuple(line for line, _cells in rows)
        self._cells = tuple(tuple(cells) for _line, cells in rows)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Record]: ...

    def __getitem__(self, index: int | slice) -> Record | Sequence[Record]:
        if isinstance(index, slice):
            return tuple(map(Record, self._lines[index], self._cells[index]))
        return Record(self._lines[index], self._cells[index])

    def __iter__(self) -> Iterator[Record]:
        return map(Record, self._lines, self._cells)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Records):
            return NotImplemented
        return (self._lines, self._cells) == (other._lines, other._cells)

    def __hash__(self) -> int:
        return hash((self._lines, self._cells))


@dataclass(frozen=True)
class CsvTable:
    """A decoded file: its header (with line number) and the records below it."""

    encoding: str
    delimiter: str
    header_line: int
    headers: tuple[str, ...]
    records: Records


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: BOMs first, then UTF-8, then cp1252."""
    pieces, encoding = decode_in_pieces(data)
    return "".join(pieces), encoding


def decode_in_pieces(data: bytes) -> tuple[list[str], str]:
    """``decode``'s text as the pieces of ``PIECE`` bytes each decodes to: decoding a whole
    file, or joining it, is one call holding the interpreter's lock (25-30 ms each for a
    100,000-row file with accents and emoji), and an import in the background would stall
    the window that long."""
    view = memoryview(data)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(view[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(view, "utf-16"), "utf-16"
    # UTF-16 without a BOM: ASCII text leaves every other byte zero.
    sample = data[:4000]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
        return _strict(view, "utf-16-le"), "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
        return _strict(view, "utf-16-be"), "utf-16-be"
    try:
        return _pieces(view, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _pieces(view, "cp1252"), "cp1252"
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: Latin-1 reads every byte.
        return _pieces(view, "latin-1"), "latin-1"


def _pieces(data: memoryview, encoding: str) -> list[str]:
    pieces: list[str] = []
    _decode_onto(pieces, codecs.getincrementaldecoder(encoding)(), data)
    return pieces


def _decode_onto(pieces: list[str], decoder: codecs.IncrementalDecoder,
                 data: memoryview) -> None:
    """Append the text of ``data`` a piece at a time; those decoded stay when one fails."""
    for start in range(0, len(data), PIECE):
        pieces.append(decoder.decode(data[start:start + PIECE]))
    pieces.append(decoder.decode(b"", final=True))


def _strict(data: memoryview, encoding: str) -> list[str]:
    """``_pieces``, or an error naming the line of the first byte ``encoding`` cannot read."""
    pieces: list[str] = []
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        _decode_onto(pieces, decoder, data)
    except UnicodeDecodeError as error:
        # The error says where in the failed piece (after the bytes of a character begun in
        # the one before, which the decoder still holds): that piece is read up to there with
        # the decoder's own state (a UTF-16 file's byte order), the pieces before are text.
        held = len(decoder.getstate()[0])
        decoder.errors = "replace"
        before = decoder.decode(error.object[held:error.start])
        line = sum(piece.count("\n") for piece in pieces) + before.count("\n") + 1
        raise CsvFileError(line, f"the text is not valid {encoding.upper()}.") from None
    return pieces


def read_table(data: bytes, known_headers: Iterable[str] = ()) -> CsvTable:
    """Decode, find the delimiter and the header row, and read every record after it."""
    pieces, encoding = decode_in_pieces(data)
    if all(not piece or piece.isspace() for piece in pieces):
        raise CsvFileError(1, "the file is empty.")
    known = {_fold(h) for h in known_headers}
    lines = _SplitOnce(pieces)
    best: tuple[tuple[int, int, int], str, int] | None = None
    for delimiter in DELIMITERS:
        head = _rows(lines.again(), delimiter, HEADER_SEARCH_ROWS + 20)
        found = _find_header(head, known)
        if found is None:
            continue
        index, score = found
        width = len(head[index][1])
        consistent = sum(1 for _line, cells in head[index + 1:] if len(cells) == width)
        key = (score, consistent, width)
        if best is None or key > best[0]:
            best = (key, delimiter, index)
    if best is None:
        raise CsvFileError(1, "no header row was found (the first rows are blank).")
    _key, delimiter, header_index = best
    rows = _rows(lines.last_time(), delimiter)
    header_line, header_cells = rows[header_index]
    headers = tuple(cell.strip() for cell in header_cells)
    records = Records(rows[header_index + 1:])
    return CsvTable(encoding, delimiter, header_line, headers, records)


def _lines(pieces: Iterable[str]) -> Iterator[str]:
    """The text's lines with their endings, as a file opened with ``newline=""`` gives them
    (a line ends at \\n, \\r or \\r\\n), split a piece at a time: the csv reader reads only
    what it needs, and no call copies the whole text."""
    carry = ""
    for piece in pieces:
        lines = io.StringIO(carry + piece, newline="").readlines()
        # A last line without \n may go on in the next piece (a \r may be half of \r\n).
        carry = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
    if carry:
        yield carry


class _SplitOnce:
    """The text's lines for several readers, split once: a piece is split whole when its
    first line is wanted, and each delimiter's look for the header, then the reading of the
    records, would otherwise split the first piece (a megabyte) again."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._rest = _lines(pieces)
        self._read: list[str] = []  # the lines a reader has wanted so far

    def again(self) -> Iterator[str]:
        """Every line from the first, keeping those read (a few dozen rows' worth)."""
        yield from self._read
        for line in self._rest:
            self._read.append(line)
            yield line

    def last_time(self) -> Iterator[str]:
        """Every line from the first, for the last reader: the rest is not kept."""
        return itertools.chain(self._read, self._rest)


def _rows(lines: Iterable[str], delimiter: str,
          limit: int | None = None) -> list[tuple[int, list[str]]]:
    """Rows with the line each starts on; csv errors become line-numbered errors."""
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as error:
        raise CsvFileError(start, f"the file cannot be read as CSV ({error}).") from None
    return rows


def _find_header(rows: Sequence[tuple[int, list[str]]], known: set[str]) -> tuple[int, int] | None:
    """Index and score of the header row: the first one naming known columns, else the first
    row with two or more filled cells."""
    fallback: int | None = None
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [c for c in cells if c.strip()]
        if len(filled) < 2:
            continue
        matches = sum(1 for c in filled if _fold(c) in known)
        if matches >= 2:
            return index, matches * 10 + len(filled)
        if fallback is None:
            fallback = index
    if fallback is not None:
        return fallback, len([c for c in rows[fallback][1] if c.strip()])
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(c.strip() for c in cells):
            return index, 0
    return None


def _fold(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


def fold_header(text: str) -> str:
    """How headers are compared: case, spacing and a stray BOM do not matter."""
    return _fold(text)
