"""Blueprints survive closing and reopening the workspace file, every field intact."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintStatus, Strategy
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, new_id
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock
from tests.helpers.old_schemas import write_v2_workspace


def test_a_blueprint_round_trips_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.cmap"
    small = build_small_map(path)
    small.opened.contact_maps.set_grade(small.cell(0, 2), Grade.SATISFIED)
    service = BlueprintService(small.opened.workspace, FakeClock())
    saved = service.create(Blueprint(
        id=new_id(), account_id=small.account.id, stakeholder_id=small.stakeholders[2].id,
        cells=(small.cell(0, 2), small.cell(1, 2)), goal=Grade.OPEN,
        strategies=(Strategy.AUTHORITY, Strategy.RECIPROCITY),
        tactics="Joint workshop & <review>", messages="Ship faster;\nfewer incidents",
        resources="Our CTO, the benchmark deck", owner_id=small.team_members[1].id,
        due=date(2026, 3, 31), status=BlueprintStatus.IN_PROGRESS, notes="李小龍 prefers mornings",
    )).value
    small.opened.close()

    reopened = open_workspace(path)
    loaded = BlueprintService(reopened.workspace).list_for_account(small.account.id)
    assert loaded == [saved]
    assert saved.created_at is not None
    assert BlueprintService(reopened.workspace).cells_with_blueprint(small.account.id) == \
        frozenset({small.cell(0, 2), small.cell(1, 2)})
    reopened.close()


def test_editing_replaces_cells_and_strategies_in_their_order(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = BlueprintService(small.opened.workspace, FakeClock())
    created = service.create(replace(service.draft(small.cell(0, 0)),
                                     strategies=(Strategy.LIKING,))).value
    edited = service.update(replace(
        created, cells=(small.cell(1, 0),), strategies=(Strategy.SCARCITY, Strategy.LIKING))).value
    assert service.get(created.id) == edited
    assert service.for_cell(small.cell(0, 0)) is None
    assert service.for_cell(small.cell(1, 0)) == edited
    small.opened.close()


def test_deleting_a_blueprint_leaves_no_cells_or_strategies_behind(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = BlueprintService(small.opened.workspace, FakeClock())
    created = service.create(replace(service.draft(small.cell(0, 1)),
                                     strategies=(Strategy.COMMITMENT,))).value
    service.delete(created.id)
    with UnitOfWork(small.opened.workspace) as repos:
        counts = [repos.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("blueprints", "blueprint_cells", "blueprint_strategies")]
    assert counts == [0, 0, 0]
    service.restore(created)
    assert service.get(created.id) == created
    small.opened.close()


def test_a_removed_stakeholder_hides_their_blueprints(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = BlueprintService(small.opened.workspace, FakeClock())
    service.create(service.draft(small.cell(0, 1)))
    small.opened.contact_maps.remove_stakeholder(small.stakeholders[1].id)
    assert service.list_for_account(small.account.id) == []
    small.opened.contact_maps.restore_stakeholder(small.stakeholders[1].id)
    assert len(service.list_for_account(small.account.id)) == 1
    small.opened.close()


@pytest.mark.sqlite_only("an old .cmap file upgraded")
def test_a_version_2_file_gets_blueprint_tables_and_keeps_its_map(tmp_path: Path) -> None:
    path = tmp_path / "v2.cmap"
    write_v2_workspace(path)
    opened = open_workspace(path, backups_root=tmp_path / "backups")
    service = BlueprintService(opened.workspace, FakeClock())
    draft = service.draft(CellRef("t1", "s2"))
    assert draft.goal is Grade.SATISFIED  # the file's grade for t1 ↔ s2 is Indifferent
    service.create(replace(draft, strategies=(Strategy.SOCIAL_PROOF,)))
    opened.close()
    reopened = open_workspace(path, backups_root=tmp_path / "backups")
    [loaded] = BlueprintService(reopened.workspace).list_for_account("a1")
    assert loaded.strategies == (Strategy.SOCIAL_PROOF,)
    assert reopened.contact_maps.load_map("a1").grade(CellRef("t1", "s1")) is Grade.OPEN
    reopened.close()
