"""Line numbers written compactly for reports: 4-7, 9, 12-13."""

from __future__ import annotations

from collections.abc import Iterable


def compact_lines(lines: Iterable[int]) -> str:
    ordered = sorted(set(lines))
    if not ordered:
        return "none"
    parts: list[str] = []
    start = previous = ordered[0]
    for line in [*ordered[1:], None]:
        if line is not None and line == previous + 1:
            previous = line
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if line is not None:
            start = previous = line
    return ", ".join(parts)
