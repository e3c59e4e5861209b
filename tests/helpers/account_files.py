"""Two accounts in one workspace and their account files, for the inbound gate's tests."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from contactmap_desktop.cli_findings import findings_json
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder, TeamMember, new_id
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.inbound_rules import OWNERS, SETTINGS, references
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.account_sections import ACCOUNT_SECTIONS
from tests.helpers.sample_workspace import sample_copy

Document = dict[str, Any]


@dataclass(frozen=True)
class TwoAccounts:
    """A closed workspace holding the sample account and Acme Corp, and both as files."""

    workspace: Path
    northwind: Document
    acme: Document

    def copy_to(self, folder: Path) -> Path:
        """A fresh copy of the workspace, to import into."""
        target = folder / "w.cmap"
        shutil.copyfile(self.workspace, target)
        return target

    def file(self, folder: Path, document: Document, name: str = "in.cmacct") -> Path:
        path = folder / name
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    def documents(self) -> tuple[Document, Document]:
        """Copies of both files' contents, to change freely."""
        return copy.deepcopy(self.northwind), copy.deepcopy(self.acme)


def build_two_accounts(folder: Path) -> TwoAccounts:
    path = folder / "home.cmap"
    opened = open_workspace(sample_copy(path))
    acme = opened.accounts.create_account("Acme Corp", "Manufacturing").value
    ada = opened.contact_maps.add_stakeholder(Stakeholder(new_id(), acme.id, "Ada Power")).value
    opened.contact_maps.add_stakeholder(Stakeholder(new_id(), acme.id, "Uma User", position=1))
    rep = opened.contact_maps.add_team_member(acme.id, TeamMember(new_id(), "Rep One")).value
    opened.contact_maps.set_grade(CellRef(rep.id, ada.id), Grade.OPEN)
    opened.contact_maps.set_grade(CellRef(rep.id, ada.id), Grade.SATISFIED)
    exchange = AccountExchangeService(opened.workspace)
    documents = []
    for account in opened.accounts.list_accounts():
        file = folder / f"{account.id}.cmacct"
        exchange.export_account(account.id, file)
        documents.append((account.name, json.loads(file.read_text(encoding="utf-8"))))
    opened.close()
    by_name = dict(documents)
    acme_document = by_name.pop("Acme Corp")
    [northwind_document] = by_name.values()
    return TwoAccounts(path, northwind_document, acme_document)


def table_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: equal when nothing was changed."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                              key=repr)
                for table in tables}
    finally:
        connection.close()


def read_like_the_window(opened: OpenWorkspace, account_id: str | None = None) -> None:
    """Read every account (or one) as the window's services and the commands do; raises what
    they would raise on a value they cannot read."""
    workspace = opened.workspace
    settings = SettingsService(workspace)
    blueprints = BlueprintService(workspace)
    findings = FindingsService(opened.contact_maps, settings, blueprints.cells_with_blueprint)
    letters, agenda = LetterService(workspace), AgendaService(workspace)
    for setting in SETTINGS.values():
        settings.get(setting)
    for account in opened.accounts.list_accounts():
        if account_id is not None and account.id != account_id:
            continue
        result = findings.findings_for_account(account.id)
        findings_json(result, "today")
        blueprints.summaries(result.contact_map, date.today())
        for letter in letters.list_for_account(account.id):
            letter.checked()
        agenda.overview(account.id)
    if account_id is None:
        agenda.agenda()


def trimmed(document: Document, keep: int = 2) -> Document:
    """The file with at most ``keep`` records of each section (of the records whose ids it
    still holds), so that it stays whole: every record names only records kept."""
    result = copy.deepcopy(document)
    kept: dict[str, set[object]] = {"account": {document["account"]["id"]}}
    for section in ACCOUNT_SECTIONS:
        records: list[dict[str, Any]] = []
        for record in result["sections"].get(section.name, []):
            names = [(OWNERS[section.name][1], record[OWNERS[section.name][0]])] \
                if section.name in OWNERS else []
            names += [(target, ref) for column, target, _, is_list in references(section)
                      for ref in (json.loads(record[column]) if is_list and record[column]
                                  else [record[column]])]
            whole = section.name in ("team_members", "account_team")  # the team stays whole
            if all(ref is None or ref in kept.get(target, set()) for target, ref in names) \
                    and (whole or len(records) < keep):
                records.append(record)
        result["sections"][section.name] = records
        kept[section.name] = {r.get("id") for r in records}
    return result
