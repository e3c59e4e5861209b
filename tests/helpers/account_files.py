"""Two accounts in one workspace and their account files, for the inbound gate's tests."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder, TeamMember, new_id
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.workspace_service import open_workspace
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
    acme = opened.accounts.create_account("Acme Corp", "Manufacturing")
    ada = opened.contact_map.add_stakeholder(Stakeholder(new_id(), acme.id, "Ada Power"))
    opened.contact_map.add_stakeholder(Stakeholder(new_id(), acme.id, "Uma User", position=1))
    rep = opened.contact_map.add_team_member(acme.id, TeamMember(new_id(), "Rep One"))
    opened.contact_map.set_grade(CellRef(rep.id, ada.id), Grade.OPEN)
    opened.contact_map.set_grade(CellRef(rep.id, ada.id), Grade.SATISFIED)
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
