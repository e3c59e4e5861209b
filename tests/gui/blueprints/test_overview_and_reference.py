"""The blueprints overview (model, sorting, overdue rows, going to a cell) and the reference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.blueprints import BlueprintStatus, Strategy
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.ui.blueprints.overview_model import DUE, STAKEHOLDER
from contactmap_desktop.ui.blueprints.reference_panel import ReferencePanel
from contactmap_desktop.ui.core.roles import OverviewRole
from tests.gui.blueprints.conftest import Desk
from tests.gui.blueprints.test_strategy_panel import _views
from tests.helpers.pdf_checks import needs_poppler, pdf_text


def _plan(desk: Desk, row: int, column: int, **fields: object) -> None:
    from dataclasses import replace

    draft = desk.service.draft(desk.small.cell(row, column))
    desk.service.create(replace(draft, **fields))  # type: ignore[arg-type]


@pytest.fixture
def planned(desk: Desk) -> Desk:
    _plan(desk, 0, 0, due=date(2026, 3, 10), strategies=(Strategy.LIKING,))
    _plan(desk, 0, 1, due=date(2026, 4, 1), goal=Grade.SATISFIED)
    _plan(desk, 1, 2, status=BlueprintStatus.DROPPED, goal=Grade.OPEN,
          closed_reason="Moved to another division")
    return desk


def test_the_overview_model_passes_the_model_tester_and_marks_overdue_rows(
        qtmodeltester: ModelTester, qtbot: QtBot, planned: Desk) -> None:
    views = _views(qtbot, planned, today=date(2026, 3, 22))  # the first plan is overdue
    qtmodeltester.check(views.overview.model)
    views.show_map(planned.contact_map())
    model = views.overview.model
    assert model.rowCount() == 3
    rows = {model.index(r, STAKEHOLDER).data(): r for r in range(3)}
    ada = rows["Ada Power"]
    assert model.index(ada, DUE).data() == "2026-03-10 · overdue"
    assert model.index(ada, 0).data(OverviewRole.OVERDUE) is True
    assert model.index(ada, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(rows["Uma User"], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "1 overdue" in views.overview.count.text()


def test_sorting_by_due_date_puts_undated_plans_last(qtbot: QtBot, planned: Desk) -> None:
    views = _views(qtbot, planned)
    views.show_map(planned.contact_map())
    table = views.overview.table
    table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    proxy = views.overview.proxy
    names = [proxy.index(r, STAKEHOLDER).data() for r in range(proxy.rowCount())]
    assert names == ["Ada Power", "Uma User", "Abe Advisor"]
    table.sortByColumn(STAKEHOLDER, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, STAKEHOLDER).data() == "Abe Advisor"


def test_double_click_on_a_row_goes_to_its_relationship(qtbot: QtBot, planned: Desk) -> None:
    views = _views(qtbot, planned)
    views.overview.resize(700, 300)
    views.overview.show()
    qtbot.waitExposed(views.overview)
    views.show_map(planned.contact_map())
    table = views.overview.table
    table.sortByColumn(STAKEHOLDER, Qt.SortOrder.AscendingOrder)
    row = next(r for r in range(3) if views.overview.proxy.index(r, 0).data() == "Uma User")
    rect = table.visualRect(views.overview.proxy.index(row, 0))
    with qtbot.waitSignal(views.cell_activated) as signal:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [planned.small.cell(0, 1)]


@needs_poppler
def test_export_writes_the_accounts_blueprints(qtbot: QtBot, planned: Desk, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    views = _views(qtbot, planned)
    views.show_map(planned.contact_map())
    out = tmp_path / "plans.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args: (str(out), ""))
    qtbot.mouseClick(views.overview.export, Qt.MouseButton.LeftButton)
    text = pdf_text(out)
    assert "Contact Blueprints — Acme Corp" in text and "Blueprint — Uma User" in text


def test_the_reference_lists_roles_and_grades_and_finds_words(qtbot: QtBot, desk: Desk) -> None:
    panel = ReferencePanel(desk.reference)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    text = panel.text.toPlainText()
    for guide in desk.reference.roles:
        assert guide.name in text and guide.look_for[0] in text
    for grade in desk.reference.grades:
        assert grade.definition in text
    panel.show_grade(Grade.DISSATISFIED)
    assert panel.text.verticalScrollBar().value() > 0
    panel.show_role(BuyingRole.POWER)
    top = panel.text.verticalScrollBar().value()
    qtbot.keyClicks(panel.search, "indifferent")
    assert panel.text.textCursor().selectedText().lower() == "indifferent"
    first = panel.text.textCursor().position()
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.text.textCursor().position() != first
    assert panel.text.verticalScrollBar().value() != top or first > 0
    qtbot.keyClicks(panel.search, "qqq")
    assert panel.result.text() == "not found"
