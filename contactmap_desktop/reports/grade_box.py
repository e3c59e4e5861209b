"""A grade as every PDF prints it: the letter centred on the grade's color, so the page also
reads in grayscale. Each report says what a blank (no relationship) looks like."""

from __future__ import annotations

from typing import Any

from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.reports.fonts import ReportFonts
from contactmap_desktop.reports.styles import grade_background, grade_text

CAP_HEIGHT = 0.73  # of the bold face's size: centres capital letters by their visible height


class GradeBox(Flowable):  # type: ignore[misc]
    """A fixed-size box with a grade's color and letter; ``draw_blank`` paints no grade."""

    def __init__(self, grade: Grade | None, fonts: ReportFonts, width: float, height: float,
                 *, letter_size: float, radius: float) -> None:
        super().__init__()
        self.grade, self.fonts = grade, fonts
        self.width, self.height = width, height
        self.letter_size, self.radius = letter_size, radius

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        if self.grade is None:
            self.draw_blank(canvas)
            return
        canvas.setFillColor(grade_background(self.grade))
        canvas.roundRect(0, 0, self.width, self.height, self.radius, stroke=0, fill=1)
        canvas.setFillColor(grade_text(self.grade))
        self.draw_letter(canvas, self.grade.letter)

    def draw_letter(self, canvas: Any, letter: str) -> None:
        """``letter`` in the bold face, centred in the box, in the current fill color."""
        canvas.setFont(self.fonts.bold, self.letter_size)
        baseline = (self.height - self.letter_size * CAP_HEIGHT) / 2
        canvas.drawCentredString(self.width / 2, baseline, letter)

    def draw_blank(self, canvas: Any) -> None:
        """No relationship: nothing, unless a report marks it."""
