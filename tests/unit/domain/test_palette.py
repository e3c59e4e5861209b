import pytest

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.palette import (
    DARK,
    LIGHT,
    POWER_MAP_DARK,
    POWER_MAP_LIGHT,
    PowerMapColors,
    contrast_ratio,
    relative_luminance,
)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("grade", list(Grade))
def test_every_letter_is_readable_on_its_cell(scheme: dict, grade: Grade) -> None:
    colors = scheme[grade]
    assert contrast_ratio(colors.text, colors.background) >= 4.5


def test_light_cells_step_in_lightness_so_grayscale_still_separates_neighbours() -> None:
    lum = {g: relative_luminance(LIGHT[g].background) for g in Grade}
    assert lum[Grade.TRUST] < lum[Grade.OPEN] < lum[Grade.SATISFIED]
    assert lum[Grade.MOTIVATED] < lum[Grade.DISSATISFIED] < lum[Grade.INDIFFERENT]


@pytest.mark.parametrize("colors", [POWER_MAP_LIGHT, POWER_MAP_DARK], ids=["light", "dark"])
def test_power_map_text_reads_on_its_card_and_marks_stand_out(colors: PowerMapColors) -> None:
    # Text 4.5:1 (the "–" of a person nobody knows is a letter too); outlines and lines 3:1.
    for ink in (colors.ink, colors.muted, colors.uncovered):
        assert contrast_ratio(ink, colors.card) >= 4.5, ink
    assert contrast_ratio(colors.ink, colors.badge) >= 4.5
    assert contrast_ratio(colors.ink, colors.hint) >= 4.5
    for mark in (colors.chain, colors.uncovered, colors.selected, colors.drop_ok):
        assert contrast_ratio(mark, colors.canvas) >= 3, mark
        assert contrast_ratio(mark, colors.card) >= 3, mark
    for grade, chip in colors.grades.items():
        assert contrast_ratio(chip.text, chip.background) >= 4.5, grade


def test_the_dark_power_map_is_dark_and_the_light_one_light() -> None:
    assert relative_luminance(POWER_MAP_DARK.canvas) < 0.05 < relative_luminance(
        POWER_MAP_LIGHT.canvas)
    assert POWER_MAP_DARK.grades is DARK and POWER_MAP_LIGHT.grades is LIGHT
