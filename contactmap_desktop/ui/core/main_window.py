"""The main window: accounts on the left, the Contact Map and other tabs in the centre,
panels docked around, and a status bar that says which file is open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.accounts.accounts_panel import AccountsPanel
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.plain_text import as_typed, plain_label
from contactmap_desktop.ui.core.preferences_dialog import PreferencesDialog, PreferencesPage
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.when_shown import panels_arranging
from contactmap_desktop.ui.core.window_fit import (
    default_geometry,
    kept_on_screen,
    panel_widths,
    screen_key,
)
from contactmap_desktop.ui.grid.map_page import MapPage

if TYPE_CHECKING:
    from contactmap_desktop.ui.features import WindowFeatures

MENUS = ("&File", "&Edit", "&Account", "&Window", "&Help")


def mnemonic_of(text: str) -> str | None:
    """The letter after a single "&" (lowercase), if any."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def free_mnemonic(text: str, menu: QMenu) -> str:
    """``text`` with a mnemonic on the first of its letters that no entry of ``menu`` uses."""
    used = {letter for action in menu.actions() if (letter := mnemonic_of(action.text()))}
    for position, letter in enumerate(text):
        if letter.isalnum() and letter.lower() not in used:
            return f"{text[:position]}&{text[position:]}"
    return text


def shown_path(path: Path) -> str:
    """A workspace's path as the status bar shows it: "~/…" inside the home folder, which
    keeps the line short on a laptop's screen."""
    try:
        return str(Path("~") / Path(path).resolve().relative_to(Path.home().resolve()))
    except ValueError:  # elsewhere: the whole path
        return str(path)


class MainWindow(QMainWindow):
    features: WindowFeatures  # set by the composition root (application.build_window)
    workspace_requested = Signal(object, bool)  # path, create
    closing = Signal()

    def __init__(self, document: MapDocument, ui_settings: UiSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.document = document
        document.setParent(self)  # the document and its undo stack live as long as the window
        self.ui_settings = ui_settings
        self._menus = {name: self.menuBar().addMenu(name) for name in MENUS}
        self._anchors: dict[str, QAction] = {}
        self._lower: dict[QDockWidget, bool] = {}
        self._panels_to_come: QDockWidget | None = None
        self._layout_pending = False
        self._opening_size = QSize()
        self._preference_pages: list[Callable[[], PreferencesPage]] = []
        self._default_state = QByteArray()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.map_page = MapPage(document)
        self.tabs.addTab(self.map_page, "Contact &Map")
        self.setCentralWidget(self.tabs)
        # Tabbed panels show their tabs on top, where their names have room to be read.
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.accounts = AccountsPanel(document)
        self.accounts_dock = self.add_dock("Accounts", self.accounts, "accountsDock",
                                           Qt.DockWidgetArea.LeftDockWidgetArea)
        self.accounts.account_chosen.connect(self.open_account)
        self._path_label = plain_label(QLabel())
        self._counts_label = QLabel()
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addPermanentWidget(self._counts_label)
        document.map_loaded.connect(self._update_status)
        document.changed.connect(lambda _changes: self._update_status())
        document.attached.connect(self._update_title)  # read-only is known then
        document.attached.connect(self._update_status)
        self._update_title()
        self._update_status()

    # --- the parts features build on -----------------------------------------------------

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def add_menu_action(self, name: str, action: QAction) -> None:
        """Add to a menu, above its closing part (File ▸ Quit) when it has one."""
        anchor = self._anchors.get(name)
        if anchor is None:
            self._menus[name].addAction(action)
        else:
            self._menus[name].insertAction(anchor, action)

    def set_menu_anchor(self, name: str, anchor: QAction) -> None:
        self._anchors[name] = anchor

    def add_dock(self, title: str, widget: QWidget, object_name: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea, *,
                 lower: bool = False) -> QDockWidget:
        """A panel beside the tabs; panels of one area share tabs. ``lower`` panels (about
        the selected cell, reference) share a second group under the first, so that neither
        group has more tabs than their names have room for."""
        self._drop_panels_to_come()
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self._lower[dock] = lower  # arranged into tab groups by restore_layout()
        if not self.isVisible():
            # Stacked one above the other until arranged, the panels would make the window
            # as tall as all of them together.
            dock.hide()
        toggle = dock.toggleViewAction()
        text = free_mnemonic(title, self.menu("&Window"))
        toggle.setText(text)
        # A panel may put counts in its title; the Window menu keeps the plain name.
        dock.windowTitleChanged.connect(lambda _t: toggle.setText(text))
        self.menu("&Window").addAction(toggle)
        return dock

    def reserve_panels(self) -> None:
        """An empty side panel on the right until the features add theirs: painted before
        they load (ui/core/first_paint.py), the grid and the welcome above it already have
        the width they keep, rather than narrowing a second later."""
        dock = QDockWidget(self)
        dock.setObjectName("panelsToComeDock")
        dock.setTitleBarWidget(QWidget())  # no title and no buttons: nothing in it to use
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(QWidget())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._lower[dock] = False  # sized as the right-hand panels by restore_layout()
        self._panels_to_come = dock

    def _drop_panels_to_come(self) -> None:
        dock, self._panels_to_come = self._panels_to_come, None
        if dock is not None:
            del self._lower[dock]
            self.removeDockWidget(dock)
            # No longer the window's child at once: restoreState puts back every panel child
            # it finds, even one waiting to be deleted.
            dock.setParent(None)
            dock.deleteLater()

    def add_preferences_page(self, page: Callable[[], PreferencesPage]) -> None:
        """A tab of Edit ▸ Preferences, built each time the dialog opens."""
        self._preference_pages.append(page)

    def edit_preferences(self) -> None:
        saved = PreferencesDialog.ask(self, [make() for make in self._preference_pages])
        if saved is not None:
            self.document.apply(saved)

    def add_tab(self, title: str, widget: QWidget) -> None:
        self.tabs.addTab(widget, title)

    def show_tab(self, widget: QWidget) -> None:
        """Bring forward the tab that is ``widget`` or holds it."""
        page: QWidget | None = widget
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def report_error(self, message: str) -> None:
        QMessageBox.warning(self, "ContactMap", as_typed(message))

    # --- accounts ------------------------------------------------------------------------

    def open_account(self, account_id: str | None) -> None:
        if account_id == self.document.account_id:
            return
        self.document.open_account(account_id)
        self.accounts.show_account(account_id)
        self.ui_settings.set_last_account(self.document.reads.path, account_id)

    def open_first_account(self) -> None:
        """The account open last time in this workspace, or the first one."""
        accounts = self.document.reads.accounts.list_accounts()
        wanted = self.ui_settings.last_account(self.document.reads.path)
        chosen = next((a.id for a in accounts if a.id == wanted),
                      accounts[0].id if accounts else None)
        self.open_account(chosen)

    # --- layout --------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Arrange the panels when the window first shows (Qt leaves stray tab bars behind
        when tab groups are formed in a hidden window), then put back the user's layout
        for this screen size."""
        self.map_page.set_column_widths(self.ui_settings.column_widths())
        self.setGeometry(default_geometry(self.available_area(), self.minimumSizeHint()))
        self._opening_size = self.size()
        if self.isVisible():
            self._arrange_panels()
        else:
            self._layout_pending = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            self._arrange_panels()

    def _arrange_panels(self) -> None:
        with panels_arranging(self):
            self._place_panels()

    def _place_panels(self) -> None:
        # A size asked for before the first show is kept, saved layout or not: another
        # workspace opened in place of this one, in the same place (or a screenshot's size).
        asked = self.geometry() \
            if self.size() != self._opening_size.expandedTo(self.minimumSize()) else None
        groups_by_area = self._group_panels()
        # Shown one above the other on the way, the panels made the window too tall: back to
        # the screen's default, then sized within it.
        available = self.available_area()
        layout = self.layout()
        assert layout is not None
        layout.activate()  # the minimum size of the panels as grouped now
        self.setGeometry(asked or default_geometry(available, self.minimumSizeHint()))
        self._size_panels(groups_by_area)
        self._default_state = self.saveState()
        key = screen_key(available)
        geometry, state = self.ui_settings.window_geometry(key), self.ui_settings.window_state(key)
        if geometry is not None and asked is None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        if asked is not None:
            self.setGeometry(asked)
        elif not self.windowState() & (Qt.WindowState.WindowMaximized
                                       | Qt.WindowState.WindowFullScreen):
            self.setGeometry(kept_on_screen(self.geometry(), self.minimumSizeHint(), available))
        self._hide_stray_tab_bars()

    def _group_panels(self) -> list[list[list[QDockWidget]]]:
        """Tab the panels of each side into their groups (the lower group under the other);
        the groups of the left side, then of the right."""
        for dock in self._lower:
            dock.show()
        groups_by_area = []
        for area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            in_area = [d for d in self._lower if self.dockWidgetArea(d) == area]
            groups = [[d for d in in_area if not self._lower[d]],
                      [d for d in in_area if self._lower[d]]]
            groups = [group for group in groups if group]
            if len(groups) == 2:
                self.splitDockWidget(groups[0][0], groups[1][0], Qt.Orientation.Vertical)
            for group in groups:
                for dock in group[1:]:
                    self.tabifyDockWidget(group[0], dock)
                group[0].raise_()  # the first panel of each group in front
            groups_by_area.append(groups)
        return groups_by_area

    def _size_panels(self, groups_by_area: list[list[list[QDockWidget]]]) -> None:
        """Upper groups a little taller than lower ones; side panels as wide as suits the
        window's width (the grid gets most of it)."""
        height = self.height()
        for groups in groups_by_area:
            if len(groups) == 2:
                self.resizeDocks([groups[0][0], groups[1][0]],
                                 [height * 55 // 100, height * 45 // 100], Qt.Orientation.Vertical)
        left, right = ([d for group in groups for d in group] for groups in groups_by_area)
        left_width, right_width = panel_widths(self.width())
        self.resizeDocks(left + right, [left_width] * len(left) + [right_width] * len(right),
                         Qt.Orientation.Horizontal)

    def available_area(self) -> QRect:
        """The part of the window's screen that windows may use (no panels, no dock)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _hide_stray_tab_bars(self) -> None:
        """Qt can leave on screen the tab bar of a group formed again: one that grew (two
        tabs, then four) around the first show, or the default groups replaced by the saved
        layout in a window already painted (ui/core/first_paint.py), a bar with the same tabs
        as the one in use. Every bar is hidden and the layout, done again, shows those its
        groups use."""
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()
            # In a narrow panel area the names stay whole ("De…", "Hi…" read as nothing);
            # arrows bring the last tabs into view.
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
        layout = self.layout()
        assert layout is not None
        layout.invalidate()
        layout.activate()

    def reset_layout(self) -> None:
        with panels_arranging(self):
            self.restoreState(self._default_state)
            for dock in self.findChildren(QDockWidget):
                dock.show()
            self._hide_stray_tab_bars()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_settings.save_window(screen_key(self.available_area()), self.saveGeometry(),
                                     self.saveState())
        self.ui_settings.save_column_widths(self.map_page.column_widths)
        self.ui_settings.sync()
        self.closing.emit()
        super().closeEvent(event)

    # --- status --------------------------------------------------------------------------

    def _update_title(self) -> None:
        opened = self.document.reads
        suffix = " (read-only)" if opened.read_only else ""
        self.setWindowTitle(f"{Path(opened.path).name}{suffix} — ContactMap")

    def _update_status(self) -> None:
        opened = self.document.reads
        self._path_label.setText(shown_path(opened.path)
                                 + ("  ·  read-only" if opened.read_only else "")
                                 + "  ·  every change is saved as you make it")
        contact_map = self.document.contact_map
        if contact_map is None:
            self._counts_label.setText("")
            return
        graded, concerns = contact_map.graded_count(), contact_map.concern_count()
        self._counts_label.setText(
            f"{counted(len(contact_map.stakeholders), 'stakeholder')} · "
            f"{counted(len(contact_map.team_members), 'team member')} · "
            f"{counted(graded, 'relationship')} · {counted(concerns, 'open concern')}")
