"""Help ▸ User Guide opens the guide in the app, pictures included; every picture it names
exists and every menu command it names is in the window."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from contactmap_desktop.paths import user_guide_path
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.help.shortcuts_dialog import menu_shortcuts
from contactmap_desktop.ui.help.user_guide_dialog import MAX_IMAGE_WIDTH, UserGuideDialog

GUIDE = user_guide_path()


def test_every_picture_of_the_guide_exists() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(pictures) >= 10
    assert [p for p in pictures if not (GUIDE.parent / p).is_file()] == []


def test_help_user_guide_shows_the_guide_with_its_pictures(qtbot: QtBot,
                                                           sample_window: MainWindow) -> None:
    help_menu = sample_window.menu("&Help")
    entry = next(a for a in help_menu.actions() if a.text() == "&User Guide")
    entry.trigger()
    dialog = sample_window.findChild(UserGuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "The idea behind the map" in text and "Finding people" in text
    picture = dialog.browser.loadResource(int(QTextDocument.ResourceType.ImageResource),
                                          QUrl("screenshots/main-window.png"))
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.width() == MAX_IMAGE_WIDTH  # fitted to the text
    entry.trigger()  # again: the same window comes forward
    assert len(sample_window.findChildren(UserGuideDialog)) == 1


def test_menu_commands_named_in_the_guide_exist(sample_window: MainWindow) -> None:
    text = GUIDE.read_text(encoding="utf-8").replace("\n", " ")
    named = set(re.findall(r"\*\*(?:File|Edit|Account|Window|Help) ▸ ([^*…]+)", text))
    in_menus = set()
    for top in sample_window.menuBar().actions():
        for action in top.menu().actions():  # type: ignore[union-attr]
            in_menus.add(action.text().replace("&", "").rstrip("…"))
    missing = {n.strip() for n in named} - in_menus
    assert missing == set()
    assert menu_shortcuts(sample_window)  # the shortcuts page has something to list


def test_a_missing_guide_says_so(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = UserGuideDialog(tmp_path / "nothing.md")
    qtbot.addWidget(dialog)
    assert "missing" in dialog.browser.toPlainText()


def test_the_guide_covers_the_lifecycle_the_agenda_and_laptop_screens() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "## Lifecycle and the Agenda" in text and "**Agenda**" in text
    for picture in ("main-window-1280x800.png", "main-window-1366x768.png",
                    "lifecycle-window.png", "agenda.png"):
        assert f"(screenshots/{picture})" in text
        image = QImage(str(GUIDE.parent / "screenshots" / picture))
        assert not image.isNull()
    # The laptop pictures are the window as it opens on those screens: inside them.
    assert QImage(str(GUIDE.parent / "screenshots" / "main-window-1280x800.png")).width() <= 1280
    assert QImage(str(GUIDE.parent / "screenshots" / "main-window-1366x768.png")).height() <= 768


def test_the_status_bar_shows_a_workspace_at_home_as_a_short_path(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from contactmap_desktop.ui.core.main_window import shown_path

    monkeypatch.setenv("HOME", str(tmp_path))
    assert shown_path(tmp_path / "Documents" / "Acme.cmap") == str(
        Path("~") / "Documents" / "Acme.cmap")
    assert shown_path(Path("/srv/plans/Acme.cmap")) == "/srv/plans/Acme.cmap"
