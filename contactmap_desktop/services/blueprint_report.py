"""Assembling the printed Contact Blueprints of an account: plans, names and grades from the map."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from contactmap_desktop.domain.reference import load_strategies
from contactmap_desktop.paths import resource
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.workspace_service import OpenWorkspace

if TYPE_CHECKING:  # ReportLab is imported when something is printed, not at start-up
    from contactmap_desktop.reports.blueprint_pdf import BlueprintsDocument


def blueprints_document(opened: OpenWorkspace, account_id: str,
                        clock: Clock = utc_now) -> BlueprintsDocument:
    from contactmap_desktop.reports.blueprint_pdf import BlueprintsDocument

    contact_map = opened.contact_maps.load_map(account_id)
    today = clock().date()
    summaries = opened.services.blueprints.summaries(contact_map, today)
    paper = opened.services.report_settings.paper_size()
    titles = {guide.strategy: guide.title
              for guide in load_strategies(resource("reference", "strategies.json"))}
    return BlueprintsDocument(contact_map.account.name, summaries, today, paper, titles)


def export_blueprints(opened: OpenWorkspace, account_id: str, out: Path,
                      clock: Clock = utc_now) -> None:
    from contactmap_desktop.reports.blueprint_pdf import write_blueprints_pdf

    write_blueprints_pdf(out, blueprints_document(opened, account_id, clock))
