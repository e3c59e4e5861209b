"""The Contact Map's legend as a strip at the foot of every page, above the footer.

A map of many stakeholders runs over several pages, and a reader who turns to page four
should not need page one to tell Open from Satisfied: each page carries the grades (letter on
color), the key-relationship corner and the dashed blank-to-fill, drawn as the grid draws
them. The strip stops before the power map, whose sheets have a legend of their own.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.grades import GRADES_TOP_DOWN
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.reports.cell_marks import draw_key_mark, draw_needs_filling
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.styles import INK, MUTED, grade_background, grade_text
from contactmap_desktop.reports.text_runs import draw_text, text_width

STRIP = 22.0  # the room the strip takes above the footer
CHIP = 13.0
LABEL_SIZE = 7.5


class LegendOff(Flowable):  # type: ignore[misc]
    """Takes no room; no legend strip from the next page on."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.map_legend_off = True


def draw_legend_strip(canvas: Any, x: float, y: float) -> None:
    """The legend in one line from (``x``, ``y``), its chips' bottom edge."""
    if getattr(canvas, "map_legend_off", False):
        return
    fonts = report_fonts()
    canvas.saveState()

    def label(text: str, at: float) -> float:
        canvas.setFillColor(INK)
        draw_text(canvas, at, y + 3.5, text, fonts.regular, LABEL_SIZE, fonts)
        return at + text_width(text, fonts.regular, LABEL_SIZE, fonts) + 7

    for grade in GRADES_TOP_DOWN:
        canvas.setFillColor(grade_background(grade))
        canvas.roundRect(x, y, CHIP, CHIP, 2, stroke=0, fill=1)
        canvas.setFillColor(grade_text(grade))
        draw_text(canvas, x + CHIP / 2, y + 3.5, grade.letter, fonts.bold, 8, fonts,
                  anchor="centre")
        x = label(grade.label, x + CHIP + 3)
    canvas.translate(x, y)
    canvas.setFillColor(grade_background(GRADES_TOP_DOWN[1]))
    canvas.roundRect(0, 0, CHIP * 1.4, CHIP, 2, stroke=0, fill=1)
    draw_key_mark(canvas, CHIP * 1.4, CHIP)
    canvas.translate(-x, -y)
    x = label("key relationship", x + CHIP * 1.4 + 3)
    canvas.translate(x, y)
    draw_needs_filling(canvas, CHIP * 1.4, CHIP)
    canvas.translate(-x, -y)
    x = label("blank, to be filled", x + CHIP * 1.4 + 3)
    canvas.setFillColor(MUTED)
    roles = "  ".join(f"{role.badge} {role.label}" for role in BuyingRole)
    draw_text(canvas, x, y + 3.5, f"Roles: {roles}", fonts.regular, LABEL_SIZE, fonts)
    canvas.restoreState()
