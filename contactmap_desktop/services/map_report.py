"""Assembling the printed Contact Map of an account (the map, its findings, today's date) and
the power map printed on its own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.finding import Finding, Rule
from contactmap_desktop.services.workspace_service import OpenWorkspace

if TYPE_CHECKING:  # ReportLab is imported when something is printed, not at start-up
    from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument

# A printed map lists this many findings of each rule at most: a large account has thousands,
# which nobody reads on paper; the rest are counted under the list.
LISTED_PER_RULE = 12


def findings_to_list(findings: Sequence[Finding], per_rule: int = LISTED_PER_RULE
                     ) -> tuple[list[Finding], list[tuple[str, int]]]:
    """The findings a printout lists (the first ``per_rule`` of each rule, in their order)
    and, per rule in order of first appearance, what it leaves out."""
    listed: list[Finding] = []
    seen: Counter[Rule] = Counter()
    for finding in findings:
        seen[finding.rule] += 1
        if seen[finding.rule] <= per_rule:
            listed.append(finding)
    not_listed = [(rule.title, count - per_rule) for rule, count in seen.items()
                  if count > per_rule]
    return listed, not_listed


def contact_map_document(opened: OpenWorkspace, account_id: str) -> ContactMapDocument:
    from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument, MapFinding
    from contactmap_desktop.reports.power_map_pdf import PowerMapDocument

    findings = opened.services.findings
    result = findings.findings_for_account(account_id)
    listed, not_listed = findings_to_list(result.findings)
    printed = [MapFinding(finding.severity.label.rstrip("s"), finding.message)
               for finding in listed]
    contact_map = result.contact_map
    # The org chart follows as a second section once there are people to chart.
    power_map = PowerMapDocument.from_map(contact_map) if contact_map.stakeholders else None
    return ContactMapDocument(contact_map, printed, findings.today(),
                              opened.services.report_settings.paper_size(), power_map,
                              not_listed)


def export_contact_map(opened: OpenWorkspace, account_id: str, out: Path) -> None:
    from contactmap_desktop.reports.contact_map_pdf import write_contact_map_pdf
    from contactmap_desktop.reports.laid_paragraph import memory_of_its_own

    with memory_of_its_own():  # hundreds of pages, built once: nothing worth keeping
        write_contact_map_pdf(out, contact_map_document(opened, account_id))


def export_power_map(opened: OpenWorkspace, contact_map: ContactMap, out: Path,
                     chain_from: str | None = None) -> int:
    """The power map alone, on landscape sheets of the workspace's paper size; page count."""
    from contactmap_desktop.reports.power_map_pdf import PowerMapDocument, write_power_map_pdf

    paper = opened.services.report_settings.paper_size()
    document = PowerMapDocument.from_map(contact_map, chain_from)
    return write_power_map_pdf(out, document, paper.landscape)
