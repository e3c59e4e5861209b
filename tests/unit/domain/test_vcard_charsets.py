"""A vCard's CHARSET parameter, whatever it names, never stops an import with a traceback."""

from __future__ import annotations

import encodings.aliases

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactmap_desktop.domain.vcard import read_vcards

# Every codec name Python knows (text encodings and bytes-to-bytes codecs alike), and oddities.
CHARSETS = sorted(set(encodings.aliases.aliases.values()) | set(encodings.aliases.aliases)
                  | {"", '"UTF-8"', "rot13", "base64", "zlib", "idna", "punycode", "undefined",
                     "unicode_escape", "x-unknown", "utf-8-sig", "utf_16", "uu", "hex"})


def _card(charset: str, value: str = "Ann=20Lee=C3=A9") -> bytes:
    return (f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:"
            f"{value}\r\nN;CHARSET={charset}:Lee;Ann\r\nEND:VCARD\r\n").encode("ascii")


@pytest.mark.parametrize("charset", CHARSETS)
def test_any_charset_reads_the_card(charset: str) -> None:
    records = read_vcards(_card(charset)).records
    assert len(records) == 1 and records[0].cells


def test_utf8_and_latin1_are_decoded_as_they_say() -> None:
    assert read_vcards(_card("UTF-8")).records[0].cells[0].startswith("Ann Leeé")
    assert read_vcards(_card("ISO-8859-1", "Zo=EB")).records[0].cells[0].startswith("Zoë")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126,
                                      blacklist_characters=";:"), max_size=20),
       st.text(alphabet="=0123456789ABCDEFabc xyz", max_size=30))
def test_arbitrary_charsets_and_values_never_raise(charset: str, value: str) -> None:
    read_vcards(_card(charset, value))
