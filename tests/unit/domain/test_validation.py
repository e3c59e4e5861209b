"""Typed text: every cleaner refuses what no engine of ours can store."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.validation import clean_long_text, clean_name, clean_short_text


@pytest.mark.parametrize("clean", [
    lambda text: clean_name(text, "account"),
    lambda text: clean_short_text(text, "The title"),
    lambda text: clean_long_text(text, "The notes"),
])
def test_a_nul_character_is_refused_in_every_text(clean: Callable[[str], str]) -> None:
    # PostgreSQL (the team server) stores no NUL in text: it failed there with a traceback.
    with pytest.raises(ValidationError, match="holds a NUL character"):
        clean("Acme\x00 Corp")
    assert clean("Acme Corp") == "Acme Corp"
