"""The laptop's sync tables: which records belong to an account, asked for a few keys (an
incremental sync) or for many (a first sync), give the same answer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, select

from benchmarks.large_account import build_large_account
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.schema import RelationshipRow
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


def test_rows_are_updated_and_deleted_in_a_few_statements(tmp_path: Path) -> None:
    """A statement per row let the window's thread starve while a sync wrote (each one lets
    go of the interpreter's lock, and the waiting thread loses the race): rows go a chunk
    at a time, each keeping its own fields."""
    built = build_large_account(tmp_path / "w.cmap", stakeholders=30, team=20, graded_share=1)
    opened = open_workspace(tmp_path / "w.cmap")
    section = SECTIONS_BY_NAME["relationships"]
    cells = [(m, s) for m in built.team_member_ids for s in built.stakeholder_ids]
    noted, graded, removed = cells[:250], cells[250:500], cells[500:]
    updates = {cell_key(m, s): {"note": f"met {m[:4]}"} for m, s in noted}
    updates |= {cell_key(m, s): {"grade": "O", "note": ""} for m, s in graded}
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(opened.workspace.engine, "before_cursor_execute", count)
    try:
        with UnitOfWork(opened.workspace) as repos:
            store = TeamStore(repos.session)
            store.update_rows(section, updates)
            store.delete_rows(section, [cell_key(m, s) for m, s in removed])
        event.remove(opened.workspace.engine, "before_cursor_execute", count)
        writes = [s for s in statements if s.startswith(("UPDATE", "DELETE"))]
        assert len(writes) <= 4  # per chunk of 400 rows, one per set of fields; one delete
        with UnitOfWork(opened.workspace, read_only=True) as repos:
            rows = {(r.team_member_id, r.stakeholder_id): (r.grade, r.note)
                    for r in repos.session.scalars(select(RelationshipRow))}
        assert set(rows) == set(noted + graded)
        assert all(rows[m, s][1] == f"met {m[:4]}" for m, s in noted)
        assert all(rows[cell] == ("O", "") for cell in graded)
    finally:
        opened.close()
