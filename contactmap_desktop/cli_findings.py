"""The ``findings`` command: an account's coverage findings as text or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from contactmap_desktop.cli_workspace import with_workspace
from contactmap_desktop.domain.finding import Finding, Severity, counts_by_severity
from contactmap_desktop.domain.grades import grade_letter
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.findings_service import AccountFindings
from contactmap_desktop.services.workspace_service import OpenWorkspace

# Bumped only when a field is removed or changes meaning; adding fields keeps it.
JSON_SCHEMA_VERSION = 1


@with_workspace
def findings(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    account = opened.accounts.find_by_name(args.account)
    service = opened.services.findings
    result = service.findings_for_account(account.id)
    if args.json:
        print(json.dumps(findings_json(result, service.today().isoformat()), indent=2,
                         ensure_ascii=False))
    else:
        print(summary_line(result))
        for finding in result.findings:
            print(f"{finding.severity.value:<8} {finding.message}")
    return 0


def summary_line(result: AccountFindings) -> str:
    counts = counts_by_severity(result.findings)
    # The labels are plurals ("Concerns"): the singular drops the "s".
    parts = [counted(counts[s], s.label.lower()[:-1], s.label.lower()) for s in Severity]
    return f"{result.contact_map.account.name}: {', '.join(parts)}"


def findings_json(result: AccountFindings, today: str) -> dict[str, Any]:
    counts = counts_by_severity(result.findings)
    return {
        "schema": JSON_SCHEMA_VERSION,
        "account": result.contact_map.account.name,
        "date": today,
        "thresholds": result.thresholds.to_json(),
        "counts": {severity.value: counts[severity] for severity in Severity},
        "findings": [_finding_json(result, finding) for finding in result.findings],
    }


def _finding_json(result: AccountFindings, finding: Finding) -> dict[str, Any]:
    contact_map = result.contact_map
    cells = []
    for cell in finding.cells:
        cells.append({
            "team_member": contact_map.team_member(cell.team_member_id).name,
            "team_member_id": cell.team_member_id,
            "stakeholder": contact_map.stakeholder(cell.stakeholder_id).name,
            "stakeholder_id": cell.stakeholder_id,
            "grade": grade_letter(contact_map.grade(cell)) or None,
        })
    columns = []
    for stakeholder_id in finding.stakeholder_ids:
        stakeholder = contact_map.stakeholder(stakeholder_id)
        columns.append({
            "stakeholder": stakeholder.name,
            "stakeholder_id": stakeholder_id,
            "roles": roles_to_badges(stakeholder.roles),
        })
    return {
        "rule": finding.rule.id,
        "severity": finding.severity.value,
        "message": finding.message,
        "cells": cells,
        "columns": columns,
    }
