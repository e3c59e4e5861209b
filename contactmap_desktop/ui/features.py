"""The window's features, each installed by one function: docks, tabs, menu commands.

To add a feature, write ``install(window: MainWindow) -> None`` in its own module and list
it here; the order is the order of docks and menu entries.
"""

from __future__ import annotations

from collections.abc import Callable

from contactmap_desktop.ui import (
    appearance_feature,
    coverage_feature,
    data_feature,
    grid_feature,
    map_export_feature,
    review_feature,
    safety_feature,
    team_feature,
)
from contactmap_desktop.ui.blueprints import feature as blueprint_feature
from contactmap_desktop.ui.letters import letters_feature
from contactmap_desktop.ui.lifecycle import feature as lifecycle_feature
from contactmap_desktop.ui.main_window import MainWindow
from contactmap_desktop.ui.power_map import power_map_feature

Installer = Callable[[MainWindow], None]

INSTALLERS: list[Installer] = [
    grid_feature.install,
    coverage_feature.install,
    review_feature.install,
    blueprint_feature.install,
    data_feature.install,
    safety_feature.install,
    power_map_feature.install,
    map_export_feature.install,
    letters_feature.install,
    lifecycle_feature.install,
    team_feature.install,
    appearance_feature.install,
]
