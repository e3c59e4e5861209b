"""The window's exports never replace the open workspace or the files beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.data.feature import DataFeature
from contactmap_desktop.ui.data.map_export import MapExport


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock"])
def test_csv_and_pdf_exports_refuse_the_workspace_files(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    workspace = Path(window.document.opened.path)
    window.document.opened.accounts.create_account("Written while open", "")
    target = workspace.with_name(workspace.name + suffix)
    assert target.exists()
    # The lock keeps its record; the workspace itself may take in its WAL meanwhile (a
    # checkpoint a second after the edit), so it is judged by what it holds, below.
    before = target.read_bytes() if suffix == ".lock" else None
    errors: list[str] = []
    monkeypatch.setattr(window, "report_error", errors.append)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    data = window.features.data
    assert isinstance(data, DataFeature)
    data.export_stakeholders()
    pdf = window.features.map_export
    assert isinstance(pdf, MapExport)
    pdf.export(target)
    qtbot.waitUntil(lambda: pdf.task is None and not data.exports, timeout=20_000)
    assert len(errors) == 2 and all("choose another name" in e for e in errors), errors
    if before is not None:
        assert target.read_bytes() == before
    names = [a.name for a in window.document.opened.accounts.list_accounts()]
    assert "Written while open" in names
