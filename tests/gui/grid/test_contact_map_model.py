"""The Qt models of the map and the accounts list: Qt's own checks, and what they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
