"""The coverage thresholds: the method's defaults, their bounds and their stored form."""

from __future__ import annotations

from typing import Any

import pytest

from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.errors import ValidationError


def test_defaults_are_the_methods() -> None:
    assert CoverageThresholds().to_json() == {
        "trust_share_limit": 30, "open_share_floor": 25, "stale_after_days": 90,
        "most_relationships": 3, "fewest_graded_for_shares": 10, "most_key_relationships": 6,
    }


@pytest.mark.parametrize(("field", "value", "ok"), [
    ("trust_share_limit", 0, True), ("trust_share_limit", 100, True),
    ("trust_share_limit", 101, False), ("trust_share_limit", -1, False),
    ("open_share_floor", 100, True), ("stale_after_days", 0, False),
    ("stale_after_days", 1, True), ("stale_after_days", 3650, True),
    ("stale_after_days", 3651, False), ("most_relationships", 0, False),
    ("most_relationships", 1, True), ("most_relationships", 2.5, False),
    ("most_relationships", True, False), ("trust_share_limit", "30", False),
])
def test_bounds(field: str, value: Any, ok: bool) -> None:
    if ok:
        assert getattr(CoverageThresholds(**{field: value}), field) == value
    else:
        with pytest.raises(ValidationError, match="must be a whole number"):
            CoverageThresholds(**{field: value})


def test_stored_form_round_trips_and_ignores_unknown_keys() -> None:
    thresholds = CoverageThresholds(trust_share_limit=40, stale_after_days=60)
    assert CoverageThresholds.from_json(thresholds.to_json()) == thresholds
    assert CoverageThresholds.from_json({"open_share_floor": 10, "later": 1}) == \
        CoverageThresholds(open_share_floor=10)
    with pytest.raises(ValidationError):
        CoverageThresholds.from_json([1, 2])
