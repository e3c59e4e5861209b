"""User text in Paragraph markup: special characters and tags come out literally."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from contactmap_desktop.reports.markup import (
    Script,
    escape,
    is_standard,
    paragraph_text,
    script_runs,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("R&D <Team>", "R&amp;D &lt;Team&gt;"),
    ('say "hi"', "say &quot;hi&quot;"),
    ("it's", "it&#39;s"),
    ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;"),
    ("&amp;", "&amp;amp;"),
    ("plain", "plain"),
])
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_newlines_become_breaks_and_controls_vanish() -> None:
    assert paragraph_text("one\r\ntwo\nthree\rfour\x07") == "one<br/>two<br/>three<br/>four"


def test_an_accent_typed_as_its_own_code_joins_its_letter() -> None:
    assert paragraph_text("Zoe\u0308 & Jose\u0301") == "Zoë &amp; José"


def test_western_european_text_needs_no_embedded_face() -> None:
    assert is_standard("Zoë Müller — “€1.2m” ‘on time’ … Œuvre, Škoda, naïve, ½ × 2")
    assert not is_standard("Zoë Светлана")
    assert not is_standard("Łódź")  # Polish letters are outside WinAnsi
    assert not is_standard("→")


def test_runs_by_script_keep_spaces_inside_one_alphabet() -> None:
    assert script_runs("Светлана Иванова, 李伟 and Ωmega!") == [
        (Script.UNICODE, "Светлана Иванова"), (Script.STANDARD, ", "), (Script.CJK, "李伟"),
        (Script.STANDARD, " and "), (Script.UNICODE, "Ω"), (Script.STANDARD, "mega!")]
    assert script_runs("カナ 東京") == [(Script.CJK, "カナ 東京")]
    assert script_runs("plain") == [(Script.STANDARD, "plain")]
    assert script_runs("") == []


@pytest.mark.parametrize("text", ['<font name="x">', "<para>", "</b>&#", "<img src='x'/>"])
def test_hostile_text_parses_as_plain_text(text: str) -> None:
    paragraph = Paragraph(paragraph_text(text), ParagraphStyle("p"))
    words = "".join(str(fragment.text) for fragment in paragraph.frags)
    assert words == text
