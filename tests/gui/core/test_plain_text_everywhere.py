"""User text is text in every view of the window: names full of markup are shown as typed.

Every text column of the sample account (account, people, team, titles, departments, notes,
letter and blueprint fields, the lifecycle) gets markup in front; the window then shows every
tab, panel and cell, and each string a widget would render as rich text must hold that
markup escaped. A label, tooltip or text item that took it for markup fails the test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.account_exchange import ExchangeSummary
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core import window_actions
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.plain_text import as_typed, escape
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.data.account_exchange_dialogs import ImportSummaryDialog

# Put in front of every text: bold, coloured, linked and an image, as a name could be.
MARKUP = ('<b>B</b><i>I</i><font color="red">F</font><a href="https://example.com/">A</a>'
          '<img src="{image}">')
# The markup as typed: found raw in a string rendered as rich text, it was obeyed.
RAW = ("<b>B</b>", "<b>B<i>I", "<i>I</i>", '<font color="red">', '<a href="https://example.com/">',
       '<img src="')

TEXT_COLUMNS = {
    "accounts": ["name", "industry", "notes"],
    "stakeholders": ["name", "title", "department", "notes", "email", "phone"],
    "team_members": ["name", "title"],
    "grade_changes": ["note"],
    "blueprints": ["tactics", "messages", "resources", "notes"],
    "sponsor_letters": ["subject", "addressee_name", "addressee_title", "addressee_company",
                        "sender_name", "sender_title", "signature", "current_method",
                        "results", "impact", "solution", "value", "closing_note"],
    "account_stage_changes": ["note"],
    "engagements": ["name", "notes"],
    "success_criteria": ["text"],
    "delivery_reviews": ["notes", "next_problem_1", "next_problem_2"],
    "commitments": ["what"],
    "metrics": ["name", "unit"],
    "review_meetings": ["notes"],
    "competitors": ["name", "pitch", "notes"],
}


def _rich(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text)


def _interpreted(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """True when ``text`` would be rendered as rich text with user markup still in it."""
    return _rich(text, text_format) and any(raw in text for raw in RAW)


def _where(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 4:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(chain))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _model_problems(model: QAbstractItemModel, where: str) -> Iterator[str]:
    roles = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = _columns(model, QModelIndex()) if orientation == Qt.Orientation.Horizontal \
            else model.rowCount(QModelIndex())
        for section in range(min(count, 200)):
            for role in roles:
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and _interpreted(value):
                    yield f"{where} header {section} {role.name}: {value[:80]}"
    pending = [QModelIndex()]
    seen = 0
    while pending and seen < 3000:
        parent = pending.pop()
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(min(_columns(model, parent), 50)):
                index = model.index(row, column, parent)
                seen += 1
                for role in roles:
                    value = index.data(role)
                    if isinstance(value, str) and _interpreted(value):
                        yield f"{where} [{row},{column}] {role.name}: {value[:80]}"
            child = model.index(row, 0, parent)
            if model.rowCount(child) > 0:
                pending.append(child)


def problems(window: MainWindow) -> list[str]:
    """Every place in the window (docks and tabs included) that renders user markup."""
    found: list[str] = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel) and _interpreted(widget.text(), widget.textFormat()):
            found.append(f"label {_where(widget)}: {widget.text()[:80]}")
        if _interpreted(widget.toolTip()):
            found.append(f"tooltip {_where(widget)}: {widget.toolTip()[:80]}")
        if isinstance(widget, QTextEdit):
            shown = widget.toPlainText()
            if "BIFA" in shown.replace("\ufffc", ""):
                found.append(f"text view {_where(widget)}: {shown[:80]}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found.extend(_model_problems(widget.model(), _where(widget)))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if _interpreted(item.toolTip()):
                    found.append(f"chart item tooltip: {item.toolTip()[:80]}")
                if isinstance(item, QGraphicsTextItem) and "BIFA" in item.toPlainText():
                    found.append(f"chart text: {item.toPlainText()[:80]}")
    return found


def _wrap_every_text(path: Path, markup: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for table, columns in TEXT_COLUMNS.items():
            assignments = ", ".join(f"{column} = ? || {column}" for column in columns)
            connection.execute(f"UPDATE {table} SET {assignments}", [markup] * len(columns))
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def hostile_window(qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings) -> Iterator[MainWindow]:
    path = tmp_path / "<b>B<i>I hostile.cmap"  # the status bar shows the path
    open_workspace(path, with_sample=True, backups_root=tmp_path / "backups").close()
    image = tmp_path / "tracker.png"
    image.write_bytes(b"")  # an image that loads would prove the markup was obeyed
    _wrap_every_text(path, MARKUP.format(image=image))
    opened = open_workspace(path, create=False, backups_root=tmp_path / "backups")
    window = build_window(opened, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    opened.close()


def test_markup_in_names_is_shown_as_typed_in_every_view(
        qtbot: QtBot, hostile_window: MainWindow) -> None:
    window = hostile_window
    window.open_first_account()
    document = window.document
    contact_map = document.contact_map
    assert contact_map is not None and contact_map.account.name.startswith("<b>B</b>")
    found = problems(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        found += problems(window)
        for member in contact_map.team_members[:3]:
            for stakeholder in contact_map.stakeholders:
                document.select_cell(CellRef(member.id, stakeholder.id))
            QApplication.processEvents()
            found += problems(window)
    assert sorted(set(found)) == []


def test_messages_and_dialogs_show_names_as_typed(
        qtbot: QtBot, hostile_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = hostile_window
    window.open_first_account()
    contact_map = window.document.contact_map
    assert contact_map is not None
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: shown.append(text) or no)
    window.report_error(f"No account named {contact_map.account.name}.")
    window_actions._delete_account(window)
    assert len(shown) == 2
    assert not any(_interpreted(text) for text in shown), shown
    dialog = ImportSummaryDialog(ExchangeSummary(contact_map.account.name, True), window)
    qtbot.addWidget(dialog)
    labels = dialog.findChildren(QLabel)
    assert labels and not any(_interpreted(label.text(), label.textFormat()) for label in labels)


@pytest.mark.parametrize("text", ['<img src="/dev/zero">', "<b>bold</b> & <a href='x'>l</a>",
                                  "Ann <font color=red>x</font>\nline two", "plain & simple"])
def test_the_helpers_never_leave_markup_for_qt_to_obey(text: str) -> None:
    shown = as_typed(text)
    if _rich(shown):
        assert not any(raw in shown for raw in ("<img", "<b>", "<a ", "<font"))
    else:
        assert shown == text
    assert "<" not in escape(text).replace("<br>", "")
