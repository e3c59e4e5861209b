"""Assembling the printed Contact Map of an account (the map, its findings, today's date) and
the power map printed on its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace

if TYPE_CHECKING:  # ReportLab is imported when something is printed, not at start-up
    from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument


def contact_map_document(opened: OpenWorkspace, account_id: str) -> ContactMapDocument:
    from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument, MapFinding
    from contactmap_desktop.reports.power_map_pdf import PowerMapDocument

    settings = SettingsService(opened.workspace)
    findings = FindingsService(opened.contact_map, settings,
                               BlueprintService(opened.workspace).cells_with_blueprint)
    result = findings.findings_for_account(account_id)
    printed = [MapFinding(finding.severity.label.rstrip("s"), finding.message)
               for finding in result.findings]
    contact_map = result.contact_map
    # The org chart follows as a second section once there are people to chart.
    power_map = PowerMapDocument.from_map(contact_map) if contact_map.stakeholders else None
    return ContactMapDocument(contact_map, printed, findings.today(),
                              ReportSettings(settings).paper_size(), power_map)


def export_contact_map(opened: OpenWorkspace, account_id: str, out: Path) -> None:
    from contactmap_desktop.reports.contact_map_pdf import write_contact_map_pdf

    write_contact_map_pdf(out, contact_map_document(opened, account_id))


def export_power_map(opened: OpenWorkspace, contact_map: ContactMap, out: Path,
                     chain_from: str | None = None) -> int:
    """The power map alone, on landscape sheets of the workspace's paper size; page count."""
    from contactmap_desktop.reports.power_map_pdf import PowerMapDocument, write_power_map_pdf

    paper = ReportSettings(SettingsService(opened.workspace)).paper_size()
    document = PowerMapDocument.from_map(contact_map, chain_from)
    return write_power_map_pdf(out, document, paper.landscape)
