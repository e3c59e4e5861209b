"""File ▸ Export Account / Import Account through the dialogs, with a conflict summary."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.clock import utc_now
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.data import account_exchange_dialogs
from contactmap_desktop.ui.data import feature as data_feature
from contactmap_desktop.ui.data.account_exchange_dialogs import (
    ImportSummaryDialog,
    account_file_target,
    import_account,
)
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock


def test_export_then_import_with_a_conflict_shows_the_summary(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    small = build_small_map(tmp_path / "a.cmap")
    small.opened.close()
    clock_a, clock_b = FakeClock(), FakeClock()
    a = open_workspace(tmp_path / "a.cmap", clock=clock_a)
    a.contact_maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
    file = account_file_target(parent, "Acme/Corp",
                               choose=lambda _p, suggested: tmp_path / suggested.name)
    assert file == tmp_path / "Acme_Corp.cmacct"
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file)
    b = open_workspace(tmp_path / "b.cmap", clock=clock_b)
    shown: list[ImportSummaryDialog] = []
    b_service = AccountExchangeService(b.workspace, clock_b)
    assert import_account(parent, b_service, choose=lambda _p, _s: file, show=shown.append)
    clock_a.advance(hours=1)
    a.contact_maps.set_grade(small.cell(0, 0), Grade.OPEN)
    clock_b.advance(hours=2)
    b.contact_maps.set_grade(small.cell(0, 0), Grade.DISSATISFIED)
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file)
    summary = import_account(parent, b_service, choose=lambda _p, _s: file, show=shown.append)
    assert summary is not None and len(summary.conflicts) == 1
    dialog = shown[-1]
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Conflict on Rep One × Ada Power: this workspace had Dissatisfied" in \
        dialog.details.toPlainText()
    assert "kept Dissatisfied, the newer" in dialog.details.toPlainText()
    a.close()
    b.close()


def test_a_refused_file_is_explained_in_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    bad = tmp_path / "photo.cmacct"
    bad.write_bytes(b"\x89PNG")
    opened = open_workspace(tmp_path / "w.cmap")
    result = import_account(parent, AccountExchangeService(opened.workspace),
                            choose=lambda _p, _s: bad, show=lambda _d: None)
    assert result is None and messages == ["photo.cmacct is not a ContactMap account file."]
    opened.close()


def test_importing_a_reordered_team_shows_the_new_order_in_the_grid(
    qtbot: QtBot, window: MainWindow, small_map: SmallMap, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = tmp_path / "acme.cmacct"
    AccountExchangeService(small_map.opened.workspace).export_account(small_map.account.id, file)
    clock = FakeClock(utc_now() + timedelta(days=1))  # the other laptop, a day later
    other = open_workspace(tmp_path / "other.cmap", clock=clock)
    AccountExchangeService(other.workspace, clock).import_account(file)
    rep, eng = small_map.team_members
    other.contact_maps.reorder_team(small_map.account.id, [eng.id, rep.id])
    AccountExchangeService(other.workspace, clock).export_account(small_map.account.id, file)
    other.close()
    shown: list[ImportSummaryDialog] = []
    # The feature imports its dialog's function when the menu entry is used.
    monkeypatch.setattr(account_exchange_dialogs, "import_account",
                        partial(import_account, choose=lambda _p, _s: file, show=shown.append))
    model = window.map_page.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["Rep One", "Eng Two"]
    data = window.features.data
    assert isinstance(data, data_feature.DataFeature)
    data.writing[1].trigger()  # File ▸ Import Account File…
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["Eng Two", "Rep One"]
    [dialog] = shown
    qtbot.addWidget(dialog)
    assert "account team: 0 added, 2 updated (position)" in dialog.details.toPlainText()
