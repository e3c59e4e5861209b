"""Reviews in the window: Account ▸ Review marks cells, a row, a column or the whole map
reviewed (their grades confirmed as they stand), and the weekly review walks the stale and
key cells one by one in a bar above the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.reviews import ReviewStop, review_walk
from contactmap_desktop.services.clock import utc_now
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_action

NOTHING_GRADED = "Nothing to review there: only a graded relationship can be confirmed."


class ReviewBar(QFrame):
    """The weekly review: where we are in the list of cells to look at, and the moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.reviewed_button = QPushButton("&Still Right — Next")
        self.reviewed_button.setToolTip("Mark this grade reviewed as it stands and go to the "
                                        "next cell (type another letter first if it changed)")
        self.skip_button = QPushButton("S&kip")
        self.stop_button = QPushButton("&End Review")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        for button in (self.reviewed_button, self.skip_button, self.stop_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()


class ReviewFeature:
    def __init__(self, window: MainWindow, settings: SettingsService) -> None:
        self._window = window
        self._document = window.document
        self._page = window.map_page
        self._settings = settings
        self._stops: list[ReviewStop] = []
        self._at = 0
        self.bar = ReviewBar()
        self._page.add_banner(self.bar)
        self.bar.reviewed_button.clicked.connect(self.confirm_and_next)
        self.bar.skip_button.clicked.connect(self.next_stop)
        self.bar.stop_button.clicked.connect(self.end_walk)
        menu = window.menu("&Account").addMenu("Rev&iew")
        self.actions = [
            add_action(menu, "Mark Selected Cells &Reviewed",
                       lambda: self._mark(self._page.grid.selected_cells()), "Ctrl+R",
                       "Confirm the selected grades as they stand: a review, kept in history"),
            add_action(menu, "Mark R&ow Reviewed", lambda: self._mark(self._row())),
            add_action(menu, "Mark &Column Reviewed", lambda: self._mark(self._column())),
            add_action(menu, "Mark Whole &Map Reviewed", lambda: self._mark(self._all())),
        ]
        menu.addSeparator()
        self.actions.append(add_action(
            menu, "&Weekly Review", self.start_walk, "Ctrl+Shift+R",
            "Walk through the grades not reviewed for long and the key relationships"))
        self._document.map_loaded.connect(self._map_loaded)
        self._map_loaded()

    # --- marking -------------------------------------------------------------------------

    def _mark(self, cells: list[CellRef]) -> None:
        if self._document.read_only:
            return
        if not self._page.mark_reviewed(cells):
            self._window.statusBar().showMessage(NOTHING_GRADED, 5000)

    def _row(self) -> list[CellRef]:
        cell, contact_map = self._page.grid.current_cell(), self._document.contact_map
        if cell is None or contact_map is None:
            return []
        return [CellRef(cell.team_member_id, s.id) for s in contact_map.stakeholders]

    def _column(self) -> list[CellRef]:
        cell, contact_map = self._page.grid.current_cell(), self._document.contact_map
        if cell is None or contact_map is None:
            return []
        return [CellRef(m.id, cell.stakeholder_id) for m in contact_map.team_members]

    def _all(self) -> list[CellRef]:
        contact_map = self._document.contact_map
        return [] if contact_map is None else [r.cell for r in contact_map.graded()]

    # --- the weekly review ---------------------------------------------------------------

    def start_walk(self) -> None:
        contact_map = self._document.contact_map
        if contact_map is None:
            return
        stale_after = self._settings.coverage_thresholds().stale_after_days
        self._stops = review_walk(contact_map, stale_after, utc_now().date())
        self._at = 0
        self._window.show_tab(self._page)
        self.bar.show()
        self._show_stop()

    def confirm_and_next(self) -> None:
        if self._at < len(self._stops):
            cell = self._stops[self._at].cell
            if self._document.contact_map is not None and \
                    self._document.contact_map.grade(cell) is not None:
                self._page.mark_reviewed([cell])
        self.next_stop()

    def next_stop(self) -> None:
        self._at += 1
        self._show_stop()

    def end_walk(self) -> None:
        self._stops = []
        self.bar.hide()
        self._page.grid.setFocus()

    def _show_stop(self) -> None:
        contact_map = self._document.contact_map
        total = len(self._stops)
        if contact_map is None or self._at >= total:
            done = "nothing needed a look" if total == 0 else f"all {total} cells looked at"
            self.bar.text.setText(f"Weekly review: {done}. Relationships drift toward "
                                  "Indifferent when left alone; come back next week.")
            self.bar.reviewed_button.setEnabled(False)
            self.bar.skip_button.setEnabled(False)
            return
        stop = self._stops[self._at]
        member = contact_map.team_member(stop.cell.team_member_id).name
        stakeholder = contact_map.stakeholder(stop.cell.stakeholder_id).name
        grade = contact_map.grade(stop.cell)
        ask = ("Is this still how the client sees it? Type another letter if not, or confirm "
               "it." if grade else "Grade it if you can, or skip it for now.")
        now = f"graded {grade.label}" if grade else "no grade"
        self.bar.text.setText(f"Weekly review, {self._at + 1} of {total}: {member} → "
                              f"{stakeholder} ({now}; {stop.reason}). {ask}")
        self.bar.reviewed_button.setEnabled(grade is not None and not self._document.read_only)
        self.bar.skip_button.setEnabled(True)
        self._page.grid.go_to(stop.cell)

    def _map_loaded(self) -> None:
        self.end_walk()  # another account: the walk was of the one before
        self.bar.hide()
        enabled = not self._document.read_only and self._document.account_id is not None
        for action in self.actions:
            action.setEnabled(enabled)

