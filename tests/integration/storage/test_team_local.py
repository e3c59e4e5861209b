"""The laptop's sync tables: which records belong to an account, asked for a few keys (an
incremental sync) or for many (a first sync), give the same answer."""

from __future__ import annotations

from pathlib import Path

from benchmarks.large_account import build_large_account
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.team_local import SECTIONS_BY_NAME, TeamStore, cell_key
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import build_small_map


def test_in_scope_answers_alike_for_few_and_many_keys(tmp_path: Path) -> None:
    built = build_large_account(tmp_path / "w.cmap", stakeholders=30, team=20, graded_share=1)
    opened = open_workspace(tmp_path / "w.cmap")
    other = build_small_map(tmp_path / "other.cmap")  # keys of cells of another workspace
    foreign = [cell_key(c.team_member_id, c.stakeholder_id)
               for c in (other.cell(0, 0), other.cell(1, 2))]
    other.opened.close()
    ours = [cell_key(m, s) for m in built.team_member_ids for s in built.stakeholder_ids]
    section = SECTIONS_BY_NAME["relationships"]
    try:
        with UnitOfWork(opened.workspace, read_only=True) as repos:
            store = TeamStore(repos.session)
            assert len(ours) > 400  # past one chunk: the account's rows are read in one pass
            assert store.in_scope(section, ours + foreign, built.account_id) == set(ours)
            assert store.in_scope(section, ours[:5] + foreign, built.account_id) == \
                set(ours[:5])
            assert store.in_scope(section, ours, "another account") == set()
    finally:
        opened.close()
