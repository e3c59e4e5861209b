"""The Lifecycle tab: where the current account's engagements stand and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from contactmap_desktop.domain.engagements import Engagement
from contactmap_desktop.services.agenda_service import EngagementState
from contactmap_desktop.ui.core.when_shown import WhenShown
from contactmap_desktop.ui.lifecycle import columns
from contactmap_desktop.ui.lifecycle.account_panel import AccountPanel
from contactmap_desktop.ui.lifecycle.commands import DeleteCommand, SaveCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.engagement_dialogs import EngagementDialog
from contactmap_desktop.ui.lifecycle.engagement_panel import EngagementPanel
from contactmap_desktop.ui.lifecycle.form_widgets import FormDialog
from contactmap_desktop.ui.lifecycle.list_section import ListSection
from contactmap_desktop.ui.lifecycle.not_delivering_dialog import may_start_engagement
from contactmap_desktop.ui.lifecycle.record_model import RecordModel
from contactmap_desktop.ui.lifecycle.summary import overview_html


def _key(state: EngagementState) -> str:
    return state.engagement.id


class LifecycleTab(QWidget):
    def __init__(self, context: LifecycleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Accounts are opened and people edited with the tab out of sight: it reads the
        # account's lifecycle while it is on screen, or when next shown.
        self._read_when_shown = WhenShown(self, self._read)
        self.setObjectName("lifecycleTab")
        self.context = context
        self.dialog: FormDialog | None = None
        self._people: dict[str, str] = {}
        self._team: dict[str, str] = {}
        self._currency = ""  # the account's, for the engagements' values
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("lifecycleSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.pages = QTabWidget()
        layout.addWidget(self.pages, 1)

        self.engagements = ListSection("Engagements", RecordModel(
            columns.engagement_columns(lambda: self._currency), _key), "engagements")
        self.engagements.set_standard_actions(
            self._new_engagement,
            lambda s: self._open(EngagementDialog(context, s.engagement.account_id,
                                                  s.engagement, self)),
            self._delete_engagement)
        self.engagement_panel = EngagementPanel(context)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.engagements)
        split.addWidget(self.engagement_panel)
        split.setSizes([220, 320])
        self.pages.addTab(split, "Engagements")
        self.account_panel = AccountPanel(context)
        self.pages.addTab(self.account_panel, "Reviews, stages && competitors")

        self.engagements.selection_changed.connect(self._show_engagement_parts)
        context.engagement_started.connect(self.show_engagement)

    def set_account(self, account_id: str | None) -> None:
        self.context.account_id = account_id
        self.engagements.view.clearSelection()
        self.reload()

    def reload(self) -> None:
        """Read the account's lifecycle again: now if the tab is on screen, else when it is
        next shown."""
        self._read_when_shown.request()

    def _read(self) -> None:
        account_id = self.context.account_id
        self.setEnabled(account_id is not None)
        if account_id is None:
            self.summary.setText("Choose an account.")
            self.engagements.set_records([])
            return
        overview = self.context.agenda.overview(account_id)
        self._currency = overview.account.currency
        self.engagements.set_records(overview.engagements)
        self.summary.setText(overview_html(overview))
        self._people, self._team = self.context.people()
        self.account_panel.show_overview(overview, self._people, self._team,
                                         self._metric_names())
        self._show_engagement_parts()

    def show_engagement(self, engagement_id: str) -> None:
        """Bring an engagement forward (from the agenda, or one just started)."""
        self.pages.setCurrentIndex(0)
        self.engagements.select_id(engagement_id)

    def _show_engagement_parts(self) -> None:
        if self.context.account_id is None:
            return
        # The overview read just now holds the engagement's log and metrics.
        self.engagement_panel.set_engagement(self.engagements.current(), self._people,
                                             self._team)

    def _metric_names(self) -> dict[str, str]:
        return {metric.id: f"{metric.name} ({state.engagement.name})"
                for state in self.engagements.model.records() for metric in state.metrics}

    def _delete_engagement(self, state: EngagementState) -> None:
        engagement = state.engagement
        self.context.run(DeleteCommand(self.context, f"Delete engagement {engagement.name}",
                                       Engagement, engagement.id))

    def _new_engagement(self) -> None:
        account_id = self.context.account_id
        assert account_id is not None
        if may_start_engagement(self.context, self):
            self._open(EngagementDialog(self.context, account_id, None, self))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        dialog.open()

    def _after_dialog(self, dialog: FormDialog) -> None:
        saved = dialog.command.saved if isinstance(dialog.command, SaveCommand) else None
        if isinstance(saved, Engagement):
            self.show_engagement(saved.id)
