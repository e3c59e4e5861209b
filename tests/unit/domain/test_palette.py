import pytest

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.palette import DARK, LIGHT, contrast_ratio, relative_luminance


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("grade", list(Grade))
def test_every_letter_is_readable_on_its_cell(scheme: dict, grade: Grade) -> None:
    colors = scheme[grade]
    assert contrast_ratio(colors.text, colors.background) >= 4.5


def test_light_cells_step_in_lightness_so_grayscale_still_separates_neighbours() -> None:
    lum = {g: relative_luminance(LIGHT[g].background) for g in Grade}
    assert lum[Grade.TRUST] < lum[Grade.OPEN] < lum[Grade.SATISFIED]
    assert lum[Grade.MOTIVATED] < lum[Grade.DISSATISFIED] < lum[Grade.INDIFFERENT]
