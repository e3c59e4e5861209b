"""The paper sizes printed documents can use, in PDF points (1/72 inch)."""

from __future__ import annotations

from enum import Enum

POINTS_PER_MM = 72 / 25.4


class PaperSize(Enum):
    """The two paper sizes offered in preferences."""

    A4 = "A4"
    LETTER = "Letter"

    @property
    def portrait(self) -> tuple[float, float]:
        if self is PaperSize.A4:
            return 210 * POINTS_PER_MM, 297 * POINTS_PER_MM
        return 8.5 * 72, 11 * 72

    @property
    def landscape(self) -> tuple[float, float]:
        width, height = self.portrait
        return height, width

    @property
    def label(self) -> str:
        return "A4 (210 × 297 mm)" if self is PaperSize.A4 else "US Letter (8.5 × 11 in)"

    @classmethod
    def parse(cls, text: str) -> PaperSize:
        for size in cls:
            if size.value.lower() == text.strip().lower():
                return size
        return cls.A4
