"""Draws one power-map card on a ReportLab canvas, in the card's own coordinates.

The card reads the same as on screen: name, title, role badges and seniority on the left; the
best grade as a colored chip with its letter and the number of relationships on the right; a
gold corner for a key person, a chip with the lowest grade for a concern, a dashed red outline
for someone above a key person whom nobody on our team knows.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.org_chart_layout import Box
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.domain.power_map import PowerCard
from contactmap_desktop.reports.fonts import ReportFonts
from contactmap_desktop.reports.power_map_plan import NOTE_BAND, SMALLEST_TEXT
from contactmap_desktop.reports.styles import INK, KEY_MARK, MUTED, grade_background, grade_text
from contactmap_desktop.reports.text_runs import draw_text, text_width

BORDER = HexColor(palette.CARD_BORDER)
CARD_FILL = HexColor(palette.CARD_FILL)
UNCOVERED = HexColor(palette.UNCOVERED)
CHAIN = HexColor(palette.CHAIN)
BADGE_FILL = HexColor(palette.BADGE_FILL)


def draw_card(canvas: Canvas, card: PowerCard, box: Box, chart_height: float, fonts: ReportFonts,
              *, uncovered: bool = False, in_chain: bool = False, note: str = "") -> None:
    """Draw ``card`` at ``box`` (top-left scene coordinates, y down) on a y-up canvas, with
    ``note`` (where the person's team continues) in a band along its foot."""
    # Scene y grows downward; PDF y grows upward.
    left, bottom = box.x, chart_height - box.bottom
    top = bottom + box.height
    canvas.saveState()
    canvas.setFillColor(CARD_FILL)
    if uncovered:
        canvas.setStrokeColor(UNCOVERED)
        canvas.setLineWidth(2.2)
        canvas.setDash(5, 3)
    elif in_chain:
        canvas.setStrokeColor(CHAIN)
        canvas.setLineWidth(2.6)
    else:
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.8)
    canvas.roundRect(left, bottom, box.width, box.height, 6, stroke=1, fill=1)
    canvas.setDash()
    if note:
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.5)
        canvas.line(left + 6, bottom + NOTE_BAND, left + box.width - 6, bottom + NOTE_BAND)
        canvas.setFillColor(CHAIN)
        draw_text(canvas, left + box.width - 8, bottom + 4, note, fonts.bold, 8, fonts,
                  anchor="right")
        bottom += NOTE_BAND  # the card's own content sits above the band

    chip = 30.0
    chip_left = left + box.width - chip - 8
    line_width = chip_left - left - 16
    person = card.stakeholder
    canvas.setFillColor(INK)
    draw_fitted(canvas, left + 8, top - 18, person.name, fonts.bold, 10.5, fonts, line_width,
                shrink_to=SMALLEST_TEXT)
    canvas.setFillColor(MUTED)
    draw_fitted(canvas, left + 8, top - 32, person.title, fonts.regular, 8.5, fonts, line_width,
                shrink_to=SMALLEST_TEXT)
    draw_fitted(canvas, left + 8, top - 44, person.department, fonts.regular, 8.5, fonts,
                line_width, shrink_to=SMALLEST_TEXT)

    _draw_badges(canvas, card, left + 8, bottom + 10, fonts)
    _draw_best_grade(canvas, card, chip_left, top - 10 - chip, chip, fonts)
    if card.worst_concern is not None:
        _draw_concern(canvas, card.worst_concern, chip_left + chip - 18, bottom + 8, fonts)
    if card.has_key_relationship:
        size = 16.0
        canvas.setFillColor(KEY_MARK)
        path = canvas.beginPath()
        path.moveTo(left + box.width - size - 4, top)
        path.lineTo(left + box.width - 4, top)
        path.lineTo(left + box.width, top - 4)
        path.lineTo(left + box.width, top - size - 4)
        path.close()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.drawPath(path, stroke=1, fill=1)
        # A dark dot in it, as on the Contact Map: the corner shows in grayscale too.
        canvas.setFillColor(INK)
        canvas.circle(left + box.width - 6, top - 6, 2, stroke=0, fill=1)
    canvas.restoreState()


def _draw_badges(canvas: Canvas, card: PowerCard, x: float, y: float, fonts: ReportFonts) -> None:
    canvas.setFont(fonts.bold, 8)
    for badge in roles_to_badges(card.stakeholder.roles):
        canvas.setFillColor(BADGE_FILL)
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.5)
        canvas.roundRect(x, y, 13, 13, 2, stroke=1, fill=1)
        canvas.setFillColor(INK)
        canvas.drawCentredString(x + 6.5, y + 3.5, badge)
        x += 16
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 8)
    canvas.drawString(x + 2, y + 3.5, card.stakeholder.seniority.label)


def _draw_best_grade(canvas: Canvas, card: PowerCard, x: float, y: float, size: float,
                     fonts: ReportFonts) -> None:
    grade = card.best_grade
    if grade is None:
        canvas.setStrokeColor(UNCOVERED)
        canvas.setFillColor(CARD_FILL)
        canvas.setDash(2, 2)
        canvas.rect(x, y, size, size, stroke=1, fill=1)
        canvas.setDash()
        canvas.setFillColor(UNCOVERED)
        canvas.setFont(fonts.bold, 12)
        canvas.drawCentredString(x + size / 2, y + size / 2 - 4, "–")
    else:
        canvas.setFillColor(grade_background(grade))
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, size, size, stroke=1, fill=1)
        canvas.setFillColor(grade_text(grade))
        canvas.setFont(fonts.bold, 15)
        canvas.drawCentredString(x + size / 2, y + size / 2 - 5.5, grade.letter)
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.regular, 8)
    count = card.relationship_count
    canvas.drawCentredString(x + size / 2, y - 11, f"{count} rel." if count else "none")


def _draw_concern(canvas: Canvas, grade: Grade, x: float, y: float, fonts: ReportFonts) -> None:
    canvas.setFillColor(grade_background(grade))
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(0.5)
    canvas.roundRect(x, y, 18, 13, 3, stroke=1, fill=1)
    canvas.setFillColor(grade_text(grade))
    canvas.setFont(fonts.bold, 8)
    canvas.drawCentredString(x + 9, y + 3.5, f"!{grade.letter}")


def draw_fitted(canvas: Canvas, x: float, y: float, text: str, face: str, size: float,
                fonts: ReportFonts, width: float, *, shrink_to: float | None = None) -> None:
    """One line of user text in ``width``, each script run in a face that has it: set
    smaller, down to ``shrink_to`` points, before it is cut with an ellipsis."""
    if shrink_to is not None and shrink_to < size:
        natural = text_width(text, face, size, fonts)
        if natural > width:
            size = max(shrink_to, size * width / natural)
    draw_text(canvas, x, y, fit_text(text, face, size, width, fonts), face, size, fonts)


def fit_text(text: str, face: str, size: float, width: float, fonts: ReportFonts) -> str:
    """The text, cut with an ellipsis so that it fits ``width``."""

    def fits(candidate: str) -> bool:
        return text_width(candidate, face, size, fonts) <= width

    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if fits(text[:middle] + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
