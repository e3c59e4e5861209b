"""The coverage findings of an account: the map, the thresholds in settings and today's date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Finding
from contactmap_desktop.domain.findings import coverage_findings
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.gc_pause import gc_paused
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.settings_service import SettingsService

# account id → cells that have a blueprint. None (the default) until blueprints exist, so the
# key-without-blueprint rule stays silent rather than flag every key cell.
BlueprintCells = Callable[[str], frozenset[CellRef]]


@dataclass(frozen=True)
class AccountFindings:
    contact_map: ContactMap
    thresholds: CoverageThresholds
    findings: list[Finding]


class FindingsService:
    def __init__(
        self,
        contact_maps: ContactMapService,
        settings: SettingsService,
        blueprint_cells: BlueprintCells | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._contact_maps = contact_maps
        self._settings = settings
        self._blueprint_cells = blueprint_cells
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    def thresholds(self) -> CoverageThresholds:
        return self._settings.coverage_thresholds()

    def blueprint_cells(self, account_id: str) -> frozenset[CellRef] | None:
        return None if self._blueprint_cells is None else self._blueprint_cells(account_id)

    def findings_for_map(
        self, contact_map: ContactMap, thresholds: CoverageThresholds | None = None,
        keep_going: Callable[[], None] = lambda: None,
    ) -> list[Finding]:
        """Findings of a map already in memory (the window's), without reloading it;
        ``keep_going`` as in ``coverage_findings``."""
        thresholds = thresholds or self.thresholds()
        cells_with_blueprint = self.blueprint_cells(contact_map.account.id)
        with gc_paused():  # thousands of findings at once, none of them in a cycle
            return coverage_findings(contact_map, thresholds, self.today(),
                                     cells_with_blueprint, keep_going)

    def findings_for_account(self, account_id: str) -> AccountFindings:
        contact_map = self._contact_maps.load_map(account_id)
        thresholds = self.thresholds()
        return AccountFindings(contact_map, thresholds,
                               self.findings_for_map(contact_map, thresholds))
