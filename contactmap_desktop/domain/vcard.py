"""vCard (.vcf, versions 2.1 to 4.0) read into the same table shape as a CSV file."""

from __future__ import annotations

import quopri
import re

from contactmap_desktop.domain.csv_text import CsvFileError, CsvTable, Records, decode

VCARD_HEADERS = ("Full Name", "First Name", "Middle Name", "Last Name", "Organization",
                 "Department", "Title", "Email", "Phone", "Note")
_COLUMN = {h: i for i, h in enumerate(VCARD_HEADERS)}


def looks_like_vcard(data: bytes) -> bool:
    head = data[:4000]
    for encoding in ("utf-8", "utf-16"):
        try:
            text = head.decode(encoding, errors="ignore")
        except LookupError:  # pragma: no cover - both codecs always exist
            continue
        if "BEGIN:VCARD" in text.upper():
            return True
    return False


def read_vcards(data: bytes) -> CsvTable:
    """One record per card, numbered by the line of its BEGIN:VCARD."""
    text, encoding = decode(data)
    lines = _unfold(text.splitlines())
    records: list[tuple[int, list[str]]] = []
    cells: list[str] | None = None
    start = 0
    for number, line in lines:
        name, params, value = _split(line)
        if name == "BEGIN" and value.upper() == "VCARD":
            if cells is not None:
                raise CsvFileError(start, "a card is not closed (END:VCARD is missing).")
            cells, start = [""] * len(VCARD_HEADERS), number
        elif name == "END" and value.upper() == "VCARD":
            if cells is None:
                raise CsvFileError(number, "END:VCARD without a BEGIN:VCARD.")
            records.append((start, cells))
            cells = None
        elif cells is not None and name:
            _apply(cells, name, _decode_value(params, value))
    if cells is not None:
        raise CsvFileError(start, "a card is not closed (END:VCARD is missing).")
    if not records:
        raise CsvFileError(1, "the file holds no vCard (no BEGIN:VCARD line).")
    return CsvTable(encoding, "vcard", 1, VCARD_HEADERS, Records(records))


def _unfold(raw: list[str]) -> list[tuple[int, str]]:
    """Join continuation lines (leading space, or a quoted-printable soft break)."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(raw, start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif lines and lines[-1][1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1][1].upper():
            lines[-1] = (lines[-1][0], lines[-1][1][:-1] + line)
        else:
            lines.append((number, line))
    return lines


def _split(line: str) -> tuple[str, list[str], str]:
    head, sep, value = line.partition(":")
    if not sep:
        return "", [], ""
    parts = head.split(";")
    # Grouped properties ("item1.EMAIL") keep only the property name.
    name = parts[0].rsplit(".", 1)[-1].strip().upper()
    return name, [p.strip().upper() for p in parts[1:]], value


def _decode_value(params: list[str], value: str) -> str:
    if any("QUOTED-PRINTABLE" in p for p in params):
        charset = next((p.split("=", 1)[1] for p in params if p.startswith("CHARSET=")), "UTF-8")
        raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
        try:
            return raw.decode(charset.strip('"'), errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            # An unknown charset, or a codec that is not a text encoding (base64, rot13) or
            # that cannot replace what it cannot read (idna): read the bytes as UTF-8.
            return raw.decode("utf-8", errors="replace")
    return value


def _components(value: str) -> list[str]:
    """Split on unescaped semicolons and undo vCard escapes."""
    parts = re.split(r"(?<!\\);", value)
    return [_unescape(p) for p in parts]


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\,;nN])",
                  lambda m: "\n" if m.group(1) in "nN" else m.group(1), text).strip()


def _apply(cells: list[str], name: str, value: str) -> None:
    def put(header: str, text: str) -> None:
        # The first value wins (a card may carry several emails or phones).
        if text and not cells[_COLUMN[header]]:
            cells[_COLUMN[header]] = text

    if name == "FN":
        put("Full Name", _unescape(value))
    elif name == "N":
        parts = _components(value) + [""] * 3
        put("Last Name", parts[0])
        put("First Name", parts[1])
        put("Middle Name", parts[2])
    elif name == "ORG":
        parts = _components(value) + [""]
        put("Organization", parts[0])
        put("Department", parts[1])
    elif name == "TITLE":
        put("Title", _unescape(value))
    elif name == "EMAIL":
        put("Email", _unescape(value))
    elif name == "TEL":
        put("Phone", _unescape(value).removeprefix("tel:"))
    elif name == "NOTE":
        put("Note", _unescape(value))
