"""The Letters tab in the main window: its menu commands, and nothing typed lost on closing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.letters.feature import LettersFeature
from contactmap_desktop.ui.letters.letters_tab import LettersTab
from tests.helpers.sample_workspace import sample_copy


def _feature(window: MainWindow) -> LettersFeature:
    feature = window.features.letters
    assert isinstance(feature, LettersFeature)
    return feature


def _texts(window: MainWindow, menu: str) -> list[str]:
    return [action.text() for action in window.menu(menu).actions()]


def test_the_sample_letter_is_in_its_tab_and_the_file_menu_prints_it(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    feature = _feature(sample_window)
    tabs = sample_window.tabs
    assert "&Letters" in [tabs.tabText(i) for i in range(tabs.count())]
    letter = feature.tab.current_letter()
    assert letter is not None and letter.subject.startswith("Route optimisation")
    assert "&Print Letter…" in _texts(sample_window, "&File")
    assert feature.print_action.isEnabled() and feature.export_action.isEnabled()
    printed: list[bytes] = []
    feature.tab.print_letter = lambda: printed.append(b"printed")  # type: ignore[method-assign]
    feature.print_action.trigger()
    assert printed == [b"printed"] and tabs.currentWidget() is feature.page


def test_the_preview_is_drawn_when_the_letters_tab_is_first_shown(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    """Opening a window or an account builds no letter PDF nobody is looking at."""
    preview = _feature(sample_window).tab.preview
    tab_bar = sample_window.tabs.tabBar()
    QApplication.processEvents()
    # Nothing asked for a drawing: the preview says so the moment one is asked for.
    assert preview.status.text() != "Updating the preview…"
    assert preview.pdf == b""

    letters = next(i for i in range(tab_bar.count()) if tab_bar.tabText(i) == "&Letters")
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(letters).center())

    qtbot.waitUntil(lambda: bool(preview.pdf), timeout=10_000)


def _click_letters_tab(qtbot: QtBot, window: MainWindow) -> None:
    tab_bar = window.tabs.tabBar()
    letters = next(i for i in range(tab_bar.count()) if tab_bar.tabText(i) == "&Letters")
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(letters).center())


def test_the_letters_tab_is_built_when_first_clicked_and_works(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    """A window opens without the Letters tab's widgets; a click on the tab builds them."""
    feature = _feature(sample_window)
    qtbot.waitExposed(sample_window)
    assert not feature.page.built and not sample_window.findChildren(LettersTab)

    _click_letters_tab(qtbot, sample_window)

    assert feature.page.built
    [tab] = sample_window.findChildren(LettersTab)
    qtbot.waitExposed(tab.list)
    assert tab.current_letter() is not None
    assert tab.current_letter().subject.startswith("Route optimisation")
    assert feature.print_action.isEnabled() and feature.export_action.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2
    qtbot.waitUntil(lambda: bool(tab.preview.pdf), timeout=10_000)


def test_letters_changed_before_the_tab_is_shown_are_in_it_when_it_is(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    feature = _feature(sample_window)
    document = sample_window.document
    letters = LetterService(document.opened.workspace)
    [letter] = letters.list_for_account(document.account_id or "")
    saved = letters.save(replace(letter, subject="Written while the tab was not shown"))
    document.apply(saved.changes)
    assert not feature.page.built

    _click_letters_tab(qtbot, sample_window)

    assert feature.tab.current_letter() is not None
    assert feature.tab.current_letter().subject == "Written while the tab was not shown"


def test_a_window_on_an_empty_workspace_offers_no_letter_to_print(
        qtbot: QtBot, window: MainWindow) -> None:
    feature = _feature(window)
    assert feature.tab.current_letter() is None
    assert not feature.print_action.isEnabled() and not feature.export_action.isEnabled()
    assert feature.tab.new_button.isEnabled()
    feature.tab.new_letter()
    assert feature.tab.current_letter() is not None and feature.print_action.isEnabled()
    window.document.undo_stack.undo()
    assert feature.tab.current_letter() is None


def test_closing_the_window_saves_what_was_just_typed(qtbot: QtBot, tmp_path: Path,
                                                      ui_settings: UiSettings) -> None:
    path = tmp_path / "sample.cmap"
    opened = open_workspace(sample_copy(path))
    window = build_window(opened, ui_settings)
    qtbot.addWidget(window)
    window.show()
    feature = _feature(window)
    subject = feature.tab.form.lines["subject"]
    subject.setFocus()
    subject.selectAll()
    qtbot.keyClicks(subject, "Typed just before closing")
    assert feature.tab.autosave.pending
    window.close()
    QApplication.processEvents()
    opened.close()
    reopened = open_workspace(path)
    try:
        account = reopened.accounts.list_accounts()[0]
        letters = LetterService(reopened.workspace).list_for_account(account.id)
        assert [letter.subject for letter in letters] == ["Typed just before closing"]
    finally:
        reopened.close()
