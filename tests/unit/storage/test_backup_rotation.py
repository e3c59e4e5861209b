"""The retention rule: newest backup of each recent day, week and month."""

from datetime import datetime, timedelta

from contactmap_desktop.storage.backup_rotation import RetentionPolicy, backups_to_keep


def _hourly(days: int, start: datetime = datetime(2026, 1, 1)) -> list[datetime]:
    return [start + timedelta(hours=h) for h in range(days * 24)]


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([], RetentionPolicy()) == set()


def test_the_newest_backup_is_always_kept() -> None:
    moments = _hourly(3)
    keep = backups_to_keep(moments, RetentionPolicy(last=1, daily=0, weekly=0, monthly=0))
    assert keep == {max(moments)}


def test_daily_keeps_the_newest_of_each_of_the_last_days() -> None:
    moments = _hourly(20)
    keep = backups_to_keep(moments, RetentionPolicy(last=1, daily=12, weekly=0, monthly=0))
    assert len(keep) == 12
    assert all(moment.hour == 23 for moment in keep)
    assert {m.date() for m in keep} == {max(moments).date() - timedelta(days=d) for d in range(12)}


def test_weeks_and_months_reach_further_back() -> None:
    moments = _hourly(400)
    keep = backups_to_keep(moments, RetentionPolicy(last=1, daily=12, weekly=8, monthly=6))
    newest = max(moments)
    # Six calendar months (this one included) reach back four to five months.
    oldest_kept = min(keep)
    assert newest - oldest_kept > timedelta(days=120)
    assert newest - oldest_kept < timedelta(days=160)
    months = {(m.year, m.month) for m in keep}
    assert len(months) == 6
    assert len(keep) <= 12 + 8 + 6


def test_the_last_few_are_kept_even_within_one_day() -> None:
    moments = _hourly(1)
    keep = backups_to_keep(moments, RetentionPolicy(last=4, daily=12, weekly=0, monthly=0))
    assert keep == set(sorted(moments)[-4:])


def test_a_sparse_history_keeps_everything_within_the_limits() -> None:
    moments = [datetime(2026, 1, 1) + timedelta(days=30 * i) for i in range(5)]
    assert backups_to_keep(moments, RetentionPolicy()) == set(moments)
