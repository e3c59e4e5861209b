"""Performance metrics agreed with the client: a target, and values measured over time."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.validation import clean_name, clean_short_text

MAX_MEASUREMENTS = 1000


class Direction(Enum):
    """Whether a value at or above the target is good, or at or below it."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"

    @property
    def label(self) -> str:
        return "at least" if self is Direction.AT_LEAST else "at most"


@dataclass(frozen=True)
class Measurement:
    on: date
    value: float

    def to_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "value": self.value}

    @classmethod
    def from_json(cls, raw: Any) -> Measurement:
        if not isinstance(raw, dict):
            raise ValidationError("A stored measurement is not a record.")
        value = raw.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError("A stored measurement has no number.")
        return cls(date.fromisoformat(str(raw.get("on"))), float(value))


@dataclass(frozen=True)
class Metric:
    id: str
    engagement_id: str
    name: str
    target: float
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    measurements: tuple[Measurement, ...] = ()
    position: int = 0

    @property
    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def off_target(self) -> bool:
        """The latest value misses the target; a value exactly on target meets it."""
        return self.latest is not None and is_off_target(self.latest.value, self.target,
                                                         self.direction)

    @property
    def target_text(self) -> str:
        return f"{self.direction.label} {format_number(self.target)} {self.unit}".rstrip()

    def checked(self) -> Metric:
        _check_number(self.target, "The target")
        for m in self.measurements:
            _check_number(m.value, f"The value measured on {m.on.isoformat()}")
        if len({m.on for m in self.measurements}) != len(self.measurements):
            raise ValidationError("Two values are measured on the same day; keep one per day.")
        if len(self.measurements) > MAX_MEASUREMENTS:
            raise ValidationError(f"A metric keeps at most {MAX_MEASUREMENTS} measured values.")
        return replace(self, name=clean_name(self.name, "metric"),
                       unit=clean_short_text(self.unit, "The unit"),
                       measurements=tuple(sorted(self.measurements, key=lambda m: m.on)))

    def with_measurement(self, measurement: Measurement) -> Metric:
        """Add a value, replacing one already measured that day."""
        kept = tuple(m for m in self.measurements if m.on != measurement.on)
        return replace(self, measurements=tuple(sorted((*kept, measurement),
                                                       key=lambda m: m.on)))


def is_off_target(value: float, target: float, direction: Direction) -> bool:
    return value < target if direction is Direction.AT_LEAST else value > target


def format_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _check_number(value: float, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"{what} must be a number.")
    if abs(value) > 1e15:
        raise ValidationError(f"{what} is too large to be a measure.")
