"""Screenshots: blueprints."""

from __future__ import annotations

from pathlib import Path

from shots.common import OUT, save


def shoot_blueprints(folder: Path) -> list[Path]:
    """The Blueprint, strategies, reference and overview panels, and a page of the PDF."""
    import subprocess
    from dataclasses import replace as dc_replace
    from datetime import date, datetime, timedelta

    from PySide6.QtGui import QUndoStack

    from contactmap_desktop.domain.blueprints import BlueprintStatus, Strategy
    from contactmap_desktop.domain.grades import Grade
    from contactmap_desktop.domain.reference import load_reference
    from contactmap_desktop.paths import resource
    from contactmap_desktop.services.blueprint_report import export_blueprints
    from contactmap_desktop.services.blueprint_service import BlueprintService
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.blueprints.views import BlueprintViews
    from contactmap_desktop.ui.edit_runner import EditRunner

    moment = datetime(2026, 3, 2, 9, 30)
    opened = open_workspace(folder / "Sample.cmap", clock=lambda: moment, with_sample=True,
                            backups_root=folder / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        service = BlueprintService(opened.workspace, lambda: moment)
        contact_map = opened.contact_map.load_map(account.id)
        graded = sorted(contact_map.graded(), key=lambda r: (not r.is_key, r.grade.level
                                                            if r.grade else 0))
        plans = [
            dict(strategies=(Strategy.COMMITMENT, Strategy.SOCIAL_PROOF),
                 tactics="Offer a four-week pilot on two depots with agreed success criteria.",
                 messages="Fewer missed deliveries & lower fuel cost per route.",
                 resources="Our head of logistics analytics; the Rotterdam case study.",
                 due=date(2026, 3, 20), status=BlueprintStatus.IN_PROGRESS),
            dict(strategies=(Strategy.RECIPROCITY,), due=date(2026, 4, 15),
                 tactics="Share the benchmark of route planning costs in the sector."),
            dict(strategies=(Strategy.AUTHORITY,), due=date(2026, 3, 9),
                 status=BlueprintStatus.PLANNED),
        ]
        for relationship, fields in zip(graded, plans, strict=False):
            service.create(dc_replace(service.draft(relationship.cell), **fields))
        main = graded[0].cell
        stack = QUndoStack()
        today = moment.date() + timedelta(days=10)  # the third plan is overdue by then
        views = BlueprintViews(service, EditRunner(stack, print), load_reference(
            resource("reference")), lambda: today, lambda a, out: export_blueprints(
            opened, a, out))
        views.show_map(contact_map)
        views.show_cell(main)
        form = views.panel.form
        form.goal.setCurrentIndex(form.goal.findData(Grade.TRUST))
        form.goal.activated.emit(form.goal.currentIndex())  # shows the gentle warning
        views.panel.resize(420, 900)
        views.strategies.select(Strategy.SOCIAL_PROOF)
        views.strategies.resize(420, 640)
        views.reference.resize(460, 640)
        views.reference.show_grade(Grade.OPEN)
        views.overview.resize(820, 240)
        shots = [save(views.panel, "blueprint-panel"),
                 save(views.strategies, "strategies-panel"),
                 save(views.reference, "reference-panel"),
                 save(views.overview, "blueprints-overview")]
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
