"""Text set run by run in the face that can print it, in paragraphs and on the canvas.

Styles name the standard Helvetica faces. A Paragraph built by :func:`paragraph` keeps every
run a standard font can print in its style's face and moves the rest (Cyrillic, Greek, CJK,
…) to the matching TrueType face of the same weight and slant, so ``<b>`` and italic styles
hold for every alphabet. Canvas drawing goes through :func:`draw_text`, which does the same
for one line. Canvas strings are not parsed as markup, so they need no escaping. Paragraphs
are parsed and laid out once per session (:mod:`laid_paragraph`). Runs in a shaped face
(Arabic, Hebrew, Devanagari, Thai) are shaped and ordered for display (:mod:`shaping`).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from contactmap_desktop.reports.fonts import ReportFonts
from contactmap_desktop.reports.laid_paragraph import laid_paragraph
from contactmap_desktop.reports.markup import is_standard, printable, script_runs
from contactmap_desktop.reports.shaping import needs_finishing, paragraph_base, visual_runs
from contactmap_desktop.reports.shaping import text_width as run_width
from contactmap_desktop.reports.styles import right_to_left


def paragraph(markup: str, style: ParagraphStyle, fonts: ReportFonts) -> Paragraph:
    """``Paragraph(markup, style)`` with each run of text in a face that has its letters;
    a paragraph whose base direction is right to left is set from the right margin."""
    place = functools.partial(_frags_by_face, fonts=fonts)
    built = laid_paragraph(markup, style, fonts, place)
    mirrored = right_to_left(style)
    if mirrored is style or not needs_finishing(built.frags) or not paragraph_base(built.frags):
        return built
    return laid_paragraph(markup, mirrored, fonts, place)


def _frags_by_face(frags: list[Any], fonts: ReportFonts) -> list[Any]:
    placed: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text or is_standard(text):
            placed.append(frag)
            continue
        placed += [frag.clone(text=run, fontName=run_face)
                   for script, piece in script_runs(text)
                   for run, run_face in fonts.pieces(script, piece, frag.fontName)]
    if len(placed) == 1 and needs_finishing(placed):
        # ReportLab lays out a paragraph of one fragment as plain words, which lose their
        # shaping: an empty second fragment keeps it on the path of fragments.
        placed.append(placed[0].clone(text=""))
    return placed


def face_runs(text: str, face: str, fonts: ReportFonts) -> list[tuple[str, str]]:
    """(piece, face) runs of one line of plain text set in the standard ``face``."""
    if is_standard(text):
        return [(text, face)]
    return [run for script, piece in script_runs(text)
            for run in fonts.pieces(script, piece, face)]


def text_width(text: str, face: str, size: float, fonts: ReportFonts) -> float:
    runs = face_runs(printable(text), face, fonts)
    return sum(run_width(piece, run_face, size) for piece, run_face in visual_runs(runs, size))


def draw_text(canvas: Canvas, x: float, y: float, text: str, face: str, size: float,
              fonts: ReportFonts, *, anchor: str = "left") -> None:
    """One line of text from ``x`` ("left"), ending at it ("right") or centred on it
    ("centre"), in one text object so that text extraction reads it as one line."""
    runs = visual_runs(face_runs(printable(text), face, fonts), size)
    if anchor != "left":
        width = sum(run_width(piece, run_face, size) for piece, run_face in runs)
        x -= width if anchor == "right" else width / 2
    line = canvas.beginText(x, y)
    for piece, run_face in runs:
        line.setFont(run_face, size)
        line.textOut(piece)
    canvas.drawText(line)
