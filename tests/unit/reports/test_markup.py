"""User text in Paragraph markup: special characters and tags come out literally."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from contactmap_desktop.reports.markup import contains_cjk, escape, paragraph_text


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


def test_cjk_runs_are_wrapped_in_the_cjk_font_and_still_escaped() -> None:
    markup = paragraph_text("Li <李伟> & 東京", cjk_font="CJKFace")
    assert markup == ('Li &lt;<font name="CJKFace">李伟</font>&gt; &amp; '
                      '<font name="CJKFace">東京</font>')
    assert paragraph_text("李伟") == "李伟"  # no CJK font: left in the paragraph's font


def test_contains_cjk() -> None:
    assert contains_cjk("Zoë 李") and contains_cjk("カナ") and not contains_cjk("Zoë Müller")


@pytest.mark.parametrize("text", ['<font name="x">', "<para>", "</b>&#", "<img src='x'/>"])
def test_hostile_text_parses_as_plain_text(text: str) -> None:
    paragraph = Paragraph(paragraph_text(text), ParagraphStyle("p"))
    words = "".join(str(fragment.text) for fragment in paragraph.frags)
    assert words == text
