"""Rows written by someone else (a sync, another connection) reach the open window through
the change set alone: no model reset, the selection kept, the undo stack intact."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.coverage.feature import CoverageFeature
from tests.helpers.builders import SmallMap


def test_a_change_set_written_by_a_second_connection_shows_everywhere(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    page, document = window.map_page, window.document
    coverage = window.features.coverage
    assert isinstance(coverage, CoverageFeature)
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    page.set_grades({small_map.cell(0, 0): Grade.TRUST})  # one edit of ours, undoable
    page.grid.go_to(small_map.cell(1, 2))
    undo_text, undo_count = document.undo_stack.undoText(), document.undo_stack.count()
    resets: list[int] = []
    page.model.modelAboutToBeReset.connect(lambda: resets.append(1))

    # Another laptop's rows, written through a connection of its own, as a sync would.
    remote = Workspace.open(small_map.opened.path, create=False)
    try:
        service = ContactMapService(remote)
        cell = small_map.cell(1, 2)  # Eng Two → Abe Advisor, the current cell
        changes = service.set_grade(cell, Grade.DISSATISFIED).changes
        marked = service.update_marks(replace(service.load_map(small_map.account.id)
                                              .relationship(small_map.cell(1, 1)),
                                              is_key=True))
        renamed = service.update_stakeholder(replace(small_map.stakeholders[0],
                                                     name="Ada Power-Smith"))
    finally:
        remote.close()
    document.apply(changes | marked.changes | renamed.changes)

    model = page.model
    assert model.index(1, 2).data() == "D"
    assert model.index(1, 1).data(MapRole.RELATIONSHIP).is_key
    assert model.headerData(2, Qt.Orientation.Horizontal, MapRole.DEPTH) == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Ada Power-Smith"
    assert resets == []
    assert page.grid.current_cell() == cell  # the selection is where the user left it
    assert (document.undo_stack.undoText(), document.undo_stack.count()) == \
        (undo_text, undo_count)
    assert "Dissatisfied" in coverage.details_panel.label.text()
    history = coverage.history_panel.model
    assert history.rowCount() == 1 and history.change_at(0).new_grade is Grade.DISSATISFIED  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any(f.rule is Rule.BELOW_SATISFIED and cell in f.cells
                                for f in coverage.findings))
    assert "1 open concern" in _status_counts(window)
    document.undo_stack.undo()  # our own edit still undoes, and only it
    assert model.index(0, 0).data() == "" and model.index(1, 2).data() == "D"


def _status_counts(window: MainWindow) -> str:
    return next(label.text() for label in window.statusBar().findChildren(QLabel)
                if "stakeholder" in label.text())
