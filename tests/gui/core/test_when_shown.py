"""Work asked for out of sight waits until its widget is shown, and is done once."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.when_shown import WhenShown


def test_work_waits_for_the_widget_to_be_shown_and_runs_once(qtbot: QtBot) -> None:
    done: list[bool] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    when_shown = WhenShown(widget, lambda: done.append(widget.isVisible()))

    when_shown.request()
    when_shown.request()
    assert done == []
    widget.show()
    assert done == [True]

    when_shown.request()  # on screen: at once
    assert done == [True, True]
    widget.hide()
    widget.show()  # nothing was asked for meanwhile
    assert done == [True, True]


class _Panel(QWidget):
    """A panel as ours are built: its work is its own method, and it has children."""

    def __init__(self) -> None:
        super().__init__()
        self.when_shown = WhenShown(self, self.draw)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("a"))
        layout.addWidget(QLabel("b"))

    def draw(self) -> None:
        pass


def test_a_panel_collected_as_garbage_is_torn_down_quietly(qtbot: QtBot) -> None:
    """The panel and its WhenShown refer to each other, so the garbage collector frees them:
    it clears the WhenShown's attributes first, and the panel's destructor then sends its
    last events (children removed) through the filter still installed."""
    panel = _Panel()
    panel.show()
    panel.close()
    del panel
    with qtbot.captureExceptions() as raised:
        gc.collect()
    assert raised == []



def test_a_panel_tabbed_behind_another_works_once_its_tab_is_chosen(qtbot: QtBot) -> None:
    """Qt keeps a panel behind another tab visible, with none of it on screen, and sends it
    no Show when its tab is chosen: its dock says so instead."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("centre"))
    done: list[str] = []
    docks = []
    for name in ("front", "behind"):
        panel = QLabel(name)
        when_shown = WhenShown(panel, lambda name=name: done.append(name))
        dock = QDockWidget(name, window)
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append((dock, when_shown))
    window.tabifyDockWidget(docks[0][0], docks[1][0])
    docks[0][0].raise_()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: docks[1][0].widget().visibleRegion().isEmpty())
    for _dock, when_shown in docks:
        when_shown.request()
    assert done == ["front"]
    assert docks[1][1].pending

    docks[1][0].raise_()
    qtbot.waitUntil(lambda: done == ["front", "behind"])
