"""Reviews in the workspace: the same grade again is recorded with who and when, undo takes
it back out, and account files carry who recorded each change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.grade_batch import GradeBatchService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map

MONDAY, FRIDAY = datetime(2026, 6, 1, 9), datetime(2026, 6, 5, 16)


def test_the_same_grade_again_is_a_review_kept_with_who_and_when(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    cell = small.cell(0, 0)
    now = [MONDAY]
    batch = GradeBatchService(small.opened.workspace, lambda: now[0], lambda: "pat")
    batch.set_grades({cell: Grade.OPEN})
    now[0] = FRIDAY
    before = batch.relationships([cell])
    [done] = batch.set_grades({cell: Grade.OPEN}).value
    assert done.change is not None and done.change.is_review
    history = small.opened.contact_maps.load_map(small.account.id).history
    assert [(c.old_grade, c.new_grade, c.changed_at, c.changed_by) for c in history] == [
        (None, Grade.OPEN, MONDAY, "pat"), (Grade.OPEN, Grade.OPEN, FRIDAY, "pat")]
    assert small.opened.contact_maps.load_map(small.account.id).relationship(
        cell).reviewed_at == FRIDAY

    [undone] = batch.take_back([done], before, "undone").value
    assert undone.withdrawn == done.change
    contact_map = small.opened.contact_maps.load_map(small.account.id)
    assert [c.is_review for c in contact_map.history] == [False]
    assert contact_map.relationship(cell).reviewed_at == MONDAY  # the earlier review is back
    small.opened.close()


def test_an_account_file_carries_who_recorded_each_change(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    GradeBatchService(small.opened.workspace, lambda: MONDAY, lambda: "pat").set_grades(
        {small.cell(0, 0): Grade.SATISFIED})
    file = tmp_path / "acme.cmacct"
    AccountExchangeService(small.opened.workspace).export_account(small.account.id, file)
    other = open_workspace(tmp_path / "b.cmap")
    AccountExchangeService(other.workspace).import_account(file)
    [change] = other.contact_maps.load_map(small.account.id).history
    assert change.changed_by == "pat"
    other.close()
    small.opened.close()
