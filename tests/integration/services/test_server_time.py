"""The workspace's clock: the laptop's own, moved by the offset from the team server's clock
the last sync measured; zero offset on a workspace never connected."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder, TeamMember, new_id
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.services.clock import ServerTime
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.schema import TeamLinkRow
from contactmap_desktop.storage.team_local import TeamStore
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.fake_clock import FakeClock


def test_every_service_dates_edits_by_the_stored_offset(tmp_path: Path) -> None:
    laptop = FakeClock(datetime(2026, 1, 5, 12, 0))
    opened = open_workspace(tmp_path / "w.cmap", clock=laptop)
    clock = opened.services.clock
    assert isinstance(clock, ServerTime) and clock() == laptop.now  # never connected
    with UnitOfWork(opened.workspace) as repos:  # as connect leaves it
        repos.session.add(TeamLinkRow(id=1, url="host=db user=ann", login="ann",
                                      laptop_id="l1", clock="", role="rep"))
        repos.session.flush()
        TeamStore(repos.session).set_clock_offset(timedelta(hours=-3))
    opened.close()
    opened = open_workspace(tmp_path / "w.cmap", clock=laptop)
    try:
        account = opened.accounts.create_account("Acme Corp", "Manufacturing").value
        person = opened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=account.id, name="Ada Power", title="CEO")).value
        member = opened.contact_maps.add_team_member(
            account.id, TeamMember(new_id(), "Rep One", "AE", Seniority.MANAGER)).value
        result = opened.contact_maps.set_grade(CellRef(member.id, person.id), Grade.OPEN)
        assert result.change is not None
        assert result.change.changed_at == datetime(2026, 1, 5, 9, 0)
    finally:
        opened.close()


@pytest.mark.parametrize(("offset", "note"), [
    (timedelta(minutes=4), ""),
    (timedelta(minutes=-4), ""),
    (timedelta(minutes=7), "7 min behind the team server's"),
    (timedelta(hours=-3, seconds=-20), "3 h 0 min ahead of the team server's"),
])
def test_a_clock_far_off_the_servers_is_noted(offset: timedelta, note: str) -> None:
    report = SyncReport(clock_offset=offset)
    assert note in report.clock_note and bool(note) == bool(report.clock_note)
    assert (report.clock_note in report.lines()) == bool(note)
