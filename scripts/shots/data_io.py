"""Screenshots: data io."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from shots.common import save, wait_until


def shoot_data_io(folder: Path) -> list[Path]:
    """File ▸ Import with a LinkedIn export, and the summary of an account import."""
    from dataclasses import replace as dc_replace
    from datetime import datetime, timedelta

    from contactmap_desktop.domain.grades import Grade
    from contactmap_desktop.domain.model import CellRef
    from contactmap_desktop.services.account_exchange import AccountExchangeService
    from contactmap_desktop.services.csv_import import CsvImportService
    from contactmap_desktop.services.sample_account import create_sample_account
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.data.account_exchange_dialogs import ImportSummaryDialog
    from contactmap_desktop.ui.data.import_dialog import ImportDialog
    from tests.helpers import contact_exports

    app = QApplication.instance()
    assert app is not None
    moment = [datetime(2026, 11, 20, 9, 30)]
    opened = open_workspace(folder / "sample.cmap", clock=lambda: moment[0])
    account_id = create_sample_account(opened.accounts, opened.contact_maps)
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
             "Connected On"],
            ["Helena", "Vogt", "", "helena.vogt@northwind.example", "Northwind Logistics",
             "Chief Operating Officer", "03 Feb 2024"],
            ["Nadia", "Haddad", "", "", "Northwind Logistics", "Head of Procurement",
             "12 Mar 2023"],
            ["Oskar", "Lund", "", "", "Northwind Logistics", "Fleet Analyst", "01 Jan 2022"],
            ["美玲", "陈", "", "", "Northwind Logistics", "VP Finance 🚚", "05 May 2021"],
            ["Tom", "O'Neil", "", "tom@other.example", "Globex", "CEO", "09 Sep 2020"]]
    data = (contact_exports.LINKEDIN_PREAMBLE + contact_exports.to_csv(rows)).encode("utf-8-sig")
    dialog = ImportDialog(CsvImportService(opened.workspace), account_id,
                          "Northwind Logistics", data, "Connections.csv")
    dialog.show()
    wait_until(lambda: dialog.plan is not None and not dialog.busy, dialog.error_label.text)
    dialog.company_box.setCurrentText("Northwind")
    wait_until(lambda: not dialog.busy and "add 3," in dialog.counts_label.text(),
          dialog.counts_label.text)
    shots = [save(dialog, "import-stakeholders")]

    # Two laptops grade the same relationship differently: the import reports it, with the
    # other laptop's newer team order.
    service = AccountExchangeService(opened.workspace, lambda: moment[0])
    file = folder / "northwind.cmacct"
    service.export_account(account_id, file)
    other = open_workspace(folder / "other.cmap", clock=lambda: moment[0])
    other_service = AccountExchangeService(other.workspace, lambda: moment[0])
    other_service.import_account(file)
    contact_map = opened.contact_maps.load_map(account_id)
    cell = CellRef(contact_map.team_members[0].id, contact_map.stakeholders[0].id)
    moment[0] += timedelta(hours=1)
    other.contact_maps.set_grade(cell, Grade.OPEN)
    helena = other.contact_maps.load_map(account_id).stakeholders[0]
    other.contact_maps.update_stakeholder(dc_replace(helena, phone="+49 40 000 111"))
    other.contact_maps.reorder_team(account_id, [m.id for m in contact_map.team_members[::-1]])
    moment[0] += timedelta(hours=1)
    opened.contact_maps.set_grade(cell, Grade.DISSATISFIED)
    other_service.export_account(account_id, file)
    summary = service.import_account(file)
    shots.append(save(ImportSummaryDialog(summary), "import-account-summary"))
    other.close()
    opened.close()
    return shots
