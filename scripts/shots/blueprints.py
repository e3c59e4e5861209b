"""Screenshots: blueprints."""

from __future__ import annotations

from pathlib import Path

from shots.common import OUT, save


def shoot_blueprints(folder: Path) -> list[Path]:
    """The Blueprint, strategies, reference and overview panels on the sample's own plans,
    and two pages of the PDF."""
    import subprocess
    from datetime import datetime, timedelta

    from PySide6.QtGui import QUndoStack

    from contactmap_desktop.domain.blueprints import Strategy
    from contactmap_desktop.domain.grades import Grade
    from contactmap_desktop.domain.reference import load_reference
    from contactmap_desktop.paths import resource
    from contactmap_desktop.services.blueprint_report import export_blueprints
    from contactmap_desktop.services.blueprint_service import BlueprintService
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.blueprints.views import BlueprintViews
    from contactmap_desktop.ui.core.edit_runner import EditRunner

    moment = datetime(2026, 3, 2, 9, 30)
    opened = open_workspace(folder / "Sample.cmap", clock=lambda: moment, with_sample=True,
                            backups_root=folder / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        service = BlueprintService(opened.workspace, lambda: moment)
        contact_map = opened.contact_maps.load_map(account.id)
        # The sample's own plans, as a new user finds them: the COO's is shown in the panel.
        helena = next(s.id for s in contact_map.stakeholders if s.name == "Helena Vogt")
        main = next(b.main_cell for b in service.list_for_account(account.id)
                    if b.stakeholder_id == helena)
        stack = QUndoStack()
        today = moment.date() + timedelta(days=10)
        # Nothing is edited here: no change set to pass on.
        runner = EditRunner(stack, print, lambda _changes: None)
        views = BlueprintViews(service, runner, lambda: load_reference(
            resource("reference")), lambda: today, lambda a, out: export_blueprints(
            opened, a, out))
        views.show_map(contact_map)
        views.show_cell(main)
        # Each panel as its dock holds it, built as it is shown.
        views.panel_page.resize(420, 930)  # all of it, "Why closed" included, no scrolling
        views.strategies.select(Strategy.SOCIAL_PROOF)
        views.strategies_page.resize(420, 640)
        views.reference_page.resize(460, 640)
        views.reference.show_grade(Grade.OPEN)
        views.overview_page.resize(820, 240)  # the Blueprints tab, built as it is shown
        shots = [save(views.panel_page, "blueprint-panel"),
                 save(views.strategies_page, "strategies-panel"),
                 save(views.reference_page, "reference-panel"),
                 save(views.overview_page, "blueprints-overview")]
        pdf = folder / "blueprints.pdf"
        export_blueprints(opened, account.id, pdf, clock=lambda: datetime(2026, 3, 12, 9))
        page = OUT / "blueprints-pdf-plan"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "3", "-l", "3", "-singlefile",
                        str(pdf), str(page)], check=True)
        overview_page = OUT / "blueprints-pdf-overview"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(overview_page)], check=True)
        stack.clear()
        return [*shots, page.with_suffix(".png"), overview_page.with_suffix(".png")]
    finally:
        opened.close()
