"""Which backups to keep: the newest one of each recent day, week and month."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RetentionPolicy:
    """How many latest backups are kept, and how many distinct days, ISO weeks and months
    keep one backup each."""

    last: int = 6  # several backups of the same day (open, close, reopen…)
    daily: int = 12
    weekly: int = 8
    monthly: int = 6


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def backups_to_keep(moments: Iterable[datetime], policy: RetentionPolicy) -> set[datetime]:
    """The moments to keep; every other backup may be deleted.

    The ``last`` newest are kept (always at least one). Then each rule walks the backups
    newest first and keeps the newest one of each of its most recent ``n`` periods (days,
    weeks, months); a backup kept by any rule stays.
    """
    ordered = sorted(set(moments), reverse=True)
    keep: set[datetime] = set(ordered[:max(policy.last, 1)])
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, _day), (policy.weekly, _week), (policy.monthly, _month),
    ]
    for count, period_of in rules:
        seen: set[Hashable] = set()
        for moment in ordered:
            if len(seen) >= count:
                break
            period = period_of(moment)
            if period not in seen:
                seen.add(period)
                keep.add(moment)
    return keep
