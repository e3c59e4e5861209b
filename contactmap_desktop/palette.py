"""Grade colors shared by the Qt theme and the PDFs: Grade → background and letter colors.

Chosen to stay apart for the common forms of color blindness (blue–orange axis, light–dark
steps) and to read in grayscale; every letter meets WCAG contrast 4.5:1 on its cell.
The letter is always drawn as well, so color never carries the grade alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from contactmap_desktop.domain.grades import Grade


class GradeColors(NamedTuple):
    background: str  # "#rrggbb"
    text: str


LIGHT: dict[Grade, GradeColors] = {
    Grade.TRUST: GradeColors("#1b4f8f", "#ffffff"),
    Grade.OPEN: GradeColors("#6aa5dc", "#0b1a2a"),
    Grade.SATISFIED: GradeColors("#c6e3f4", "#0b1a2a"),
    Grade.INDIFFERENT: GradeColors("#e4e4e4", "#222222"),
    Grade.DISSATISFIED: GradeColors("#f5b36b", "#2a1600"),
    Grade.MOTIVATED: GradeColors("#b8401f", "#ffffff"),
}

DARK: dict[Grade, GradeColors] = {
    Grade.TRUST: GradeColors("#4d8fd6", "#000000"),
    Grade.OPEN: GradeColors("#2f6aa3", "#ffffff"),
    Grade.SATISFIED: GradeColors("#1d3f5c", "#ffffff"),
    Grade.INDIFFERENT: GradeColors("#4a4a4a", "#ffffff"),
    Grade.DISSATISFIED: GradeColors("#b86b1c", "#000000"),
    Grade.MOTIVATED: GradeColors("#e0643f", "#000000"),
}

KEY_MARK = "#d4a017"  # the corner mark of a key relationship
LEVERAGE = "#2e7d32"  # a Trust or Open relationship linked to one it should help improve
LEVERAGE_COOLED = "#c62828"  # the same link once its source is no longer Trust or Open
NEEDS_FILLING_OUTLINE = "#7a3fa0"  # dashed outline of a blank cell that should be filled
NEEDS_FILLING_OUTLINE_DARK = "#c9a0f0"  # the same on a dark window

# The power map, on screen and on paper.
CARD_BORDER = "#8c959f"
CARD_FILL = "#ffffff"
BADGE_FILL = "#eef1f4"
CHAIN = "#6f42c1"  # the chain of command from the chosen person to the top
UNCOVERED = "#c62828"  # above a key person, and nobody on our team knows them
INK = "#1f2328"
MUTED = "#5b6470"


class PowerMapColors(NamedTuple):
    """The power map on screen in one scheme: canvas, cards, lines, highlights and grades."""

    grades: Mapping[Grade, GradeColors]
    canvas: str
    card: str
    border: str  # card outlines and reporting lines
    badge: str
    ink: str
    muted: str
    chain: str
    uncovered: str  # also the "–" of a person nobody on our team knows
    selected: str
    drop_ok: str
    hint: str  # the box beside the pointer while a card is dragged


POWER_MAP_LIGHT = PowerMapColors(
    grades=LIGHT, canvas="#f6f8fa", card=CARD_FILL, border=CARD_BORDER, badge=BADGE_FILL,
    ink=INK, muted=MUTED, chain=CHAIN, uncovered=UNCOVERED, selected="#1b4f8f",
    drop_ok="#2e7d32", hint="#fffbe6")

POWER_MAP_DARK = PowerMapColors(
    grades=DARK, canvas="#1b1c1f", card="#2b2d31", border="#767e89", badge="#3b3f46",
    ink="#e6e8eb", muted="#a8b0ba", chain="#b392f0", uncovered="#ff7b72", selected="#6cb6ff",
    drop_ok="#56d364", hint="#3b3826")


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
