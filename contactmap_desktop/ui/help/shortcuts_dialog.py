"""Help ▸ Keyboard Shortcuts: every menu command with a shortcut, and the grid's keys."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

GRID_KEYS = [
    ("Arrow keys", "Move between cells"),
    ("T  O  S  I  D  M", "Grade the selected cells: Trust, Open, Satisfied, Indifferent, "
                         "Dissatisfied, Motivated to change"),
    ("Delete or Backspace", "Clear the grades of the selected cells"),
    ("Enter or double-click", "Pick a grade from a list"),
    ("Shift+arrows", "Select a block of cells"),
    ("K", "Mark or unmark the current cell as a key relationship"),
    ("N", "Mark or unmark a blank cell as needing a relationship"),
    ("Menu key or right-click",
     "The cell's marks: key, needs a relationship, focus, leverage, note, its blueprint"),
    ("F1", "What the selected cell's grade and buying roles mean"),
    ("Drag a header", "Move a stakeholder column or a team member row (saved, undoable)"),
    ("Esc in the find box", "Clear the filter and go back to the map"),
]


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {_plain(action)}")
            elif not action.shortcut().isEmpty():
                name = _plain(action)
                if name.startswith(("Undo ", "Redo ")):  # "Undo Set grade T for …"
                    name = name.split()[0]
                found.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                              f"{path} ▸ {name}"))

    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(action))
    return found


def _plain(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = GRID_KEYS + menu_shortcuts(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.verticalHeader().hide()
        for row, (keys, meaning) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(meaning))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 520)
