"""Time as the services see it: naive UTC, injectable so tests can move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC: SQLite keeps no time zone, so every stored time is UTC by convention."""
    return datetime.now(UTC).replace(tzinfo=None)


class ServerTime:
    """The laptop's clock moved by its offset from the team server's, as last measured.

    Every service of a workspace dates edits by this clock, so "the newest change" means the
    same on every laptop of a team whatever the laptops' own clocks say: a laptop hours ahead
    no longer wins every later edit, nor does one behind lose them. With no team server the
    offset is zero. ``load_offset`` reads the stored offset on first use (the window's start
    does not wait for it)."""

    def __init__(self, base: Clock = utc_now,
                 load_offset: Callable[[], timedelta] | None = None) -> None:
        self.base = base
        self._load = load_offset
        self._offset: timedelta | None = None

    @property
    def offset(self) -> timedelta:
        """How far the server's clock is ahead of ``base``."""
        if self._offset is None:
            self._offset = self._load() if self._load is not None else timedelta()
        return self._offset

    @offset.setter
    def offset(self, value: timedelta) -> None:
        self._offset = value

    def __call__(self) -> datetime:
        return self.base() + self.offset
