"""Team mode in the window: connect, share, sync in the background and a status indicator.

A sync runs on a worker thread (the window's thread only reads the report); what arrived
reaches the open map through the document's precise refreshes (``arrivals``), so the
selection and the undo stack stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel

from contactmap_desktop.domain.errors import ContactMapError, TeamAccessError
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.services.team_service import TeamService, TeamStatus
from contactmap_desktop.ui.core.background_task import BackgroundTask, Report
from contactmap_desktop.ui.core.main_window import MainWindow, free_mnemonic
from contactmap_desktop.ui.core.window_actions import add_menu_entry
from contactmap_desktop.ui.team.arrivals import Arrivals

SYNC_EVERY_MS = 60_000
FIRST_SYNC_MS = 2_000


class TeamFeature:
    def __init__(self, window: MainWindow, team: TeamService) -> None:
        self._window = window
        document = window.document
        self.team = team
        self.task: BackgroundTask | None = None
        self.arrivals = Arrivals(document, window)
        window.closing.connect(self._stop)
        self.offline_reason = ""
        self.refused = False  # the server answered and turned this login away
        self.clock_note = ""  # this laptop's clock far off the server's, from the last sync
        self._counted: TeamStatus | None = None  # what waits, counted after the last sync
        self.indicator = QLabel()
        self.indicator.setObjectName("teamIndicator")
        window.statusBar().addPermanentWidget(self.indicator)
        team_menu = window.menu("&File").addMenu(free_mnemonic("Team", window.menu("&File")))
        # File ▸ Team sits above File's closing part, with the other file commands.
        window.menu("&File").removeAction(team_menu.menuAction())
        window.add_menu_action("&File", team_menu.menuAction())
        self.connect_action = team_menu.addAction("&Connect…")
        self.connect_action.triggered.connect(lambda _=False: self.ask_connect())
        self.sync_action = team_menu.addAction("&Sync Now")
        self.sync_action.setShortcut("Ctrl+Shift+Y")
        self.sync_action.triggered.connect(lambda _=False: self.sync_now())
        self.conflicts_action = team_menu.addAction("C&onflicts…")
        self.conflicts_action.triggered.connect(lambda _=False: self.show_conflicts())
        self.share_action = add_menu_entry(window, "&Account", "S&hare…", self.ask_share)
        self.timer = QTimer(window)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync_now)
        # Counting what waits to go up, after an edit, waits for edits to pause.
        document.undo_stack.indexChanged.connect(
            lambda _index: document.edit_pause.call_after(self.show_status))
        document.map_loaded.connect(self._update_enabled)
        self.connected = not document.read_only and self.team.is_connected()
        self._update_enabled()
        self.show_status()
        if self.connected:
            self.timer.start()
            # Bound to the window: a bare single shot that fired after the window was gone
            # started a sync on a deleted window.
            QTimer.singleShot(FIRST_SYNC_MS, window, self.sync_now)

    def _update_enabled(self) -> None:
        writable = not self._window.document.read_only
        self.connect_action.setEnabled(writable)
        for action in (self.sync_action, self.conflicts_action):
            action.setEnabled(writable and self.connected)
        self.share_action.setEnabled(writable and self.connected
                                     and self._window.document.account_id is not None)

    # --- the indicator ---------------------------------------------------------------------

    def show_status(self, status: TeamStatus | None = None) -> None:
        """``status``: counted already (by a sync's worker), else read here."""
        if not self.connected:
            self.indicator.hide()
            return
        if self.task is not None:
            # Not counted meanwhile: the sync may hold the workspace's write lock.
            self.indicator.setText("Team: syncing…")
            self.indicator.show()
            return
        try:
            status = status or self.team.status(ask_server=False)
        except ContactMapError as error:
            self.indicator.setText("Team: ?")
            self.indicator.setToolTip(str(error))
            return
        self.indicator.setText(indicator_text(status, self.offline_reason,
                                              syncing=self.task is not None,
                                              refused=self.refused))
        tip = "\n".join(status.lines())
        if self.offline_reason:
            tip = f"{self.offline_reason}\n{tip}"
        if self.clock_note:
            tip = f"{tip}\n{self.clock_note}"
        self.indicator.setToolTip(tip)
        self.indicator.show()

    # --- syncing ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a sync on a worker thread, unless one is running."""
        self._run(self.team.sync, self._offline, catch_refused=True)

    def _run(self, sync: Callable[[], SyncReport], failed: Callable[[str], None],
             catch_refused: bool = False) -> None:
        """``sync`` on a worker thread, and what then waits counted there too (read on the
        window's thread, it was one of its longest waits after a sync). ``catch_refused``:
        the server turning this login away shows as "refused" (else ``failed`` is told)."""
        if not self.connected or self.task is not None:
            return

        def job(_report: Report) -> tuple[SyncReport, TeamStatus] | TeamAccessError:
            try:
                return sync(), self.team.status(ask_server=False)
            except TeamAccessError as error:
                if not catch_refused:
                    raise
                return error

        self.task = BackgroundTask(job, self._window)
        self.task.succeeded.connect(self._synced)
        self.task.failed.connect(failed)
        self.task.finished.connect(self._task_done)
        self.task.start()
        self.show_status()

    def _stop(self) -> None:
        """The window closes: no sync starts, and one running ends before the window goes
        (a thread destroyed while it runs takes the app down)."""
        self.timer.stop()
        if self.task is not None:
            self.task.wait()
        self.arrivals.stop()

    def _task_done(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        status, self._counted = self._counted, None
        self.show_status(status)

    def _offline(self, message: str) -> None:
        self.offline_reason, self.refused = message, False

    def _refused(self, message: str) -> None:
        self.offline_reason, self.refused = message, True

    def _synced(self, result: tuple[SyncReport, TeamStatus] | TeamAccessError) -> None:
        if isinstance(result, TeamAccessError):
            self._refused(str(result))  # only a run that catches it gets one back
            return
        self.offline_reason, self.refused = "", False
        report, self._counted = result
        self.clock_note = report.clock_note
        self.arrivals.arrive(report.changes)

    # --- the dialogs (their module loads with the first one opened) ------------------------

    def ask_connect(self) -> None:
        from contactmap_desktop.ui.team.team_dialogs import ConnectDialog

        dialog = ConnectDialog(self.team.connect, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.connected = True
        self._update_enabled()
        self.timer.start()
        self.sync_now()

    def ask_share(self) -> None:
        from contactmap_desktop.ui.team.team_dialogs import ShareDialog

        contact_map = self._window.document.contact_map
        if contact_map is None:
            return
        dialog = ShareDialog(contact_map.account.name, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, logins = contact_map.account.name, dialog.chosen
        self._run(lambda: self.team.share(name, logins), self._window.report_error)

    def show_conflicts(self) -> None:
        from contactmap_desktop.ui.team.team_dialogs import ConflictsDialog

        try:
            lines = self.team.status(ask_server=False).conflicts
        except ContactMapError as error:
            self._window.report_error(str(error))
            return
        dialog = ConflictsDialog(lines, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.team.mark_conflicts_reviewed()
            self.show_status()


def indicator_text(status: TeamStatus, offline_reason: str, *, syncing: bool,
                   refused: bool = False) -> str:
    """Synced, n changes waiting, offline, refused, conflicts: one short word or two."""
    if syncing:
        return "Team: syncing…"
    if offline_reason:
        return "Team: refused" if refused else "Team: offline"
    if status.conflicts:
        return f"Team: {counted(len(status.conflicts), 'conflict')}"
    if status.to_send:
        return f"Team: {counted(status.to_send, 'change')} waiting"
    return "Team: synced"

