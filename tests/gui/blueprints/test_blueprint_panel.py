"""The Blueprint panel driven like a user: create, edit every kind of field, undo, redo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.blueprints import BlueprintStatus, Strategy
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.blueprints.blueprint_panel import NOTHING, OFFER, PLAN, BlueprintPanel
from tests.gui.blueprints.conftest import Desk, click_box


def _panel(qtbot: QtBot, desk: Desk) -> BlueprintPanel:
    panel = BlueprintPanel(desk.service, desk.runner, desk.reference)
    desk.on_changes.append(lambda _changes: panel.refresh())
    qtbot.addWidget(panel)
    panel.resize(420, 760)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # focus moves only inside the active window
    return panel


def test_a_cell_without_a_blueprint_offers_one_prefilled(qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    assert panel.pages.currentIndex() == NOTHING
    panel.show_cell(desk.contact_map(), desk.small.cell(0, 0))
    assert panel.pages.currentIndex() == OFFER
    assert "Ada Power" in panel.heading.text() and "Satisfied" in panel.heading.text()
    assert "Open" in panel.offer.text()
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentIndex() == PLAN
    blueprint = desk.service.for_cell(desk.small.cell(0, 0))
    assert blueprint is not None and blueprint.goal is Grade.OPEN
    assert blueprint.owner_id == desk.small.team_members[0].id
    assert panel.form.goal.currentData() is Grade.OPEN
    assert not panel.form.warning.isVisible()
    desk.stack.undo()
    assert panel.pages.currentIndex() == OFFER
    assert desk.service.for_cell(desk.small.cell(0, 0)) is None
    desk.stack.redo()
    assert panel.pages.currentIndex() == PLAN


def test_fields_are_saved_as_the_user_edits_each_one_an_undo_step(
        qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    cell = desk.small.cell(0, 0)
    panel.show_cell(desk.contact_map(), cell)
    panel.create_blueprint()
    form = panel.form
    form.tactics.setFocus()
    qtbot.keyClicks(form.tactics, "Share the benchmark & <roadmap>")
    form.messages.setFocus()  # leaving the field saves it
    assert desk.service.for_cell(cell).tactics == "Share the benchmark & <roadmap>"  # type: ignore[union-attr]
    click_box(qtbot, form.strategies[Strategy.LIKING])
    form.status.setCurrentIndex(form.status.findData(BlueprintStatus.IN_PROGRESS))
    form.status.activated.emit(form.status.currentIndex())
    form.owner.setCurrentIndex(form.owner.findText("Eng Two"))
    form.owner.activated.emit(form.owner.currentIndex())
    click_box(qtbot, form.has_due)
    form.due.setFocus()
    form.due.selectAll()
    qtbot.keyClicks(form.due, "30 Apr 2026")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    saved = desk.service.for_cell(cell)
    assert saved is not None
    assert saved.strategies == (Strategy.LIKING,)
    assert saved.status is BlueprintStatus.IN_PROGRESS
    assert saved.owner_id == desk.small.team_members[1].id
    assert saved.due == date(2026, 4, 30)
    texts = [desk.stack.text(i) for i in range(desk.stack.count())]
    assert texts[:4] == ["Create blueprint for Ada Power", "Edit tactics",
                         "Add strategy “Love me, love my dog”", "Edit status"]
    while desk.stack.canUndo():
        desk.stack.undo()
    assert desk.service.for_cell(cell) is None
    while desk.stack.canRedo():
        desk.stack.redo()
    assert desk.service.for_cell(cell) == saved
    assert form.tactics.toPlainText() == "Share the benchmark & <roadmap>"


def test_a_goal_two_levels_up_warns_and_a_goal_below_is_refused(
        qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    cell = desk.small.cell(0, 0)
    panel.show_cell(desk.contact_map(), cell)
    panel.create_blueprint()
    form = panel.form
    form.goal.setCurrentIndex(form.goal.findData(Grade.TRUST))
    form.goal.activated.emit(form.goal.currentIndex())
    assert form.warning.isVisible() and "one level at a time" in form.warning.text()
    assert desk.service.for_cell(cell).goal is Grade.TRUST  # type: ignore[union-attr]
    below = form.goal.findData(Grade.INDIFFERENT)
    assert not form._goal_items.item(below).isEnabled()  # not offered in the list
    form.goal.setCurrentIndex(below)  # and refused should it get there anyway
    form.goal.activated.emit(form.goal.currentIndex())
    assert desk.reported and "below the current grade" in desk.reported[-1]
    assert form.goal.currentData() is Grade.TRUST  # the refused value is put back


def test_a_past_due_date_is_refused_with_the_date_named(qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    panel.show_cell(desk.contact_map(), desk.small.cell(0, 0))
    panel.create_blueprint()
    form = panel.form
    form.due.setDate(date(2026, 1, 2))
    click_box(qtbot, form.has_due)
    assert "2026-01-02 is already past" in desk.reported[-1]
    assert not form.has_due.isChecked()


def test_delete_and_undo_bring_the_plan_back(qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    cell = desk.small.cell(0, 0)
    panel.show_cell(desk.contact_map(), cell)
    panel.create_blueprint()
    panel.add_strategy(Strategy.AUTHORITY)
    before = desk.service.for_cell(cell)
    qtbot.mouseClick(panel.form.delete, Qt.MouseButton.LeftButton)
    assert panel.pages.currentIndex() == OFFER and desk.service.for_cell(cell) is None
    desk.stack.undo()
    assert desk.service.for_cell(cell) == before
    assert panel.form.strategies[Strategy.AUTHORITY].isChecked()


def test_a_second_relationship_can_join_the_plan(qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    panel.show_cell(desk.contact_map(), desk.small.cell(0, 0))
    panel.create_blueprint()
    other = panel.form._cell_boxes[desk.small.cell(1, 0)]
    qtbot.waitUntil(other.isVisible)
    click_box(qtbot, other)
    blueprint = desk.service.for_cell(desk.small.cell(1, 0))
    assert blueprint is not None and blueprint.cells == (desk.small.cell(0, 0),
                                                         desk.small.cell(1, 0))


def test_a_plan_dropped_with_its_reason_offers_the_next_step(qtbot: QtBot, desk: Desk) -> None:
    """Article 004: "You can generally only move a client up one level at a time" — a
    relationship gets a plan per step; a plan closed short of its goal says why."""
    panel = _panel(qtbot, desk)
    cell = desk.small.cell(0, 0)
    panel.show_cell(desk.contact_map(), cell)
    panel.create_blueprint()
    form = panel.form
    assert not panel.next_button.isVisible()
    form.ask_reason = lambda: None  # the user cancels: the plan stays open
    form.status.setCurrentIndex(form.status.findData(BlueprintStatus.DROPPED))
    form.status.activated.emit(form.status.currentIndex())
    assert desk.service.for_cell(cell).status is BlueprintStatus.PLANNED  # type: ignore[union-attr]
    assert form.status.currentData() is BlueprintStatus.PLANNED
    form.ask_reason = lambda: "Champion left the company"
    form.status.setCurrentIndex(form.status.findData(BlueprintStatus.DROPPED))
    form.status.activated.emit(form.status.currentIndex())
    dropped = desk.service.for_cell(cell)
    assert dropped is not None and dropped.closed_reason == "Champion left the company"
    assert panel.next_button.isVisible() and "closed" in panel.history.text()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    second = desk.service.for_cell(cell)
    assert second is not None and second.id != dropped.id and second.status.is_open
    assert "Dropped: Champion left the company" in panel.history.text()
    assert not panel.next_button.isVisible()


def test_done_is_refused_while_the_grade_is_below_the_goal(qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    panel.show_cell(desk.contact_map(), desk.small.cell(0, 0))  # Satisfied; goal Open
    panel.create_blueprint()
    click_box(qtbot, panel.form.strategies[Strategy.LIKING])
    form = panel.form
    form.status.setCurrentIndex(form.status.findData(BlueprintStatus.DONE))
    form.status.activated.emit(form.status.currentIndex())
    assert desk.reported and "Done only when its goal is reached" in desk.reported[-1]
    assert form.status.currentData() is BlueprintStatus.PLANNED


def test_a_due_date_typed_by_hand_is_read_once_and_a_past_one_explained_in_place(
        qtbot: QtBot, desk: Desk) -> None:
    panel = _panel(qtbot, desk)
    cell = desk.small.cell(0, 0)
    panel.show_cell(desk.contact_map(), cell)
    panel.create_blueprint()
    form = panel.form
    click_box(qtbot, form.has_due)  # today, by the service's clock: 2026-03-02
    form.due.setFocus()
    form.due.selectAll()
    qtbot.keyClicks(form.due, "11 Jan 2027")  # no past date on the way there
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    assert desk.service.for_cell(cell).due == date(2027, 1, 11)  # type: ignore[union-attr]
    assert desk.reported == []
    form.due.selectAll()
    qtbot.keyClicks(form.due, "1 Mar 2026")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    assert "already past" in form.due.problem
    assert desk.reported == []  # said beside the field, no dialog
    assert desk.service.for_cell(cell).due == date(2027, 1, 11)  # type: ignore[union-attr]
