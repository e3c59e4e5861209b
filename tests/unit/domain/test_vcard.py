"""vCard files read into records with the same headers every time."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.csv_text import CsvFileError
from contactmap_desktop.domain.vcard import VCARD_HEADERS, looks_like_vcard, read_vcards
from tests.helpers.contact_exports import vcards


def test_cards_become_records_numbered_by_their_begin_line() -> None:
    table = read_vcards(vcards())
    assert table.headers == VCARD_HEADERS
    first, second = (dict(zip(VCARD_HEADERS, r.cells, strict=True)) for r in table.records)
    assert [r.line for r in table.records] == [1, 11]
    assert first["Full Name"] == "Helena Vogt"
    assert first["Organization"] == "Northwind Logistics"
    assert first["Department"] == "Operations"
    assert first["Note"] == "Prefers mornings, before 9.\nAsk about the depot pilot."
    assert second["Full Name"] == "Zoë Müller"
    assert second["Last Name"] == "Müller"
    assert second["Phone"] == "+49 30 000000"


def test_vcard_is_told_apart_from_csv() -> None:
    assert looks_like_vcard(vcards())
    assert looks_like_vcard(vcards().decode().encode("utf-16"))
    assert not looks_like_vcard(b"Name,Email\n")


@pytest.mark.parametrize(("text", "line"), [
    ("BEGIN:VCARD\nFN:A\n", 1),
    ("BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", 4),
    ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", 1),
])
def test_broken_cards_name_the_line(text: str, line: int) -> None:
    with pytest.raises(CsvFileError) as raised:
        read_vcards(text.encode())
    assert raised.value.line == line
