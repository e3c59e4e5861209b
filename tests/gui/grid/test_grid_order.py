"""Reordering people by dragging their headers, sorting stakeholders, department groups and
column widths: saved, undoable, and there again after reopening."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.domain.map_order import StakeholderOrder
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from tests.helpers.builders import SmallMap


def _drag(qtbot: QtBot, header: QHeaderView, source: int, target: int) -> None:
    """Press on one section, move in steps past another, release: as a hand does."""
    horizontal = header.orientation() == Qt.Orientation.Horizontal

    def at(section: int, fraction: float) -> QPoint:
        along = header.sectionViewportPosition(section) + int(header.sectionSize(section)
                                                               * fraction)
        return QPoint(along, header.height() // 2) if horizontal \
            else QPoint(header.width() // 2, along)

    # Let go well past the middle of the target, on the far side of it.
    start, end = at(source, 0.5), at(target, 0.2 if target < source else 0.8)
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):  # QTest's own moves carry no button: send them as a hand would
        point = QPointF(start + (end - start) * step / 10)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, point, viewport.mapToGlobal(point), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def _stored_order(path: Path, account_id: str) -> tuple[list[str], list[str]]:
    opened = open_workspace(path, read_only=True)
    try:
        contact_map = opened.contact_maps.load_map(account_id)
    finally:
        opened.close()
    return [s.name for s in contact_map.stakeholders], [m.name for m in contact_map.team_members]


def _names(window: MainWindow, orientation: Qt.Orientation) -> list[str]:
    model = window.map_page.model
    count = model.columnCount() if orientation == Qt.Orientation.Horizontal else model.rowCount()
    return [str(model.headerData(i, orientation)) for i in range(count)]


def test_dragged_columns_and_rows_are_saved_undoable_and_reopened(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, ui_settings: UiSettings) -> None:
    window.resize(1280, 800)  # room for every column (a window fits the 800 px test screen)
    grid = window.map_page.grid
    path, account_id = small_map.opened.path, small_map.account.id
    _drag(qtbot, grid.horizontalHeader(), 2, 0)  # Abe Advisor to the front
    qtbot.waitUntil(lambda: _names(window, Qt.Orientation.Horizontal)[0] == "Abe Advisor")
    assert _names(window, Qt.Orientation.Horizontal) == ["Abe Advisor", "Ada Power", "Uma User"]
    header = grid.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(3)] == [0, 1, 2]  # the model holds the order
    _drag(qtbot, grid.verticalHeader(), 1, 0)
    qtbot.waitUntil(lambda: _names(window, Qt.Orientation.Vertical)[0] == "Eng Two")
    assert window.document.undo_stack.undoText() == "Reorder team members"
    assert _stored_order(path, account_id) == (
        ["Abe Advisor", "Ada Power", "Uma User"], ["Eng Two", "Rep One"])
    window.document.undo_stack.undo()
    assert _names(window, Qt.Orientation.Vertical) == ["Rep One", "Eng Two"]
    window.document.undo_stack.redo()
    window.close()
    small_map.opened.close()
    reopened = open_workspace(path)
    again = build_window(reopened, ui_settings)
    qtbot.addWidget(again)
    try:
        assert _names(again, Qt.Orientation.Horizontal) == ["Abe Advisor", "Ada Power", "Uma User"]
        assert _names(again, Qt.Orientation.Vertical) == ["Eng Two", "Rep One"]
    finally:
        again.close()
        reopened.close()


def test_sort_menu_orders_the_columns_in_one_undo_step(window: MainWindow,
                                                       small_map: SmallMap) -> None:
    account = window.menu("&Account")
    sort_menu = next(a.menu() for a in account.actions() if a.text() == "S&ort Stakeholders")
    by_name = next(a for a in sort_menu.actions() if a.text() == "by &Name")
    by_name.trigger()
    assert _names(window, Qt.Orientation.Horizontal) == ["Abe Advisor", "Ada Power", "Uma User"]
    assert window.document.undo_stack.undoText() == "Sort stakeholders by name"
    window.map_page.sort_stakeholders(StakeholderOrder.SENIORITY)
    assert _names(window, Qt.Orientation.Horizontal) == ["Ada Power", "Abe Advisor", "Uma User"]
    count = window.document.undo_stack.count()
    window.map_page.sort_stakeholders(StakeholderOrder.SENIORITY)  # already so: no step
    assert window.document.undo_stack.count() == count


def test_group_by_department_sorts_and_draws_a_line_between_departments(
        window: MainWindow, small_map: SmallMap, ui_settings: UiSettings) -> None:
    service = small_map.opened.contact_maps
    departments = ["Board", "Plant", "Board"]
    for stakeholder, department in zip(small_map.stakeholders, departments, strict=True):
        window.document.apply(
            service.update_stakeholder(replace(stakeholder, department=department)).changes)
    group = next(a for a in window.menu("&Account").actions()
                 if a.text() == "&Group by Department")
    group.trigger()
    assert _names(window, Qt.Orientation.Horizontal) == ["Ada Power", "Abe Advisor", "Uma User"]
    assert window.map_page.grid.group_starts == frozenset({2})  # before Plant
    assert ui_settings.group_by_department()
    window.map_page.find_bar.text.setText("ad")  # Ada, Abe: one department left
    assert window.map_page.grid.group_starts == frozenset()
    window.map_page.find_bar.clear()
    group.trigger()
    assert window.map_page.grid.group_starts == frozenset()
    assert not ui_settings.group_by_department()


def test_column_widths_come_back_after_a_restart(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, ui_settings: UiSettings) -> None:
    header = window.map_page.grid.horizontalHeader()
    header.resizeSection(1, 230)
    window.document.open_account(small_map.account.id)  # a reset keeps the width
    assert header.sectionSize(1) == 230
    window.close()
    again = build_window(small_map.opened, ui_settings)
    qtbot.addWidget(again)
    assert again.map_page.grid.horizontalHeader().sectionSize(1) == 230
    assert again.map_page.grid.horizontalHeader().sectionSize(0) == 132
    again.close()
