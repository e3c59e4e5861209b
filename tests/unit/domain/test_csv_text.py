"""Reading CSV bytes: encodings, delimiters, preambles and line numbers."""

from __future__ import annotations

import codecs
import csv
import gc
import io
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contactmap_desktop.domain.csv_formats import all_known_headers
from contactmap_desktop.domain.csv_text import (
    CsvFileError,
    Record,
    decode,
    decode_in_pieces,
    read_table,
)

KNOWN = all_known_headers()


@pytest.mark.parametrize(("data", "encoding"), [
    ("Name,Zoë\n".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "Name,Zoë\n".encode(), "utf-8-sig"),
    ("Name,Zoë\n".encode("utf-16"), "utf-16"),
    ("Name,Zoë\n".encode("utf-16-le"), "utf-16-le"),
    ("Name,Zoë\n".encode("utf-16-be"), "utf-16-be"),
    ("Name,Zoë – “x”\n".encode("cp1252"), "cp1252"),
])
def test_decode_detects_the_encoding(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text.startswith("Name,Zo")
    assert "Zoë" in text


def test_bytes_cp1252_leaves_undefined_are_still_read() -> None:
    assert decode(b"Name,\x81\x8d\xff")[1] == "latin-1"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(delimiter: str) -> None:
    text = delimiter.join(["Name", "Title", "Email"]) + "\n" + \
        delimiter.join(['"Ruiz, Ana"', "Dispatcher", "ana@x.example"]) + "\n"
    table = read_table(text.encode(), KNOWN)
    assert table.delimiter == delimiter
    assert table.records[0].cells == ("Ruiz, Ana", "Dispatcher", "ana@x.example")


def test_preamble_lines_are_skipped_and_line_numbers_are_physical() -> None:
    text = ('Notes:\n"A long note, with commas, across\ntwo lines"\n\n'
            'First Name,Last Name,Company\n'
            'Ada,"Love\nlace",Acme\n'
            'Bob,Stone,Acme\n')
    table = read_table(text.encode(), KNOWN)
    assert table.header_line == 5
    assert table.headers == ("First Name", "Last Name", "Company")
    assert [r.line for r in table.records] == [6, 8]
    assert table.records[0].cells[1] == "Love\nlace"


def test_empty_file_is_an_error_on_line_one() -> None:
    with pytest.raises(CsvFileError, match="Line 1: the file is empty"):
        read_table(b"  \r\n\r\n", KNOWN)


def test_invalid_utf16_names_its_line() -> None:
    data = codecs.BOM_UTF16_LE + "Name\nAda\n".encode("utf-16-le") + b"\x00\xdc"
    with pytest.raises(CsvFileError, match="Line 3"):
        read_table(data, KNOWN)


# A byte (or pair) each encoding cannot read, and how a file in it begins.
_UNREADABLE = {
    "utf-8-sig": (codecs.BOM_UTF8, "utf-8", b"\xff"),
    "utf-16 (little-endian)": (codecs.BOM_UTF16_LE, "utf-16-le", b"\x00\xdc"),
    "utf-16 (big-endian)": (codecs.BOM_UTF16_BE, "utf-16-be", b"\xdc\x00"),
}


@given(lines=st.lists(st.text(st.characters(exclude_categories=["Cs"],
                                            exclude_characters="\r\n")), min_size=1),
       bad_line=st.integers(0), kind=st.sampled_from(sorted(_UNREADABLE)),
       piece=st.integers(1, 9))
def test_an_unreadable_byte_is_named_by_its_line_wherever_the_pieces_end(
        lines: list[str], bad_line: int, kind: str, piece: int) -> None:
    bom, codec, unreadable = _UNREADABLE[kind]
    bad_line %= len(lines)
    before = "".join(line + "\n" for line in lines[:bad_line])
    after = "\n".join(lines[bad_line:])
    data = bom + before.encode(codec) + unreadable + after.encode(codec)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("contactmap_desktop.domain.csv_text.PIECE", piece)
        with pytest.raises(CsvFileError) as raised:
            decode_in_pieces(data)
    assert raised.value.line == bad_line + 1


@pytest.mark.parametrize("lines_per_note", [2, 12])  # the header within the first lines, or not
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_file_read_in_small_pieces_reads_as_a_whole(monkeypatch: pytest.MonkeyPatch,
                                                      newline: str, lines_per_note: int) -> None:
    notes = newline.join('"note' + newline * (lines_per_note - 1) + '"' for _ in range(20))
    rows = newline.join(f"Person {n},Title {n}" for n in range(300))
    data = f"{notes}{newline}First Name,Position{newline}{rows}{newline}".encode()
    whole = read_table(data, KNOWN)
    monkeypatch.setattr("contactmap_desktop.domain.csv_text.PIECE", 7)
    pieces = read_table(data, KNOWN)
    assert pieces == whole
    assert whole.headers == ("First Name", "Position")
    assert whole.header_line == 20 * lines_per_note + 1
    assert len(whole.records) == 300 and whole.records[-1].cells == ("Person 299", "Title 299")


_CELLS = st.text(st.sampled_from('ab ,;\t"\n\rZë'), max_size=6)


@given(rows=st.lists(st.lists(_CELLS, min_size=3, max_size=3), max_size=40),
       notes=st.integers(0, 25), delimiter=st.sampled_from([",", ";", "\t"]),
       newline=st.sampled_from(["\n", "\r\n", "\r"]), piece=st.integers(1, 64))
def test_each_piece_of_the_file_is_split_into_lines_once(
        rows: list[list[str]], notes: int, delimiter: str, newline: str, piece: int) -> None:
    # The header is looked for with each delimiter, then the records are read: the first
    # piece (a megabyte) was split three times more.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL)
    writer.writerows([[f"note {n}"] for n in range(notes)])
    writer.writerows([["First Name", "Last Name", "Company"], *rows])
    data = out.getvalue().encode("utf-8")
    split: list[str] = []

    def splitting(text: str, newline: str) -> io.StringIO:
        split.append(text)
        return io.StringIO(text, newline=newline)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("contactmap_desktop.domain.csv_text.PIECE", piece)
        patch.setattr("contactmap_desktop.domain.csv_text.io",
                      SimpleNamespace(StringIO=splitting))
        table = read_table(data, KNOWN)
        pieces, _encoding = decode_in_pieces(data)
    assert len(split) == len(pieces)
    assert (table.delimiter, table.header_line) == (delimiter, notes + 1)
    assert [list(record.cells) for record in table.records] == rows


@pytest.mark.parametrize("piece", [1, 2, 3, 5])
@pytest.mark.parametrize(("encoding", "text", "note", "last"), [
    ("utf-8-sig", 'Name,Note\r\nZoë,"two\r\nlines 🚚"\r\nAnn,\r\n', "two\r\nlines 🚚", ""),
    ("utf-16", 'Name,Note\nZoë,"two\rlines 李"\nAnn,x', "two\rlines 李", "x"),
    ("cp1252", 'Name,Note\rZoë,"two\r\nlines “x”"\rAnn,x\r', "two\r\nlines “x”", "x"),
])
def test_a_file_is_decoded_and_split_into_lines_a_piece_at_a_time(
        monkeypatch: pytest.MonkeyPatch, piece: int, encoding: str, text: str, note: str,
        last: str) -> None:
    # Decoding a whole file was one call holding the interpreter's lock: a letter or a line
    # ending cut between two pieces must read as it would have whole.
    monkeypatch.setattr("contactmap_desktop.domain.csv_text.PIECE", piece)
    pieces, _encoding = decode_in_pieces(text.encode(encoding))
    assert "".join(pieces) == text and max(len(part) for part in pieces) <= piece
    table = read_table(text.encode(encoding))
    assert table.encoding == encoding
    assert [(r.line, r.cells) for r in table.records] == [(2, ("Zoë", note)), (4, ("Ann", last))]


def test_records_read_as_values_leave_nothing_for_the_collector_to_walk() -> None:
    # The Import dialog holds the file while it is open; 100,000 tracked records were walked
    # by a full collection on the window's thread.
    table = read_table(b"Name,Title\n" + b"".join(b"P%d,T%d\n" % (n, n) for n in range(500)))
    assert table.records[1] == Record(3, ("P1", "T1"))
    assert table.records[:2] == (Record(2, ("P0", "T0")), Record(3, ("P1", "T1")))
    assert [record.line for record in table.records][-1] == 501
    gc.collect()  # the collector stops tracking a tuple of plain values when it meets it:
    gc.collect()  # the rows the first time, then the tuple of them
    parts = [part for part in gc.get_referents(table.records) if isinstance(part, tuple)]
    assert len(parts) == 2 and not any(gc.is_tracked(part) for part in parts)
