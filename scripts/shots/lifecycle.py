"""The Lifecycle tab, a post-delivery review being recorded, and the Agenda."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from shots.common import open_sample, save, wait_until, window_on

if TYPE_CHECKING:
    from contactmap_desktop.ui.core.main_window import MainWindow
    from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature


def shoot_lifecycle(folder: Path) -> list[Path]:
    """The Lifecycle tab on the sample account (engagements, commitments, the metric chart,
    reviews and competitors), a post-delivery review being recorded, the Agenda, and the
    sponsor letter an agenda milestone opened."""
    from PySide6.QtWidgets import QApplication

    from contactmap_desktop.ui.lifecycle.engagement_dialogs import ReviewDialog
    from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature

    opened = open_sample(folder)
    window = window_on(opened, folder)
    try:
        window.resize(1440, 900)
        feature = window.features.lifecycle
        assert isinstance(feature, LifecycleFeature)
        tab = feature.tab
        window.show_tab(tab)
        window.show()
        QApplication.processEvents()  # the docks are arranged when the window first shows
        feature.agenda_dock.raise_()
        states = {s.engagement.name: s.engagement.id for s in tab.engagements.model.records()}
        tab.show_engagement(states["Route optimisation pilot"])
        panel = tab.engagement_panel
        panel.setCurrentIndex(1)
        shots = [save(window, "lifecycle-window", close=False)]
        panel.setCurrentIndex(2)
        panel.metrics.view.selectRow(1)
        shots.append(save(tab, "lifecycle-metrics", close=False))
        tab.show_engagement(states["Depot planning assessment"])
        panel.setCurrentIndex(0)
        shots.append(save(tab, "lifecycle-reviews", close=False))
        dialog = ReviewDialog(tab.context, states["Depot planning assessment"], None, tab)
        dialog.stakeholder.setCurrentText("Helena Vogt")
        dialog.problems[0].setText("Peak-season staffing is planned on paper")
        dialog.problems[1].setText("Customs paperwork holds trucks at the border")
        shots.append(save(dialog, "lifecycle-review-dialog"))
        tab.pages.setCurrentIndex(1)
        shots.append(save(tab, "lifecycle-account", close=False))
        feature.agenda.resize(900, 260)
        shots.append(save(feature.agenda, "agenda", close=False))
        shots.append(_milestone_opened(window, feature))
        return shots
    finally:
        window.close()
        opened.close()


def _milestone_opened(window: MainWindow, feature: LifecycleFeature) -> Path:
    """The agenda looks a month ahead, so the letter's next steps are due in it; the first
    one is activated as a user would (a click, then Enter) and the letter opens at that step."""
    from dataclasses import replace

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from contactmap_desktop.domain.agenda import AgendaKind
    from contactmap_desktop.domain.changes import SETTINGS
    from contactmap_desktop.services.settings_service import LIFECYCLE_SETTINGS, SettingsService

    settings = SettingsService(window.document.opened.workspace)
    settings.set(LIFECYCLE_SETTINGS, replace(settings.get(LIFECYCLE_SETTINGS), agenda_days=30))
    window.document.apply(SETTINGS)  # as Preferences does: every view reads the settings
    window.show_tab(window.map_page)
    table = feature.agenda.view
    row = next(r for r, item in enumerate(feature.agenda.model.records())
               if item.kind is AgendaKind.MILESTONE)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(feature.agenda.model.index(row, 0)).center())
    letters = window.features.letters.tab
    drawn: list[int] = []
    letters.preview.updated.connect(drawn.append)
    QTest.keyClick(table, Qt.Key.Key_Return)
    wait_until(lambda: bool(drawn), lambda: letters.preview.status.text())
    for _ in range(20):  # the new pages' layout settles over a few rounds of events
        QApplication.processEvents()
    return save(window, "agenda-letter", close=False)
