"""The agenda and an account's overview read a fixed number of SQL statements, however many
accounts and engagements the workspace holds, and still find every kind of item."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from contactmap_desktop.domain.agenda import AgendaKind
from contactmap_desktop.domain.letters import Milestone, SponsorLetter
from contactmap_desktop.domain.model import new_id
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.busy_accounts import add_busy_account
from tests.helpers.fake_clock import FakeClock

NOW = datetime(2026, 3, 10, 9, 0)
TODAY = NOW.date()
# Settings, accounts, meetings, engagements, steps, blueprints (3), names, letters, success
# criteria, delivery reviews, metrics, the team's seniority, stage histories; BEGIN.
MOST_STATEMENTS = 17


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenWorkspace]:
    workspace = open_workspace(tmp_path / "w.cmap", backups_root=tmp_path / "b")
    yield workspace
    workspace.close()


@contextmanager
def statements(workspace: Workspace) -> Iterator[list[str]]:
    """Every SQL statement the workspace's engine runs inside the block."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(workspace.engine, "before_cursor_execute", note)


def test_the_agenda_reads_as_many_statements_for_twenty_accounts_as_for_one(
    opened: OpenWorkspace
) -> None:
    workspace = opened.workspace
    service = AgendaService(workspace, FakeClock(NOW))
    add_busy_account(workspace, "Account 00", 2, TODAY)
    with statements(workspace) as for_one:
        assert len(service.agenda().items) == 10
    for number in range(1, 20):
        add_busy_account(workspace, f"Account {number:02}", 4, TODAY)
    with statements(workspace) as for_twenty:
        agenda = service.agenda()
    assert len(for_twenty) == len(for_one) <= MOST_STATEMENTS
    # Review and CEO visit due, renewal, one passive engagement per open one, the blueprint,
    # the newest letter's two milestones; per delivered pilot a review owed and no contract
    # after it; and no executive of ours at the last review of a large account.
    per_account = Counter(item.account_name for item in agenda.items)
    assert per_account == {"Account 00": 10} | {f"Account {n:02}": 13 for n in range(1, 20)}
    first = [(i.kind, i.overdue) for i in agenda.items if i.account_name == "Account 00"]
    assert sorted(first, key=lambda k: (k[0].value, k[1])) == [
        (AgendaKind.BLUEPRINT, False), (AgendaKind.CEO_VISIT, False),
        (AgendaKind.DELIVERY_REVIEW, False), (AgendaKind.EXECUTIVES, False),
        (AgendaKind.FOLLOW_ON, False),
        (AgendaKind.MILESTONE, False), (AgendaKind.MILESTONE, True),
        (AgendaKind.PASSIVE, False), (AgendaKind.RENEWAL, False), (AgendaKind.REVIEW, True)]
    assert agenda.days == 7


def test_the_agenda_leaves_out_deleted_accounts_and_older_letters(
    opened: OpenWorkspace
) -> None:
    workspace = opened.workspace
    kept = add_busy_account(workspace, "Kept", 1, TODAY)
    gone = add_busy_account(workspace, "Gone", 1, TODAY)
    with UnitOfWork(workspace) as repos:
        repos.accounts.mark_deleted(gone, NOW)
        repos.letters.save(SponsorLetter(new_id(), kept, TODAY - timedelta(days=30),
                                         milestones=(Milestone("Old step", "", TODAY),)), NOW)
    items = AgendaService(workspace, FakeClock(NOW)).agenda().items
    assert {i.account_name for i in items} == {"Kept"}
    assert sorted(i.title for i in items if i.kind is AgendaKind.MILESTONE) == [
        "Pilot review", "Proposal"]


def test_an_overview_reads_as_many_statements_for_twenty_engagements_as_for_one(
    opened: OpenWorkspace
) -> None:
    workspace = opened.workspace
    service = AgendaService(workspace, FakeClock(NOW))
    small = add_busy_account(workspace, "Small", 1, TODAY)
    large = add_busy_account(workspace, "Large", 20, TODAY)
    with statements(workspace) as for_one:
        service.overview(small)
    with statements(workspace) as for_twenty:
        overview = service.overview(large)
    assert len(for_twenty) == len(for_one) <= MOST_STATEMENTS
    assert len(overview.engagements) == 20
    for state in overview.engagements:
        assert [s.what for s in state.steps] == ["Shares data", "Our step 0", "Our step 1",
                                                 "Our step 2"]
        assert state.momentum.passive and state.momentum.ours_in_a_row == 3
        assert [m.name for m in state.metrics] == ["On-time"]
        assert state.metrics_off_target == ("On-time",)
