"""Laptops whose clocks are hours off date their edits by the team server's clock: the
newest edit wins by when it was made, not by whose clock runs fast, and every laptop agrees."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from contactmap_desktop.services.clock import utc_now
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock
from tests.helpers.team_laptops import Laptop
from tests.helpers.team_logins import new_login, prepared

HOURS_OFF = timedelta(hours=3)


def test_a_laptop_three_hours_ahead_does_not_win_later_edits(
        team_database: str, tmp_path: Path) -> None:
    prepared(team_database)
    _, ann_url = new_login(team_database, "rep")
    bob, bob_url = new_login(team_database, "rep")
    small = build_small_map(tmp_path / "ann.cmap")
    small.opened.close()
    ahead, behind = FakeClock(utc_now() + HOURS_OFF), FakeClock(utc_now() - HOURS_OFF)
    ann = Laptop.join(tmp_path / "ann.cmap", ann_url, ahead)
    bob_laptop = Laptop.join(tmp_path / "bob.cmap", bob_url, behind)
    try:
        # Connect measured each laptop's offset: edits are dated by the server's clock.
        for laptop in (ann, bob_laptop):
            assert abs(laptop.opened.services.clock() - utc_now()) < timedelta(minutes=1)
        ann.team.share("Acme Corp", [bob])
        cell = small.cell(0, 1)
        # Each grade given after seeing the one before: the last given is the grade.
        for laptop, clock, letter in ((bob_laptop, behind, "O"), (ann, ahead, "T"),
                                      (bob_laptop, behind, "S"), (ann, ahead, "D"),
                                      (bob_laptop, behind, "I")):
            laptop.team.sync()
            clock.advance(seconds=1)
            laptop.grade(cell, letter)
            report = laptop.team.sync()
            side = "ahead of" if laptop is ann else "behind"
            assert f"clock is 3 h 0 min {side} the team server's" in " ".join(report.lines())
        ann.team.sync()
        for laptop in (ann, bob_laptop):
            relationship = laptop.opened.contact_maps.load_map(small.account.id) \
                .relationship(cell)
            assert relationship.grade is not None and relationship.grade.letter == "I"
            assert laptop.team.status().conflicts == []
            history = laptop.snapshot(small.account.id)["grade_changes"]
            assert [c["new_grade"] for c in sorted(history, key=lambda c: c["changed_at"])] \
                == ["O", "T", "S", "D", "I"]
        assert ann.snapshot(small.account.id) == bob_laptop.snapshot(small.account.id)
    finally:
        ann.close()
        bob_laptop.close()


def test_the_offset_is_kept_for_edits_made_offline_after_a_restart(
        team_database: str, tmp_path: Path) -> None:
    prepared(team_database)
    _, url = new_login(team_database, "rep")
    build_small_map(tmp_path / "w.cmap").opened.close()
    ahead = FakeClock(utc_now() + HOURS_OFF)
    Laptop.join(tmp_path / "w.cmap", url, ahead).close()
    ahead.advance(hours=1)  # an hour later, offline, the app opened again
    opened = open_workspace(tmp_path / "w.cmap", backups_root=tmp_path / "backups",
                            clock=ahead)
    try:
        assert abs(opened.services.clock() - (utc_now() + timedelta(hours=1))) < \
            timedelta(minutes=1)
    finally:
        opened.close()
