"""Screenshots: power map."""

from __future__ import annotations

from pathlib import Path

from shots.common import open_sample, save, window_on


def shoot_power_map(folder: Path) -> list[Path]:
    """The window on the sample account's power map with a chain shown, a card being dragged
    onto its new manager, a 200-person chart fitted, and the sample's chart in the dark
    scheme."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab
    from tests.helpers.org_charts import save_org, synthetic_org

    opened = open_sample(folder)
    big = save_org(opened, synthetic_org(200))
    window = window_on(opened, folder)
    try:
        window.resize(1440, 860)
        tab = window.features.power_map.tab
        assert isinstance(tab, PowerMapTab)
        window.show_tab(tab)
        contact_map = window.document.contact_map
        assert contact_map is not None
        by_name = {s.name: s.id for s in contact_map.stakeholders}
        window.show()
        QApplication.processEvents()
        tab.view.select(by_name["Ana Ruiz"])  # as a click would: the side panels follow
        shots = [save(window, "power-map", close=False)]
        tab.view.fit()
        start, end = (tab.view.mapFromScene(tab.scene.item(by_name[person])  # type: ignore
                                            .sceneBoundingRect().center())
                      for person in ("Ken Adeyemi", "Helena Vogt"))
        viewport = tab.view.viewport()
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(viewport, (start + end) / 2)
        QTest.mouseMove(viewport, end)
        shots.append(save(tab, "power-map-drag", close=False))
        QTest.keyClick(viewport, Qt.Key.Key_Escape)
        window.open_account(big)
        shots.append(save(window, "power-map-200"))
    finally:
        window.close()
        opened.close()
    return [*shots, shoot_dark_power_map(folder / "dark")]


def shoot_dark_power_map(folder: Path) -> Path:
    """The sample's power map on a computer set to dark, Ana Ruiz chosen as in power-map.png."""
    from contactmap_desktop.startup import create_qt_application
    from contactmap_desktop.ui.core.theme import ColorScheme, apply_color_scheme
    from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab
    from shots.appearance import sample_window

    app = create_qt_application()
    apply_color_scheme(app, ColorScheme.DARK)
    try:
        with sample_window(folder) as window:
            tab = window.features.power_map.tab
            assert isinstance(tab, PowerMapTab)
            window.show_tab(tab)
            contact_map = window.document.contact_map
            assert contact_map is not None
            ana = next(s.id for s in contact_map.stakeholders if s.name == "Ana Ruiz")
            tab.view.select(ana)
            return save(window, "power-map-dark", close=False)
    finally:
        apply_color_scheme(app, ColorScheme.SYSTEM)
