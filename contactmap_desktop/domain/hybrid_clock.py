"""Hybrid logical clock stamps: every laptop orders every change the same way.

A stamp is ``WALL.COUNTER.LAPTOP`` with fixed widths, so comparing the strings compares
the changes: wall time in milliseconds first, then a counter for changes in the same
millisecond (or made while this laptop's clock is behind one it has seen), then the laptop's
id as the final tie-break.
"""

from __future__ import annotations

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6


def make_stamp(wall_ms: int, counter: int, laptop: str) -> str:
    return f"{wall_ms:0{_WALL_DIGITS}d}.{counter:0{_COUNTER_DIGITS}d}.{laptop}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """(wall ms, counter, laptop); ValueError when it is not a stamp."""
    wall, counter, laptop = stamp.split(".", 2)
    if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not laptop:
        raise ValueError(stamp)
    return int(wall), int(counter), laptop


def is_stamp(stamp: object) -> bool:
    if not isinstance(stamp, str):
        return False
    try:
        parse_stamp(stamp)
    except ValueError:
        return False
    return True


def next_stamp(last: str, wall_ms: int, laptop: str) -> str:
    """A stamp later than ``last`` (this laptop's newest stamp, or the newest it has seen)
    and no earlier than ``wall_ms``."""
    if not last:
        return make_stamp(wall_ms, 0, laptop)
    last_wall, last_counter, _ = parse_stamp(last)
    if wall_ms > last_wall:
        return make_stamp(wall_ms, 0, laptop)
    return make_stamp(last_wall, last_counter + 1, laptop)


def laptop_of(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""
