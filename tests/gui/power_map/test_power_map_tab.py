"""The Power Map tab driven like a user: select, drag to reparent (with undo), double-click,
zoom, fit, export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.grid.commands import EditStakeholderCommand
from contactmap_desktop.ui.power_map.card_item import DropState
from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab
from tests.helpers.pdf_checks import needs_poppler, pdf_text
from tests.helpers.sample_workspace import sample_copy


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenWorkspace]:
    workspace = open_workspace(sample_copy(tmp_path / "sample.cmap"),
                               backups_root=tmp_path / "backups")
    yield workspace
    workspace.close()


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def document(opened: OpenWorkspace, errors: list[str]) -> MapDocument:
    return MapDocument(opened, errors.append)


@pytest.fixture
def tab(qtbot: QtBot, document: MapDocument, errors: list[str]) -> PowerMapTab:
    widget = PowerMapTab(document, errors.append)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    document.open_account(document.opened.accounts.list_accounts()[0].id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _person(tab: PowerMapTab, name: str) -> Stakeholder:
    assert tab.contact_map is not None
    return next(s for s in tab.contact_map.stakeholders if s.name == name)


def _stored_manager(opened: OpenWorkspace, tab: PowerMapTab, name: str) -> str | None:
    assert tab.contact_map is not None
    fresh = opened.contact_maps.load_map(tab.contact_map.account.id)
    return next(s for s in fresh.stakeholders if s.name == name).reports_to_id


def _at(tab: PowerMapTab, name: str) -> QPoint:
    """Where that person's card is on the screen, scrolled into view first."""
    item = tab.scene.item(_person(tab, name).id)
    assert item is not None
    tab.view.ensureVisible(item, 10, 10)
    return tab.view.mapFromScene(item.sceneBoundingRect().center())


def _drag(qtbot: QtBot, tab: PowerMapTab, source: str, target: str) -> None:
    viewport = tab.view.viewport()
    tab.view.fit()
    start, end = _at(tab, source), _at(tab, target)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(viewport, middle)
    qtbot.mouseMove(viewport, end)
    target_item = tab.scene.item(_person(tab, target).id)
    assert target_item is not None and target_item.drop_state is not DropState.NONE
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_clicking_a_card_selects_the_person_and_shows_their_chain(
        qtbot: QtBot, tab: PowerMapTab) -> None:
    ana = _person(tab, "Ana Ruiz")
    with qtbot.waitSignal(tab._document.current_stakeholder_changed) as selected:
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=_at(tab, "Ana Ruiz"))
    assert selected.args == [ana.id]
    assert tab.view.selected_id() == ana.id
    names = [tab.contact_map.stakeholder(i).name for i in tab.scene.chain]  # type: ignore
    assert names == ["Ana Ruiz", "李伟", "Priya Raman", "Helena Vogt"]
    tab.chain_action.trigger()  # off
    assert tab.scene.chain == []
    tab.chain_action.trigger()  # on again, for the same person
    assert len(tab.scene.chain) == 4


def test_a_selection_made_elsewhere_is_followed(qtbot: QtBot, tab: PowerMapTab,
                                                document: MapDocument) -> None:
    marcus = _person(tab, "Marcus Reid")
    document.select_stakeholder(marcus.id)
    assert tab.view.selected_id() == marcus.id
    assert tab.scene.chain == [marcus.id]
    document.select_stakeholder(None)
    assert tab.view.selected_id() is None


def test_a_hidden_tab_is_redrawn_when_shown_with_the_current_person(
        qtbot: QtBot, tab: PowerMapTab, document: MapDocument, opened: OpenWorkspace) -> None:
    tab.hide()
    ken = _person(tab, "Ken Adeyemi")
    document.runner.run(EditStakeholderCommand(document, ken, replace(ken, name="Ken A.")))
    document.select_stakeholder(ken.id)
    assert tab._drawn_when_shown.pending
    item = tab.scene.item(ken.id)
    assert item is not None and item.card.stakeholder.name == "Ken Adeyemi"
    tab.show()
    item = tab.scene.item(ken.id)
    assert item is not None and item.card.stakeholder.name == "Ken A."
    assert item.isSelected() and tab.scene.chain[0] == ken.id
    document.open_account(None)
    assert not tab.scene.card_items()


def test_dragging_a_card_onto_another_sets_the_manager_and_undo_puts_it_back(
        qtbot: QtBot, tab: PowerMapTab, opened: OpenWorkspace, errors: list[str]) -> None:
    ken, helena = _person(tab, "Ken Adeyemi"), _person(tab, "Helena Vogt")
    marcus_id = ken.reports_to_id
    _drag(qtbot, tab, "Ken Adeyemi", "Helena Vogt")
    assert errors == []
    assert _stored_manager(opened, tab, "Ken Adeyemi") == helena.id
    assert tab.scene.org_layout.managers[ken.id] == helena.id  # redrawn from the file
    stack = tab._document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Ken Adeyemi reports to Helena Vogt"
    stack.undo()
    assert _stored_manager(opened, tab, "Ken Adeyemi") == marcus_id
    assert tab.scene.org_layout.managers[ken.id] == marcus_id
    stack.redo()
    assert _stored_manager(opened, tab, "Ken Adeyemi") == helena.id
    assert all(item.drop_state is DropState.NONE for item in tab.scene.card_items())


def test_dropping_a_manager_on_someone_below_them_is_refused_with_a_message(
        qtbot: QtBot, tab: PowerMapTab, opened: OpenWorkspace, errors: list[str]) -> None:
    helena = _person(tab, "Helena Vogt")
    priya = _person(tab, "Priya Raman")
    _drag(qtbot, tab, "Priya Raman", "Ana Ruiz")
    assert errors == ["Priya Raman cannot report to someone who reports to them."]
    assert _stored_manager(opened, tab, "Priya Raman") == helena.id
    assert tab._document.undo_stack.count() == 0
    assert tab.scene.org_layout.managers[priya.id] == helena.id


def test_the_card_under_a_drag_says_whether_it_can_be_the_new_manager(
        qtbot: QtBot, tab: PowerMapTab) -> None:
    viewport = tab.view.viewport()
    tab.view.fit()
    start = _at(tab, "Priya Raman")
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    hints = {DropState.REFUSES: "Priya Raman cannot report to Ana Ruiz, who is below them",
             DropState.ACCEPTS: "Priya Raman reports to Marcus Reid"}
    for name, state in (("Ana Ruiz", DropState.REFUSES), ("Marcus Reid", DropState.ACCEPTS)):
        qtbot.mouseMove(viewport, _at(tab, name) + QPoint(1, 1))
        qtbot.mouseMove(viewport, _at(tab, name))
        item = tab.scene.item(_person(tab, name).id)
        assert item is not None and item.drop_state is state
        # The hint beside the pointer says it in words, edged as a refusal when it is one.
        hint = tab.view._hint
        assert hint.text() == hints[state] and hint.refused is (state is DropState.REFUSES)
        assert not viewport.grab().isNull()  # painted with the hint on the chart
    qtbot.keyClick(viewport, Qt.Key.Key_Escape)  # cancels: nothing changes
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=_at(tab, "Marcus Reid"))
    assert tab._document.undo_stack.count() == 0
    assert all(item.drop_state is DropState.NONE for item in tab.scene.card_items())


def test_a_click_without_moving_changes_nobody(qtbot: QtBot, tab: PowerMapTab) -> None:
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_at(tab, "Ken Adeyemi"))
    assert tab._document.undo_stack.count() == 0


def test_double_click_or_enter_asks_to_edit_the_person(qtbot: QtBot, tab: PowerMapTab) -> None:
    li = _person(tab, "李伟")
    with qtbot.waitSignal(tab.edit_requested) as asked:
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=_at(tab, "李伟"))
    assert asked.args == [li.id]
    with qtbot.waitSignal(tab.edit_requested) as asked:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert asked.args == [li.id]


def _ctrl_wheel(tab: PowerMapTab, notches: int) -> None:
    viewport = tab.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(viewport, event)


def test_zoom_with_ctrl_wheel_and_keys_and_fit_to_window(qtbot: QtBot, tab: PowerMapTab) -> None:
    view = tab.view
    view.set_zoom(1.0)
    _ctrl_wheel(tab, 2)
    assert view.zoom() == pytest.approx(1.25 ** 2)
    _ctrl_wheel(tab, -4)
    assert view.zoom() == pytest.approx(1.25 ** -2)
    assert tab.zoom_label.text().strip() == f"{1.25 ** -2:.0%}"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.25 ** -1)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.25 ** -2)
    for _ in range(40):
        view.zoom_out()
    assert view.zoom() == pytest.approx(0.05)  # never smaller than that
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(tab.scene.itemsBoundingRect())
    assert view.zoom() <= 1.0


def test_png_export_is_a_picture_of_the_chart(tab: PowerMapTab, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    assert tab.export_png(out)
    image = QImage(str(out))
    rect = tab.scene.sceneRect()
    assert image.width() == pytest.approx(rect.width() * 2, abs=1)
    assert image.height() == pytest.approx(rect.height() * 2, abs=1)


def test_an_export_the_disk_refuses_is_reported(tab: PowerMapTab, tmp_path: Path,
                                                errors: list[str]) -> None:
    missing = tmp_path / "no such folder" / "chart.png"
    assert not tab.export_png(missing)
    assert not tab.export_pdf(missing.with_suffix(".pdf"))
    assert len(errors) == 2
    assert all("the folder does not exist" in error for error in errors)


@needs_poppler
def test_pdf_export_names_everyone(tab: PowerMapTab, tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    assert tab.export_pdf(out)
    text = pdf_text(out)
    assert tab.contact_map is not None
    for person in tab.contact_map.stakeholders:
        assert person.name in text
    assert "Power map — Northwind Logistics" in text


def test_the_export_path_gets_its_suffix(monkeypatch: pytest.MonkeyPatch, tab: PowerMapTab,
                                         tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "chart"), ""))
    tab.png_action.trigger()
    assert (tmp_path / "chart.png").is_file()


def test_reports_to_nobody_takes_the_person_to_the_top_and_undo_puts_them_back(
        tab: PowerMapTab, opened: OpenWorkspace) -> None:
    ana = _person(tab, "Ana Ruiz")
    tab._document.select_stakeholder(ana.id)
    tab.no_manager_action.trigger()
    assert _stored_manager(opened, tab, "Ana Ruiz") is None
    assert ana.id in tab.scene.org_layout.roots
    assert tab._document.undo_stack.undoText() == "Ana Ruiz reports to nobody"
    tab._document.undo_stack.undo()
    assert _stored_manager(opened, tab, "Ana Ruiz") == ana.reports_to_id
    tab.no_manager_action.trigger()  # at the top already after a redo: no empty undo step
    tab.no_manager_action.trigger()
    assert tab._document.undo_stack.count() == 1


def test_the_edit_action_asks_to_edit_the_selected_person(qtbot: QtBot, tab: PowerMapTab) -> None:
    ken = _person(tab, "Ken Adeyemi")
    tab._document.select_stakeholder(ken.id)
    with qtbot.waitSignal(tab.edit_requested) as asked:
        tab.edit_action.trigger()
    assert asked.args == [ken.id]


def test_arrow_keys_walk_the_chart(qtbot: QtBot, tab: PowerMapTab) -> None:
    def name() -> str:
        selected = tab.view.selected_id()
        assert selected is not None and tab.contact_map is not None
        return tab.contact_map.stakeholder(selected).name

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)  # nothing selected: the first card
    assert name() == "Helena Vogt"
    for key, expected in ((Qt.Key.Key_Down, "Priya Raman"), (Qt.Key.Key_Down, "Zoë Müller"),
                          (Qt.Key.Key_Right, "李伟"), (Qt.Key.Key_Right, "李伟"),
                          (Qt.Key.Key_Down, "Ana Ruiz"), (Qt.Key.Key_Up, "李伟"),
                          (Qt.Key.Key_Up, "Priya Raman"), (Qt.Key.Key_Up, "Helena Vogt"),
                          (Qt.Key.Key_Up, "Helena Vogt"), (Qt.Key.Key_Right, "Marcus Reid"),
                          (Qt.Key.Key_Left, "Helena Vogt")):
        qtbot.keyClick(tab.view, key)
        assert name() == expected
    assert tab.scene.chain == [tab.view.selected_id()]


def test_find_goes_to_the_person_typed(qtbot: QtBot, tab: PowerMapTab) -> None:
    sara = _person(tab, "Sara Lindqvist")
    tab.view.set_zoom(2.0)
    tab.find_box.setFocus()
    qtbot.keyClicks(tab.find_box, "lindq")
    qtbot.keyClick(tab.find_box, Qt.Key.Key_Return)
    assert tab.view.selected_id() == sara.id
    item = tab.scene.item(sara.id)
    assert item is not None
    visible = tab.view.mapToScene(tab.view.viewport().rect()).boundingRect()
    assert visible.contains(item.sceneBoundingRect())
    tab.find_box.clear()
    qtbot.keyClicks(tab.find_box, "a")  # many names: nothing is chosen
    qtbot.keyClick(tab.find_box, Qt.Key.Key_Return)
    assert tab.view.selected_id() == sara.id


def test_a_drag_near_the_edge_scrolls_the_chart(qtbot: QtBot, tab: PowerMapTab) -> None:
    view, viewport = tab.view, tab.view.viewport()
    view.set_zoom(2.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    start = _at(tab, "Helena Vogt")
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    edge = QPoint(viewport.width() - 5, start.y())
    before = bar.value()
    for step in range(3):
        qtbot.mouseMove(viewport, edge - QPoint(step, 0))
    assert bar.value() > before
    qtbot.keyClick(viewport, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=edge)
    assert tab._document.undo_stack.count() == 0


def test_a_read_only_workspace_shows_the_chart_but_cards_do_not_move(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "shared.cmap"
    sample_copy(path)
    opened = open_workspace(path, read_only=True, backups_root=tmp_path / "backups")
    try:
        document = MapDocument(opened, pytest.fail)
        widget = PowerMapTab(document, pytest.fail)
        qtbot.addWidget(widget)
        widget.resize(1300, 800)
        document.open_account(opened.accounts.list_accounts()[0].id)
        widget.show()
        qtbot.waitExposed(widget)
        assert len(widget.scene.card_items()) == 10
        assert not widget.no_manager_action.isEnabled()
        viewport = widget.view.viewport()
        start, end = _at(widget, "Ken Adeyemi"), _at(widget, "Helena Vogt")
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, (start + end) / 2)
        qtbot.mouseMove(viewport, end)
        assert all(i.drop_state is DropState.NONE for i in widget.scene.card_items())
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
        assert document.undo_stack.count() == 0
    finally:
        opened.close()


def test_a_grade_change_repaints_the_card_without_laying_the_chart_out_again(
        tab: PowerMapTab, document: MapDocument) -> None:
    from contactmap_desktop.domain.grades import Grade
    from contactmap_desktop.domain.model import CellRef
    from contactmap_desktop.ui.grid.commands import set_grades

    ken = _person(tab, "Ken Adeyemi")  # nobody on our team knows him yet
    item = tab.scene.item(ken.id)
    assert item is not None and item.card.best_grade is None
    items_before = tab.scene.card_items()
    contact_map = document.contact_map
    assert contact_map is not None
    cell = CellRef(contact_map.team_members[0].id, ken.id)
    assert document.runner.run(set_grades(document, {cell: Grade.OPEN}))
    assert tab.scene.card_items() == items_before  # the same card items: no new layout
    assert item.card.best_grade is Grade.OPEN and item.card.relationship_count == 1
