"""The Lifecycle tab driven like a user: a review with two next problems becomes an engagement
in one step, refused edits are explained in the dialog, and every edit undoes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementStatus,
    Verdict,
)
from contactmap_desktop.domain.metrics import Measurement, Metric
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.agenda_service import AccountOverview, Agenda, AgendaService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.lifecycle.agenda_view import AgendaView
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.form_widgets import FormDialog
from contactmap_desktop.ui.lifecycle.lifecycle_tab import LifecycleTab
from contactmap_desktop.ui.lifecycle.not_delivering_dialog import NotDeliveringDialog
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock

NOW = datetime(2026, 3, 10, 9, 0)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[SmallMap]:
    built = build_small_map(tmp_path / "w.cmap")
    yield built
    built.opened.close()


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()  # the commands go now, not whenever the garbage collector gets to them


@pytest.fixture
def tab(qtbot: QtBot, small: SmallMap, errors: list[str],
        undo_stack: QUndoStack) -> LifecycleTab:
    clock = FakeClock(NOW)
    workspace = small.opened.workspace
    context = LifecycleContext(LifecycleService(workspace, clock), AgendaService(workspace, clock),
                               small.opened.contact_maps,
                               # As in the window: each edit's change set reloads the tab.
                               EditRunner(undo_stack, errors.append, lambda _c: widget.reload()))
    context.lifecycle.save(Engagement(new_id(), small.account.id, "Route pilot",
                                      status=EngagementStatus.DELIVERED, value=50_000))
    widget = LifecycleTab(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.set_account(small.account.id)
    return widget


def click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(qtbot: QtBot, parent: object, name: str) -> None:
    button = parent.findChild(QPushButton, name)  # type: ignore[attr-defined]
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot: QtBot, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def pick(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, label)
    assert combo.currentText() == label


def test_a_review_with_two_next_problems_becomes_a_new_engagement(
    qtbot: QtBot, tab: LifecycleTab, errors: list[str]
) -> None:
    click_row(qtbot, tab.engagements.view, 0)
    panel = tab.engagement_panel
    click(qtbot, panel, "reviewsAdd")
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    pick(qtbot, dialog.stakeholder, "Uma User")  # type: ignore[attr-defined]
    pick(qtbot, dialog.verdict, "Partly")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.findChild(object, "nextProblem1"), "Night shift planning")
    qtbot.keyClicks(dialog.findChild(object, "nextProblem2"), "Carrier invoices by hand")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and errors == []
    reviews = panel.reviews.model
    assert reviews.rowCount() == 1
    assert [reviews.index(0, c).data() for c in (0, 2, 3, 4)] == [
        "Uma User", "Partly", "Night shift planning", "Carrier invoices by hand"]

    click_row(qtbot, panel.reviews.view, 0)
    click(qtbot, panel, "startFromProblem2")
    names = [s.engagement.name for s in tab.engagements.model.records()]
    assert names == ["Route pilot", "Carrier invoices by hand"]
    current = tab.engagements.current()
    assert current is not None and current.engagement.name == "Carrier invoices by hand"
    assert current.engagement.status is EngagementStatus.PROPOSED

    stack = tab.context.undo_stack
    stack.undo()
    assert [s.engagement.name for s in tab.engagements.model.records()] == ["Route pilot"]
    stack.redo()
    assert len(tab.engagements.model.records()) == 2
    stack.undo()
    stack.undo()  # the review too
    click_row(qtbot, tab.engagements.view, 0)
    assert panel.reviews.model.rowCount() == 0


def test_a_refused_edit_is_explained_in_the_dialog_which_stays_open(
    qtbot: QtBot, tab: LifecycleTab
) -> None:
    click_row(qtbot, tab.engagements.view, 0)
    panel = tab.engagement_panel
    click(qtbot, panel, "criteriaAdd")
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.findChild(object, "criterionText"), "Empty miles down 10%")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "at least one stakeholder" in dialog.error.text()
    stakeholders, _team = tab.context.people()
    dialog.agreed_by.set_checked(next(iter(stakeholders)))  # type: ignore[attr-defined]
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert panel.criteria.model.index(0, 1).data() == "Ada Power"


def test_a_new_engagement_through_the_dialog_is_selected_and_undoable(
    qtbot: QtBot, tab: LifecycleTab
) -> None:
    click(qtbot, tab, "engagementsAdd")
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.findChild(object, "engagementName"), "Three-year contract")
    pick(qtbot, dialog.kind, "Contract")  # type: ignore[attr-defined]
    press_ok(qtbot, dialog)
    current = tab.engagements.current()
    assert current is not None and current.engagement.name == "Three-year contract"
    tab.context.undo_stack.undo()
    assert [s.engagement.name for s in tab.engagements.model.records()] == ["Route pilot"]


def _not_delivering(tab: LifecycleTab) -> None:
    """An active engagement whose latest measured value misses its target."""
    engagement = tab.context.lifecycle.save(Engagement(
        new_id(), tab.context.account_id or "", "Depot rollout",
        status=EngagementStatus.ACTIVE)).value
    tab.context.lifecycle.save(Metric(new_id(), engagement.id, "On-time", 95.0, "%",
                                      measurements=(Measurement(NOW.date(), 80.0),)))
    tab.reload()


@pytest.mark.parametrize(("go_on", "opened"), [(False, False), (True, True)])
def test_a_new_engagement_while_not_delivering_is_questioned_first(
    qtbot: QtBot, tab: LifecycleTab, monkeypatch: pytest.MonkeyPatch, go_on: bool,
    opened: bool
) -> None:
    asked: list[list[str]] = []

    def ask(behind: list[Engagement], parent: object) -> bool:
        asked.append([engagement.name for engagement in behind])
        return go_on

    monkeypatch.setattr(NotDeliveringDialog, "ask", ask)
    click(qtbot, tab, "engagementsAdd")
    assert asked == [] and tab.dialog is not None  # delivering: no question
    tab.dialog.reject()
    tab.dialog = None
    _not_delivering(tab)
    click(qtbot, tab, "engagementsAdd")
    assert asked == [["Depot rollout"]]
    assert (tab.dialog is not None) is opened


def test_a_next_problem_while_not_delivering_is_questioned_too(
    qtbot: QtBot, tab: LifecycleTab, small: SmallMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    delivered = tab.engagements.model.records()[0].engagement
    tab.context.lifecycle.save(DeliveryReview(
        new_id(), delivered.id, small.stakeholders[0].id, NOW.date(), Verdict.PARTLY,
        next_problems=("Night shift planning", "")))
    _not_delivering(tab)
    answers = [False, True]
    monkeypatch.setattr(NotDeliveringDialog, "ask", lambda *_args: answers.pop(0))
    tab.show_engagement(delivered.id)
    click_row(qtbot, tab.engagement_panel.reviews.view, 0)
    click(qtbot, tab.engagement_panel, "startFromProblem1")  # cancelled
    assert len(tab.engagements.model.records()) == 2
    click(qtbot, tab.engagement_panel, "startFromProblem1")  # started anyway
    names = {s.engagement.name for s in tab.engagements.model.records()}
    assert "Night shift planning" in names and answers == []


@pytest.mark.parametrize(("button", "go_on"), [("start_button", True), ("cancel", False)])
def test_the_not_delivering_question_says_why_and_cancel_is_the_default(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, button: str, go_on: bool
) -> None:
    behind = [Engagement("e", "a", "Depot <b>rollout</b>", status=EngagementStatus.ACTIVE)]
    shown: list[NotDeliveringDialog] = []

    def exec_(dialog: NotDeliveringDialog) -> int:
        shown.append(dialog)
        assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)
        chosen = dialog.start_button if button == "start_button" else \
            dialog.button(QMessageBox.StandardButton.Cancel)
        chosen.click()
        return 0

    monkeypatch.setattr(NotDeliveringDialog, "exec", exec_)
    assert NotDeliveringDialog.ask(behind) is go_on
    dialog = shown[0]
    assert dialog.text() == "“Depot <b>rollout</b>” misses its metrics: this account is not " \
        "delivering yet."
    assert dialog.textFormat() is Qt.TextFormat.PlainText
    assert "before we have earned it" in dialog.informativeText()
    dialog.deleteLater()


def test_a_churned_stage_needs_a_reason_and_undo_restores_the_stage(
    qtbot: QtBot, tab: LifecycleTab, small: SmallMap
) -> None:
    tab.pages.setCurrentIndex(1)
    click(qtbot, tab, "recordStage")
    dialog = tab.account_panel.dialog
    assert dialog is not None
    pick(qtbot, dialog.stage, "Churned")  # type: ignore[attr-defined]
    press_ok(qtbot, dialog)
    assert "Say why the account churned" in dialog.error.text()
    qtbot.keyClicks(dialog.findChild(object, "stageNote"), "Budget moved to in-house tool")
    press_ok(qtbot, dialog)
    assert small.opened.accounts.get(small.account.id).stage is AccountStage.CHURNED
    assert "Churned:" in tab.summary.text() and "in-house tool" in tab.summary.text()
    tab.context.undo_stack.undo()
    assert small.opened.accounts.get(small.account.id).stage is AccountStage.PROSPECT


def test_recording_a_value_updates_the_chart_and_flags_a_miss(
    qtbot: QtBot, tab: LifecycleTab
) -> None:
    engagement = tab.engagements.model.records()[0].engagement
    tab.context.lifecycle.save(Metric(new_id(), engagement.id, "On-time", 95.0, "%"))
    tab.reload()
    click_row(qtbot, tab.engagements.view, 0)
    panel = tab.engagement_panel
    panel.setCurrentIndex(2)
    click_row(qtbot, panel.metrics.view, 0)
    click(qtbot, panel, "recordValue")
    dialog = panel.dialog
    assert dialog is not None
    value = dialog.findChild(object, "measuredValue")
    value.selectAll()
    qtbot.keyClicks(value, "91.5")
    press_ok(qtbot, dialog)
    metric = panel.chart.shown_metric()
    assert metric is not None and metric.off_target
    assert "off target" in panel.chart.toolTip()
    assert tab.engagements.model.index(0, 1).data() == "1 off target"
    panel.chart.grab()  # paints without error


def test_the_agenda_lists_an_overdue_review_and_renewal_and_opens_them(
    qtbot: QtBot, small: SmallMap
) -> None:
    accounts = small.opened.accounts
    accounts.update_account(replace(accounts.get(small.account.id), annual_value=500_000,
                                    renewal_date=NOW.date() + timedelta(days=20)))
    clock = FakeClock(NOW)
    LifecycleService(small.opened.workspace, clock).save(ReviewMeeting(
        new_id(), small.account.id, NOW.date() - timedelta(days=120),
        (small.team_members[0].id,), (small.stakeholders[0].id,)))
    view = AgendaView(AgendaService(small.opened.workspace, clock))
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    view.refresh()
    rows = [[view.model.index(r, c).data() for c in range(4)]
            for r in range(view.model.rowCount())]
    assert rows[0][:3] == ["2026-02-09 (overdue)", "Acme Corp", "Review meeting"]
    assert "executives join in rotation" in rows[0][3]
    # Article 003: at $500k "add in key executives from the company, in rotation" — the
    # last review had none of ours.
    assert rows[1][:3] == ["2026-03-10", "Acme Corp", "Executives at reviews"]
    assert rows[2][:3] == ["2026-03-30", "Acme Corp", "Renewal"]
    assert "1 overdue" in view.heading.text()
    opened: list[object] = []
    view.open_requested.connect(opened.append)
    rect = view.view.visualRect(view.model.index(2, 0))
    # A double-click is a press and release, then a second press reported as double.
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [item.kind.value for item in opened] == ["renewal"]  # type: ignore[attr-defined]
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert len(opened) == 2


def test_a_hidden_agenda_is_read_when_it_is_next_shown(qtbot: QtBot, small: SmallMap) -> None:
    """Edits all over the window ask for the agenda; out of sight it waits until shown."""
    reads: list[int] = []

    class CountingAgenda(AgendaService):
        def agenda(self) -> Agenda:
            reads.append(1)
            return super().agenda()

    view = AgendaView(CountingAgenda(small.opened.workspace, FakeClock(NOW)))
    qtbot.addWidget(view)
    view.refresh()
    view.refresh()
    assert reads == []

    view.show()
    assert reads == [1] and "Agenda" in view.heading.text()
    view.refresh()
    assert reads == [1, 1]


def test_a_hidden_lifecycle_tab_reads_its_account_when_it_is_shown(
        qtbot: QtBot, small: SmallMap, errors: list[str], undo_stack: QUndoStack) -> None:
    """Opening accounts with the tab out of sight reads nothing for it."""
    overviews: list[str] = []

    class CountingAgenda(AgendaService):
        def overview(self, account_id: str) -> AccountOverview:
            overviews.append(account_id)
            return super().overview(account_id)

    workspace = small.opened.workspace
    context = LifecycleContext(LifecycleService(workspace, FakeClock(NOW)),
                               CountingAgenda(workspace, FakeClock(NOW)),
                               small.opened.contact_maps,
                               EditRunner(undo_stack, errors.append, lambda _c: widget.reload()))
    widget = LifecycleTab(context)
    qtbot.addWidget(widget)
    widget.set_account(small.account.id)
    widget.set_account(small.account.id)
    assert overviews == []

    widget.show()

    assert overviews == [small.account.id]
    assert widget.isEnabled()


def test_commitments_are_logged_for_the_client_or_for_us_and_edited_in_place(
    qtbot: QtBot, tab: LifecycleTab, errors: list[str]
) -> None:
    click_row(qtbot, tab.engagements.view, 0)
    panel = tab.engagement_panel
    panel.setCurrentIndex(1)
    click(qtbot, panel, "stepsAdd")
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.team_member.isEnabled()  # type: ignore[attr-defined]
    pick(qtbot, dialog.stakeholder, "Uma User")  # type: ignore[attr-defined]
    pick(qtbot, dialog.kind, "Data")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.findChild(object, "stepWhat"), "Six months of route logs")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and errors == []

    click(qtbot, panel, "stepsAdd")
    ours = panel.dialog
    assert ours is not None
    pick(qtbot, ours.findChild(QComboBox, "stepSide"), "Us")
    assert ours.team_member.isEnabled()  # type: ignore[attr-defined]
    assert not ours.stakeholder.isEnabled() and not ours.kind.isEnabled()  # type: ignore[attr-defined]
    pick(qtbot, ours.team_member, "Eng Two")  # type: ignore[attr-defined]
    qtbot.keyClicks(ours.findChild(object, "stepWhat"), "Savings estimate")
    press_ok(qtbot, ours)

    steps = panel.steps.model
    rows = {steps.index(r, 4).data(): [steps.index(r, c).data() for c in (1, 2, 3, 5)]
            for r in range(steps.rowCount())}
    assert rows == {"Six months of route logs": ["Client", "Uma User", "Data", "Open"],
                    "Savings estimate": ["Us", "Eng Two", "", "Open"]}

    row = next(r for r in range(steps.rowCount())
               if steps.index(r, 4).data() == "Six months of route logs")
    click_row(qtbot, panel.steps.view, row)
    click(qtbot, panel, "stepsEdit")
    edit = panel.dialog
    assert edit is not None and edit.findChild(object, "stepWhat").text() == \
        "Six months of route logs"
    pick(qtbot, edit.status, "Not fulfilled")  # type: ignore[attr-defined]
    press_ok(qtbot, edit)
    statuses = {steps.index(r, 4).data(): steps.index(r, 5).data()
                for r in range(steps.rowCount())}
    assert statuses["Six months of route logs"] == "Not fulfilled"
    tab.context.undo_stack.undo()
    click_row(qtbot, tab.engagements.view, 0)
    statuses = {steps.index(r, 4).data(): steps.index(r, 5).data()
                for r in range(steps.rowCount())}
    assert statuses["Six months of route logs"] == "Open"


def test_a_metric_is_defined_then_its_target_changed_through_its_dialog(
    qtbot: QtBot, tab: LifecycleTab, errors: list[str]
) -> None:
    click_row(qtbot, tab.engagements.view, 0)
    panel = tab.engagement_panel
    panel.setCurrentIndex(2)
    click(qtbot, panel, "metricsAdd")
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.findChild(object, "metricName"), "Empty miles")
    pick(qtbot, dialog.direction, "Target is at most")  # type: ignore[attr-defined]
    target = dialog.findChild(object, "metricTarget")
    target.selectAll()
    qtbot.keyClicks(target, "12")
    qtbot.keyClicks(dialog.unit, "%")  # type: ignore[attr-defined]
    press_ok(qtbot, dialog)
    assert errors == []
    metrics = panel.metrics.model
    assert [metrics.index(0, c).data() for c in range(3)] == [
        "Empty miles", "at most 12 %", "not measured yet"]

    click_row(qtbot, panel.metrics.view, 0)
    click(qtbot, panel, "metricsEdit")
    edit = panel.dialog
    assert edit is not None and edit.findChild(object, "metricName").text() == "Empty miles"
    target = edit.findChild(object, "metricTarget")
    target.selectAll()
    qtbot.keyClicks(target, "10")
    press_ok(qtbot, edit)
    assert metrics.index(0, 1).data() == "at most 10 %"
    tab.context.undo_stack.undo()
    click_row(qtbot, tab.engagements.view, 0)
    assert panel.metrics.model.index(0, 1).data() == "at most 12 %"
