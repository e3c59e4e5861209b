"""The window's features, built in one place with the services each one needs.

To add a feature, write a class (or an ``install`` function) that takes the window and its
services in its constructor, build it here in the order of its docks and menu entries, and
let it redraw from ``MapDocument.changed``; features talk to each other only through what
they are given here.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactmap_desktop.services.workspace_services import WorkspaceServices
from contactmap_desktop.ui.appearance import feature as appearance_feature
from contactmap_desktop.ui.blueprints.feature import BlueprintFeature
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.coverage.feature import CoverageFeature
from contactmap_desktop.ui.coverage.review_feature import ReviewFeature
from contactmap_desktop.ui.data.feature import DataFeature
from contactmap_desktop.ui.data.map_export import MapExport
from contactmap_desktop.ui.grid import feature as grid_feature
from contactmap_desktop.ui.letters.feature import LettersFeature
from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature
from contactmap_desktop.ui.power_map.feature import PowerMapFeature
from contactmap_desktop.ui.safety import feature as safety_feature
from contactmap_desktop.ui.team.feature import TeamFeature


@dataclass(frozen=True)
class WindowFeatures:
    """The installed features, for the composition root's callers (tests, screenshots)."""

    coverage: CoverageFeature
    review: ReviewFeature
    blueprints: BlueprintFeature
    data: DataFeature
    power_map: PowerMapFeature
    map_export: MapExport
    letters: LettersFeature
    lifecycle: LifecycleFeature
    team: TeamFeature


def install_features(window: MainWindow, services: WorkspaceServices) -> WindowFeatures:
    grid_feature.install(window)
    coverage = CoverageFeature(window, services.findings, services.settings,
                               services.grade_notes)
    review = ReviewFeature(window, services.settings)
    blueprints = BlueprintFeature(window, services.blueprints)
    data = DataFeature(window, lambda: services.imports, lambda: services.exchange,
                       lambda: coverage.findings)
    safety_feature.install(window, services.backups)
    power_map = PowerMapFeature(window)
    map_export = MapExport(window)
    letters = LettersFeature(window, services.letters, services.report_settings)
    lifecycle = LifecycleFeature(window, services.lifecycle, services.agenda, services.blueprints,
                                 services.settings, letters.show_letter)
    team = TeamFeature(window, services.team)
    appearance_feature.install(window)
    return WindowFeatures(coverage, review, blueprints, data, power_map, map_export, letters,
                          lifecycle, team)
