"""The safety dialogs driven as a user would: restore from backup, damaged file, workspace in
use, About with diagnostics; and the opener that chooses between them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from contactmap_desktop.domain.errors import WorkspaceError, WorkspaceLockedError
from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.services.diagnostics import collect_diagnostics
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.schema import SCHEMA_VERSION
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from contactmap_desktop.ui.help.about_dialog import AboutDialog
from contactmap_desktop.ui.safety.backup_list_model import BackupListModel
from contactmap_desktop.ui.safety.damaged_file_dialog import DamagedFileDialog
from contactmap_desktop.ui.safety.restore_backup_dialog import RestoreBackupDialog
from contactmap_desktop.ui.safety.workspace_locked_dialog import WorkspaceLockedDialog
from tests.helpers.fake_clock import FakeClock
from tests.helpers.processes import kill_hard, start_child, wait_ready


def _workspace_with_two_backups(tmp_path: Path) -> tuple[Path, BackupService]:
    clock, root, path = FakeClock(), tmp_path / "backups", tmp_path / "plan.cmap"
    opened = open_workspace(path, clock=clock, backups_root=root)
    opened.accounts.create_account("Acme")
    opened.close()
    clock.advance(days=1)
    opened = open_workspace(path, clock=clock, backups_root=root)
    opened.accounts.create_account("Beta")
    opened.close()
    return path, BackupService.of_file(path, root, clock)


def test_the_backup_list_model_passes_the_model_tester(tmp_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _, service = _workspace_with_two_backups(tmp_path)
    model = BackupListModel(service.list_backups())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.index(r, 1).data() for r in range(2)] == ["2", "1"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Taken"


def test_restore_dialog_restores_the_chosen_backup_into_a_new_file(
    tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path, service = _workspace_with_two_backups(tmp_path)
    chosen: list[Path] = []

    def choose(_parent: object, suggested: Path) -> Path:
        chosen.append(suggested)
        return suggested

    dialog = RestoreBackupDialog(service, choose_target=choose)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()  # the newest is selected
    dialog.table.selectionModel().select(
        dialog.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.restored_path == chosen[0] and chosen[0].parent == path.parent
    restored = open_workspace(dialog.restored_path, backups_root=tmp_path / "other")
    assert [a.name for a in restored.accounts.list_accounts()] == ["Acme"]  # the older one
    restored.close()


def test_restore_dialog_shows_why_a_restore_failed(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path, service = _workspace_with_two_backups(tmp_path)
    dialog = RestoreBackupDialog(service, choose_target=lambda _p, _s: path)  # the current file
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored_path is None
    assert dialog.error_label.isVisible()
    assert "already exists" in dialog.error_label.text()


def test_restore_dialog_without_backups_says_so(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RestoreBackupDialog(BackupService.of_file(tmp_path / "new.cmap", tmp_path / "b"))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.model.rowCount() == 0


def _click_when_shown(qtbot, find_button) -> None:  # type: ignore[no-untyped-def]
    """Click a button of the modal box that is about to open (exec blocks the test)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, click)
            return
        qtbot.mouseClick(find_button(box), Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, click)


def test_damaged_file_dialog_offers_and_restores_the_newest_good_backup(
    tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path, service = _workspace_with_two_backups(tmp_path)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    before = path.read_bytes()
    error = WorkspaceError(f"{path} is not a ContactMap workspace (it is not an SQLite database).")
    dialog = DamagedFileDialog(error, service)
    qtbot.addWidget(dialog)
    assert "not an SQLite database" in dialog.informativeText()
    assert "has not changed the file" in dialog.informativeText()
    assert "2 accounts" in dialog.informativeText()
    _click_when_shown(qtbot, lambda box: box.restore_button)
    restored = DamagedFileDialog.ask(error, service)
    assert restored is not None and restored.exists() and restored != path
    assert path.read_bytes() == before


def test_damaged_file_dialog_without_backups_only_explains(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    service = BackupService.of_file(tmp_path / "x.cmap", tmp_path / "b")
    dialog = DamagedFileDialog(WorkspaceError("x.cmap is empty."), service)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "no backup" in dialog.informativeText()


def test_locked_dialog_names_the_holder_and_offers_read_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    error = WorkspaceLockedError("plan.cmap is already open for editing by process 4242 on "
                                 "laptop-7 (since 2026-01-05 09:00 UTC).", "laptop-7", 4242)
    dialog = WorkspaceLockedDialog(error)
    qtbot.addWidget(dialog)
    assert "process 4242 on laptop-7" in dialog.text()
    _click_when_shown(qtbot, lambda box: box.view_button)
    assert WorkspaceLockedDialog.ask(error) is True
    _click_when_shown(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel))
    assert WorkspaceLockedDialog.ask(error) is False


def test_about_shows_versions_and_folders_and_copies_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(collect_diagnostics("6.0.0-test", "6.0.0-pyside"))
    qtbot.addWidget(dialog)
    assert dialog.value_labels["Workspace format (schema)"].text() == str(SCHEMA_VERSION)
    assert dialog.value_labels["Qt"].text() == "6.0.0-test"
    assert dialog.value_labels["Log folder"].text() == str(dialog.diagnostics.log_folder)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "6.0.0-test" in copied and "SQLite" in copied and "Data folder" in copied
    assert "Copied" in dialog.copied_label.text()


def test_the_opener_offers_read_only_when_another_process_edits(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.cmap"
    open_workspace(path, backups_root=tmp_path / "b").close()
    asked: list[WorkspaceLockedError] = []

    def ask_locked(error: WorkspaceLockedError, _parent: object) -> bool:
        asked.append(error)
        return True

    child = start_child("hold", str(path))
    try:
        wait_ready(child)
        opener = WorkspaceOpener(ask_locked=ask_locked, backups_root=tmp_path / "b")
        opened = opener.open(path)
        assert opened is not None and opened.read_only
        assert asked and asked[0].pid == child.pid
        opened.close()
    finally:
        kill_hard(child)


def test_the_opener_opens_the_restored_backup_of_a_damaged_file(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path, service = _workspace_with_two_backups(tmp_path)
    path.write_bytes(path.read_bytes()[:5000])
    warnings: list[str] = []

    def ask_damaged(error: WorkspaceError, offered: BackupService, _parent: object) -> Path:
        assert "damaged" in str(error)
        backup = offered.newest_good()
        assert backup is not None
        return offered.restore(backup, offered.suggested_target(backup))

    opener = WorkspaceOpener(ask_damaged=ask_damaged, warn=lambda _p, text: warnings.append(text),
                             backups_root=tmp_path / "backups")
    opened = opener.open(path)
    assert opened is not None and opened.path != path
    assert [a.name for a in opened.accounts.list_accounts()] == ["Acme", "Beta"]
    opened.close()
    assert warnings == []


def test_the_opener_warns_about_a_synced_folder(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "OneDrive - Contoso" / "plan.cmap"
    path.parent.mkdir()
    warnings: list[str] = []
    opener = WorkspaceOpener(warn=lambda _p, text: warnings.append(text),
                             backups_root=tmp_path / "b")
    opened = opener.open(path, create=True)
    assert opened is not None
    opened.close()
    assert len(warnings) == 1 and "OneDrive" in warnings[0]


def test_the_opener_returns_nothing_when_the_user_cancels(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.cmap"
    path.write_bytes(b"")
    opener = WorkspaceOpener(ask_damaged=lambda _e, _s, _p: None, backups_root=tmp_path / "b")
    assert opener.open(path) is None
    assert path.read_bytes() == b""


def test_at_start_the_damaged_file_question_sits_on_the_splash(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Before there is a window, questions are parented to the splash: shown above it, not
    hidden behind the card that says the workspace is opening."""
    from contactmap_desktop.application import Application
    from contactmap_desktop.ui.core.settings import UiSettings
    from contactmap_desktop.ui.core.startup_splash import StartupSplash

    path = tmp_path / "empty.cmap"
    path.write_bytes(b"")
    parents: list[object] = []
    opener = WorkspaceOpener(ask_damaged=lambda _e, _s, parent: parents.append(parent),
                             backups_root=tmp_path / "b")
    splash = StartupSplash(path.name)
    qtbot.addWidget(splash)
    settings = UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    application = Application(settings, opener, dialog_parent=splash)

    assert not application.open(path, create=False)
    assert parents == [splash]
