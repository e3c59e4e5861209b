"""Paragraph styles and grade colors shared by every PDF we print.

The grade colors come from :mod:`contactmap_desktop.palette`, the one palette the Qt grid
uses as well, so paper and screen agree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.reports.fonts import ReportFonts

INK = HexColor(palette.INK)
MUTED = HexColor(palette.MUTED)
RULE = HexColor("#c9cfd6")
ACCENT = HexColor("#1b4f8f")  # the Trust blue: headings and the letterhead rule
SHADE = HexColor("#f1f4f7")  # table header background


def grade_background(grade: Grade) -> Color:
    return HexColor(palette.LIGHT[grade].background)


def grade_text(grade: Grade) -> Color:
    return HexColor(palette.LIGHT[grade].text)


KEY_MARK = HexColor(palette.KEY_MARK)
NEEDS_FILLING = HexColor(palette.NEEDS_FILLING_OUTLINE)
LEVERAGE = HexColor(palette.LEVERAGE)
LEVERAGE_COOLED = HexColor(palette.LEVERAGE_COOLED)


@dataclass(frozen=True)
class LetterStyles:
    """The paragraph styles of a letter-like document."""

    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    right: ParagraphStyle
    table_cell: ParagraphStyle
    table_head: ParagraphStyle
    letterhead: ParagraphStyle
    subheading: ParagraphStyle
    signer: ParagraphStyle


def right_to_left(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for a paragraph read right to left: set from the right margin, its indents
    swapped (made once per style, like the styles themselves)."""
    return _mirrored(style) if style.alignment == TA_LEFT else style


@functools.cache
def _mirrored(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}RTL", parent=style, alignment=TA_RIGHT,
                          leftIndent=style.rightIndent, rightIndent=style.leftIndent)


@functools.cache
def letter_styles(fonts: ReportFonts, base_size: float = 10.5) -> LetterStyles:
    """The styles, made once per faces and size: the same objects for every document, so
    that laid-out paragraphs are reused (and never to be changed by a document)."""
    leading = base_size * 1.42
    body = ParagraphStyle("Body", fontName=fonts.regular, fontSize=base_size, leading=leading,
                          textColor=INK, alignment=TA_LEFT, spaceAfter=base_size * 0.6)
    return LetterStyles(
        body=body,
        small=ParagraphStyle("Small", parent=body, fontSize=base_size - 2,
                             leading=(base_size - 2) * 1.35, textColor=MUTED, spaceAfter=0),
        heading=ParagraphStyle("Heading", parent=body, fontName=fonts.bold,
                               fontSize=base_size + 1.5, leading=(base_size + 1.5) * 1.3,
                               textColor=ACCENT, spaceBefore=base_size * 1.1,
                               spaceAfter=base_size * 0.45, keepWithNext=1),
        title=ParagraphStyle("Subject", parent=body, fontName=fonts.bold,
                             fontSize=base_size + 1, spaceBefore=base_size * 0.4,
                             spaceAfter=base_size),
        quote=ParagraphStyle("Quote", parent=body, fontName=fonts.italic, leftIndent=16,
                             rightIndent=16, textColor=INK, spaceAfter=1),
        attribution=ParagraphStyle("Attribution", parent=body, fontSize=base_size - 1.5,
                                   leftIndent=16, textColor=MUTED, spaceAfter=base_size * 0.7),
        right=ParagraphStyle("Right", parent=body, alignment=TA_RIGHT, spaceAfter=0),
        table_cell=ParagraphStyle("Cell", parent=body, fontSize=base_size - 1.5,
                                  leading=(base_size - 1.5) * 1.3, spaceAfter=0),
        table_head=ParagraphStyle("CellHead", parent=body, fontName=fonts.bold,
                                  fontSize=base_size - 1.5, leading=(base_size - 1.5) * 1.3,
                                  spaceAfter=0),
        letterhead=ParagraphStyle("Letterhead", parent=body, fontName=fonts.bold,
                                  fontSize=base_size + 5, leading=(base_size + 5) * 1.2,
                                  textColor=ACCENT, spaceAfter=0),
        subheading=ParagraphStyle("Subheading", parent=body, fontName=fonts.bold,
                                  spaceBefore=4, spaceAfter=2, keepWithNext=1),
        signer=ParagraphStyle("Signer", parent=body, spaceAfter=0),
    )
