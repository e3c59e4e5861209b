"""A small map in a workspace, its blueprint service, one undo stack and a runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.reference import Reference, load_reference
from contactmap_desktop.paths import resource
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.core.edit_runner import EditRunner
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock


@dataclass
class Desk:
    small: SmallMap
    service: BlueprintService
    stack: QUndoStack
    runner: EditRunner
    reference: Reference
    clock: FakeClock
    reported: list[str] = field(default_factory=list)
    # What the window would do with each change set (tests add their panel's refresh).
    on_changes: list[Callable[[Changes], None]] = field(default_factory=list)

    def contact_map(self):  # type: ignore[no-untyped-def]
        return self.small.opened.contact_maps.load_map(self.small.account.id)


@pytest.fixture
def desk(tmp_path: Path, qapp: object) -> Iterator[Desk]:
    small = build_small_map(tmp_path / "work.cmap")
    small.opened.contact_maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
    small.opened.contact_maps.set_grade(small.cell(1, 0), Grade.INDIFFERENT)
    clock = FakeClock(datetime(2026, 3, 2, 9, 0))
    reported: list[str] = []
    on_changes: list[Callable[[Changes], None]] = []
    stack = QUndoStack()

    def deliver(changes: Changes) -> None:
        for listener in on_changes:
            listener(changes)

    desk = Desk(small, BlueprintService(small.opened.workspace, clock), stack,
                EditRunner(stack, reported.append, deliver),
                load_reference(resource("reference")), clock, reported, on_changes)
    yield desk
    stack.clear()
    small.opened.close()


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (the box only reacts on its indicator and text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
