"""Cells a sync wrote are read off the window's thread and brought into the open map a few
at a time; a cell edited here meanwhile keeps what its own edit read."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pytest
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import Changes, grades_of
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.contact_map_service import CellState, ContactMapService
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.team.arrivals import Arrivals, Slices
from tests.helpers.builders import SmallMap


def _written_elsewhere(small_map: SmallMap, grades: dict[CellRef, Grade]) -> Changes:
    """Rows another connection wrote, as a sync does."""
    remote = Workspace.open(small_map.opened.path, create=False)
    try:
        service = ContactMapService(remote)
        return grades_of(service.set_grade(cell, grade).relationship.cell
                         for cell, grade in grades.items())
    finally:
        remote.close()


def test_arriving_cells_are_read_off_the_window_thread(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    document = window.document
    maps = document.opened.contact_maps
    readers: list[tuple[bool, bool]] = []
    read_cells = maps.read_cells

    def watched(cells: Iterable[CellRef], *, with_history: bool = True) -> list[CellState]:
        readers.append((threading.current_thread() is threading.main_thread(), with_history))
        return read_cells(cells, with_history=with_history)

    monkeypatch.setattr(maps, "read_cells", watched)
    arrivals = Arrivals(document, window)
    cells = [small_map.cell(r, c) for r in range(2) for c in range(3)]
    arrivals.arrive(_written_elsewhere(small_map, dict.fromkeys(cells, Grade.OPEN)))
    qtbot.waitUntil(lambda: not arrivals.busy)
    assert readers == [(False, False)]  # the window's map reads its history from the file
    assert document.contact_map is not None
    assert {document.contact_map.grade(cell) for cell in cells} == {Grade.OPEN}
    assert window.map_page.model.index(1, 2).data() == "O"


def test_a_cell_edited_here_while_arrivals_are_read_keeps_its_edit(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    document = window.document
    maps = document.opened.contact_maps
    read, go_on = threading.Event(), threading.Event()
    read_cells = maps.read_cells

    def slow(cells: Iterable[CellRef], *, with_history: bool = True) -> list[CellState]:
        states = read_cells(cells, with_history=with_history)  # handed over after the edit
        if threading.current_thread() is not threading.main_thread():  # not the edit's own
            read.set()
            go_on.wait(10)
        return states

    monkeypatch.setattr(maps, "read_cells", slow)
    arrivals = Arrivals(document, window)
    mine, other = small_map.cell(0, 0), small_map.cell(1, 1)
    arrivals.arrive(_written_elsewhere(small_map, {mine: Grade.TRUST, other: Grade.TRUST}))
    assert read.wait(10)
    window.map_page.set_grades({mine: Grade.SATISFIED})  # typed while the worker reads
    go_on.set()
    qtbot.waitUntil(lambda: not arrivals.busy)
    assert document.contact_map is not None
    assert document.contact_map.grade(mine) == Grade.SATISFIED
    assert document.contact_map.grade(other) == Grade.TRUST


def test_arrivals_are_applied_a_few_cells_per_turn(
        window: MainWindow, small_map: SmallMap) -> None:
    cells = [small_map.cell(r, c) for r in range(2) for c in range(3)]
    states = window.document.opened.contact_maps.read_cells(cells)
    slices = list(Slices(Changes(cells=frozenset(cells[:4]), marks=frozenset(cells)),
                         states, 4))
    assert [len(s.states) for s in slices] == [4, 2]
    assert frozenset().union(*(s.changes.marks for s in slices)) == frozenset(cells)
    assert frozenset().union(*(s.changes.cells for s in slices)) == frozenset(cells[:4])
