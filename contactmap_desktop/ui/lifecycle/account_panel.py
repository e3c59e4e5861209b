"""The account page of the Lifecycle tab: stage history, review meetings with the cadence, and
the competitors seen at the account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.engagements import StageChange
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.agenda_service import AccountOverview
from contactmap_desktop.ui.lifecycle import columns
from contactmap_desktop.ui.lifecycle.account_dialogs import (
    CompetitorDialog,
    MeetingDialog,
    StageDialog,
)
from contactmap_desktop.ui.lifecycle.commands import DeleteCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.form_widgets import FormDialog
from contactmap_desktop.ui.lifecycle.list_section import ListSection
from contactmap_desktop.ui.lifecycle.record_model import RecordModel


def _key(value: StageChange | ReviewMeeting | Competitor) -> str:
    return value.id


class AccountPanel(QSplitter):
    def __init__(self, context: LifecycleContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("accountLifecyclePanel")
        self._context = context
        self.people: dict[str, str] = {}
        self.team: dict[str, str] = {}
        self.metric_names: dict[str, str] = {}
        self.account_id: str | None = None
        self.stage = AccountStage.PROSPECT
        self.dialog: FormDialog | None = None

        self.meetings = ListSection("Review meetings", RecordModel(
            columns.meeting_columns(self.people, self.team), _key), "meetings")
        self.meetings.set_standard_actions(
            lambda: self._open(MeetingDialog(context, self._account(), self.metric_names,
                                             None, self)),
            lambda m: self._open(MeetingDialog(context, m.account_id, self.metric_names, m,
                                               self)),
            lambda m: self._delete(ReviewMeeting, m.id, "Delete review meeting"))
        self.competitors = ListSection("Competitors seen at the account", RecordModel(
            columns.competitor_columns(), _key), "competitors")
        self.competitors.set_standard_actions(
            lambda: self._open(CompetitorDialog(context, self._account(), None, self)),
            lambda c: self._open(CompetitorDialog(context, c.account_id, c, self)),
            lambda c: self._delete(Competitor, c.id, f"Delete competitor {c.name}"))
        self.stages = ListSection("Stage history", RecordModel(columns.stage_columns(), _key),
                                  "stages")
        self.stages.add_button("Record stage…", lambda: self._open(
            StageDialog(context, self._account(), self.stage, self)), name="recordStage")
        self.stages.add_record_button("Delete", lambda c: self._delete(
            StageChange, c.id, "Delete stage"), name="deleteStage")
        for section in (self.meetings, self.competitors, self.stages):
            self.addWidget(section)

    def show_overview(self, overview: AccountOverview, people: dict[str, str],
                      team: dict[str, str], metric_names: dict[str, str]) -> None:
        self.account_id = overview.account.id
        self.stage = overview.account.stage
        for holder, values in ((self.people, people), (self.team, team),
                               (self.metric_names, metric_names)):
            holder.clear()
            holder.update(values)
        for section, records in ((self.meetings, overview.meetings[::-1]),
                                 (self.competitors, overview.competitors),
                                 (self.stages, overview.stage_history[::-1])):
            section.set_records(records)

    def _account(self) -> str:
        assert self.account_id is not None
        return self.account_id

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _delete(self, kind: type, value_id: str, text: str) -> None:
        self._context.run(DeleteCommand(self._context, text, kind, value_id))
