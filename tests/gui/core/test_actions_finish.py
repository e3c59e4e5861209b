"""Actions that feel finished: commands about an account are greyed while none is open, the
Lifecycle details follow the current engagement, Preferences has room, and long tooltips
wrap instead of spanning the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTableView, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.long_tooltips import wrapped
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.preferences_dialog import PreferencesDialog
from contactmap_desktop.ui.coverage.feature import CoverageFeature
from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature

ABOUT_AN_ACCOUNT = ["Export &Blueprints PDF…", "Export Contact &Map as PDF…", "&Find People",
                    "&Copy grades", "&Paste grades", "&Group by Department",
                    "Mark Selected Cells &Reviewed", "&Weekly Review", "Add &Stakeholder…"]


def _actions(menu: QMenu) -> dict[str, QAction]:
    found: dict[str, QAction] = {}
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.update(_actions(submenu))
        elif not action.isSeparator():
            found[action.text()] = action
    return found


def test_commands_about_an_account_are_greyed_while_none_is_open(
        qtbot: QtBot, window: MainWindow) -> None:
    actions: dict[str, QAction] = {}
    for name in ("&File", "&Edit", "&Account"):
        actions.update(_actions(window.menu(name)))
    account = window.document.account_id
    assert all(actions[text].isEnabled() for text in ABOUT_AN_ACCOUNT)
    window.accounts.list.clearSelection()
    window.open_account(None)
    assert [t for t in ABOUT_AN_ACCOUNT if actions[t].isEnabled()] == []
    assert actions["&Add Account…"].isEnabled()  # what the user can do instead
    window.open_account(account)
    assert all(actions[text].isEnabled() for text in ABOUT_AN_ACCOUNT)


def test_lifecycle_details_follow_the_engagement_as_soon_as_it_is_current(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    feature = window.features.lifecycle
    assert isinstance(feature, LifecycleFeature)
    window.show_tab(feature.tab)
    engagements: QTableView = feature.tab.engagements.view
    panel = feature.tab.engagement_panel
    qtbot.waitUntil(lambda: engagements.model().rowCount() > 1)
    assert not panel.isEnabled()
    engagements.setFocus(Qt.FocusReason.TabFocusReason)  # Tab into the list: a row is current
    qtbot.waitUntil(panel.isEnabled)
    first = feature.tab.engagements.current()
    assert first is not None and panel.engagement_id == first.engagement.id
    qtbot.keyClick(engagements, Qt.Key.Key_Down)
    second = feature.tab.engagements.current()
    assert second is not None and panel.engagement_id == second.engagement.id
    # Ctrl+click takes the row out of the selection; it is still the current engagement.
    rect = engagements.visualRect(engagements.currentIndex())
    qtbot.mouseClick(engagements.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, rect.center())
    assert panel.isEnabled() and panel.engagement_id == second.engagement.id


def test_preferences_give_every_page_the_room_it_asks_for(
        qtbot: QtBot, window: MainWindow) -> None:
    checked: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            page = dialog.tabs.currentWidget()
            qtbot.waitUntil(page.isVisible)
            hint = page.sizeHint()
            room = dialog.screen().availableGeometry()
            if hint.width() < room.width() * 0.9:  # (the test screen is 800 px wide)
                assert page.width() >= min(hint.width(), 700), (dialog.tabs.tabText(index), hint)
            checked.append(dialog.tabs.tabText(index))
        dialog.reject()
    QTimer.singleShot(0, look)
    window.edit_preferences()
    assert "Coverage" in checked and len(checked) >= 4


def test_a_long_tooltip_wraps_to_a_readable_width(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    coverage = window.features.coverage
    assert isinstance(coverage, CoverageFeature)
    window.findChild(QWidget, "findingsDock").raise_()  # type: ignore[union-attr]
    tree = coverage.findings_panel.tree
    qtbot.waitUntil(lambda: bool(coverage.findings))  # worked out on another thread
    tree.expandAll()
    first_finding = tree.model().index(0, 0, tree.model().index(0, 0))
    tip = first_finding.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and len(tip.splitlines()[0]) > 80
    spot = tree.visualRect(first_finding).center()
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, spot,
                                                       tree.viewport().mapToGlobal(spot)))
    label = next((w for w in QApplication.topLevelWidgets()
                  if w.inherits("QTipLabel") and w.isVisible()), None)
    assert isinstance(label, QLabel)
    assert label.text() == wrapped(tip) and label.text().startswith("<p>")
    assert label.width() <= 600  # the plain text would be one line of about 900 px
    assert wrapped("Short") == "Short" and wrapped("a < b " * 20).count("&lt;") == 20
