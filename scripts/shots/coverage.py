"""Screenshots: coverage."""

from __future__ import annotations

from pathlib import Path

from shots.common import save


def shoot_coverage(folder: Path) -> list[Path]:
    """Findings, grade history with the timeline, cell details, Preferences ▸ Coverage."""
    from datetime import datetime, timedelta

    from contactmap_desktop.domain.cell_details import cell_details
    from contactmap_desktop.domain.grade_timeline import account_timeline
    from contactmap_desktop.services.blueprint_service import BlueprintService
    from contactmap_desktop.services.findings_service import FindingsService
    from contactmap_desktop.services.settings_service import SettingsService
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.core.preferences_dialog import CoveragePage, PreferencesDialog
    from contactmap_desktop.ui.coverage.cell_details_panel import CellDetailsPanel
    from contactmap_desktop.ui.coverage.findings_panel import FindingsPanel
    from contactmap_desktop.ui.coverage.history_panel import HistoryPanel

    # Each write of the sample happens four days after the one before, so the history spans
    # months, some reviews go stale, and the timeline has something to show.
    moment = [datetime(2026, 1, 5, 9, 30)]

    def clock() -> datetime:
        moment[0] += timedelta(days=4)
        return moment[0]

    opened = open_workspace(folder / "Sample.cmap", clock=clock, with_sample=True,
                            backups_root=folder / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        service = FindingsService(opened.contact_maps, SettingsService(opened.workspace),
                                  BlueprintService(opened.workspace).cells_with_blueprint,
                                  clock=lambda: moment[0] + timedelta(days=40))
        result = service.findings_for_account(account.id)
        contact_map = result.contact_map
        findings = FindingsPanel()
        findings.show_findings(result.findings)
        findings.resize(460, 560)
        cell = next(r.cell for r in contact_map.relationships.values() if r.is_key
                    and len(contact_map.history_of(r.cell)) > 1)
        history = HistoryPanel()
        history.show_cell(contact_map, cell)
        history.show_timeline(contact_map, account_timeline(contact_map))
        history.resize(460, 420)
        details = CellDetailsPanel()
        details.show_details(cell_details(contact_map, cell, service.today()))
        details.resize(460, 300)
        preferences = PreferencesDialog([CoveragePage(SettingsService(opened.workspace))])
        return [
            save(findings, "findings-panel"),
            save(history, "grade-history-panel"),
            save(details, "cell-details-panel"),
            save(preferences, "preferences-coverage"),
        ]
    finally:
        opened.close()


def shoot_weekly_review(folder: Path) -> list[Path]:
    """The window on the sample with the weekly review's bar at its first cell."""
    from datetime import datetime, timedelta

    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.coverage.review_feature import ReviewFeature
    from shots.common import window_on

    # The sample was graded four months ago, so every grade is due for a look today. It is
    # kept as a user would keep it: the status bar shows "~/Documents/…", not a temporary path.
    path = Path.home() / "Documents" / "Sample.cmap"  # home: the run's own (screenshots.py)
    path.parent.mkdir(parents=True, exist_ok=True)
    open_workspace(path, with_sample=True, clock=lambda: datetime.now() - timedelta(days=120),
                   backups_root=folder / "backups").close()
    opened = open_workspace(path, backups_root=folder / "backups")
    try:
        window = window_on(opened, folder)
        window.resize(1280, 800)
        feature = window.features.review
        assert isinstance(feature, ReviewFeature)
        window.show()
        feature.start_walk()
        return [save(window, "weekly-review")]
    finally:
        opened.close()
