"""The Qt models of the map and the accounts list: Qt's own checks, and what they show."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPaintEvent, QRegion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.accounts.account_list_model import AccountListModel
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.roles import MapRole
from tests.helpers.builders import SmallMap


def test_map_model_passes_qt_checks_through_edits(qtmodeltester: ModelTester, window: MainWindow,
                                                  small_map: SmallMap) -> None:
    model = window.map_page.model
    qtmodeltester.check(model)
    window.map_page.set_grades({small_map.cell(0, 0): Grade.TRUST})
    window.document.open_account(window.document.account_id)  # read anew: a reset
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3


def test_account_list_model_passes_qt_checks(qtmodeltester: ModelTester,
                                             window: MainWindow) -> None:
    qtmodeltester.check(AccountListModel(window.document))


def test_cells_show_letter_and_say_it_in_words(window: MainWindow, small_map: SmallMap) -> None:
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    model = window.map_page.model
    index = model.index(1, 2)
    assert index.data() == "D"
    assert index.data(MapRole.GRADE) is Grade.DISSATISFIED
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Eng Two → Abe Advisor: Dissatisfied (D)"
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole).endswith("no relationship")


def test_header_counts_relationships_per_column(window: MainWindow, small_map: SmallMap) -> None:
    model = window.map_page.model
    window.map_page.set_grades({small_map.cell(0, 1): Grade.OPEN,
                                small_map.cell(1, 1): Grade.TRUST})
    assert model.headerData(1, Qt.Orientation.Horizontal, MapRole.DEPTH) == 2
    assert model.headerData(0, Qt.Orientation.Horizontal, MapRole.DEPTH) == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Ada Power"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Eng Two"


class PaintedRegions(QObject):
    """What each watched widget painted, from the moment it is made."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        QApplication.processEvents()  # what was due before is not counted
        self.regions = {widget: QRegion() for widget in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent) and watched in self.regions:
            self.regions[watched] = self.regions[watched].united(event.region())  # type: ignore[index]
        return False


def test_a_grade_edit_repaints_its_cell_and_its_column_count_alone(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    """Not the whole table, then or once edits pause: Qt answered headerDataChanged by
    laying the whole table out again, and findings worked out again hid and showed every
    section anew; each repainted every cell in view."""
    window.resize(1280, 800)  # room for every column (a window fits the 800 px test screen)
    coverage = window.features.coverage
    qtbot.waitUntil(lambda: not coverage.pending)
    grid, model = window.map_page.grid, window.map_page.model
    header = grid.horizontalHeader()
    painted = PaintedRegions(grid.viewport(), header.viewport())
    window.map_page.set_grades({small_map.cell(1, 2): Grade.OPEN})
    window.document.edit_pause.run_due()  # the pause in typing, now
    qtbot.waitUntil(lambda: not coverage.pending
                    and not painted.regions[header.viewport()].isEmpty())
    QApplication.processEvents()
    assert painted.regions[grid.viewport()].boundingRect() == grid.visualRect(model.index(1, 2))
    header_painted = painted.regions[header.viewport()].boundingRect()
    assert (header_painted.left(), header_painted.width()) == \
        (header.sectionViewportPosition(2), header.sectionSize(2))
    assert model.headerData(2, Qt.Orientation.Horizontal, MapRole.DEPTH) == 1


def test_cells_with_a_blueprint_are_marked_and_repainted_alone(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    from contactmap_desktop.services.blueprint_service import BlueprintService

    plans = BlueprintService(window.document.opened.workspace)
    created = plans.create(plans.draft(small_map.cell(1, 2)))
    model = window.map_page.model
    with qtbot.waitSignal(model.dataChanged) as changed:
        window.document.apply(created.changes)
    assert model.index(1, 2).data(MapRole.HAS_PLAN) is True
    assert model.index(0, 2).data(MapRole.HAS_PLAN) is False
    assert changed.args is not None and changed.args[0] == model.index(1, 2)
    window.map_page.grid.grab()  # paints the mark without error
