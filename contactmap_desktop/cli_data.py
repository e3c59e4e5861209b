"""The command-line commands that move data in and out: CSV, vCard and account files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from contactmap_desktop.cli_workspace import with_workspace
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.import_plan import Action
from contactmap_desktop.domain.line_ranges import compact_lines
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.csv_export import contact_map_rows, findings_rows, write_csv
from contactmap_desktop.services.csv_import import (
    ImportOptions,
    mapping_from_names,
    read_source_file,
)
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.storage.inbound_files import read_bounded

MAX_REASONS = 50
MAX_MAPPING_BYTES = 1024 * 1024


def _read_mapping(path: Path) -> tuple[dict[str, str], str]:
    try:
        loaded = json.loads(read_bounded(path, MAX_MAPPING_BYTES, "a mapping file")
                            .decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError(f"{path} is not valid JSON ({error}).") from None
    if not isinstance(loaded, dict):
        raise ValidationError(f"{path} must hold a JSON object.")
    columns = loaded.get("columns", loaded)
    company = loaded.get("company", "") if "columns" in loaded else ""
    if not isinstance(columns, dict) or not isinstance(company, str):
        raise ValidationError(f'{path}: "columns" must map header names to field names.')
    return {str(k): str(v) for k, v in columns.items()}, company


@with_workspace
def import_csv(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    account = opened.accounts.find_by_name(args.account)
    service = opened.services.imports
    source = service.read(read_source_file(args.file))
    fields, company = source.fields, ""
    if args.mapping is not None:
        columns, company = _read_mapping(args.mapping)
        fields = mapping_from_names(source.headers, columns)
    result = service.apply(source, account.id, ImportOptions(fields, company))
    plan = result.plan
    found = plan.format_name or "a CSV file of no known export"
    print(f"Read {found} ({source.table.encoding}, header on line {plan.header_line}).")
    print(f"Added {plan.added}, updated {plan.updated}, skipped {plan.skipped}.")
    links = result.links
    if links.grades or links.reporting or links.joined:
        print(f"Set {counted(len(links.grades), 'grade')} and "
              f"{counted(len(links.reporting), 'reporting line')}"
              + (f"; joined the team: {', '.join(m.name for m in links.joined)}"
                 if links.joined else "") + ".")
    for line, text in links.unknown_managers:
        print(f"reports to: line {line}: no one here is “{text}” (or it would make a loop); "
              "left out")
    for action in (Action.ADD, Action.UPDATE):
        if plan.lines(action):
            print(f"{action.value}: lines {compact_lines(plan.lines(action))}")
    skipped = [row for row in plan.rows if row.action is Action.SKIP]
    for row in skipped[:MAX_REASONS]:
        print(f"skip: line {row.line}: {row.reason}")
    if len(skipped) > MAX_REASONS:
        print(f"skip: … and {len(skipped) - MAX_REASONS} more")
    return 0


@with_workspace
def export_csv(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    account = opened.accounts.find_by_name(args.account)
    if args.findings:
        result = opened.services.findings.findings_for_account(account.id)
        write_csv(findings_rows(result.contact_map, result.findings), args.out)
        print(f"Wrote {counted(len(result.findings), 'finding')} to {args.out}.")
        return 0
    contact_map = opened.contact_maps.load_map(account.id)
    write_csv(contact_map_rows(contact_map), args.out)
    print(f"Wrote {counted(len(contact_map.stakeholders), 'stakeholder')} to {args.out}.")
    return 0


@with_workspace
def export_account(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    account = opened.accounts.find_by_name(args.account)
    counts = opened.services.exchange.export_account(account.id, args.out)
    # Section names are plurals ("team_members"): "name: count" reads right for any count.
    parts = ", ".join(f"{name.replace('_', ' ')}: {n}" for name, n in counts.items() if n)
    print(f"Wrote “{account.name}” to {args.out} ({parts or 'no people yet'}).")
    return 0


@with_workspace
def import_account(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    summary = opened.services.exchange.import_account(args.file)
    for line in summary.lines():
        print(line)
    return 0
