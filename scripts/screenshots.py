"""Screenshots for docs/screenshots/, grabbed offscreen from the real widgets.

Each ``shoot_…`` function builds what it needs in a temporary folder (a sample workspace,
its backups) and saves PNGs. Run all: ``python scripts/screenshots.py``; some:
``python scripts/screenshots.py safety``. Add your own function to SHOOTERS.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def save(widget: QWidget, name: str, close: bool = True) -> Path:
    """Show ``widget``, let it lay out and paint, and save it as docs/screenshots/NAME.png
    (then close it, unless it is part of a window still in use)."""
    widget.show()
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):  # layouts settle over a few rounds (docks, deferred tab bars)
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    if close:
        widget.close()
    return path


def shoot_main_window(folder: Path) -> list[Path]:
    """The main window on the sample account, a key cell selected."""
    from PySide6.QtCore import QSettings

    from contactmap_desktop.app import build_window, create_qt_application
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.settings import UiSettings

    create_qt_application()
    opened = open_workspace(folder / "Sample.cmap", with_sample=True,
                            backups_root=folder / "backups")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(opened, UiSettings(settings))
    try:
        window.resize(1440, 860)
        contact_map = window.document.contact_map
        assert contact_map is not None
        key = next(r.cell for r in contact_map.relationships.values() if r.is_key)
        window.map_page.grid.go_to(key)
        return [save(window, "main-window")]
    finally:
        window.close()
        opened.close()


def shoot_safety(folder: Path) -> list[Path]:
    """Restore from Backup, a damaged file, a workspace in use, Help ▸ About."""
    from datetime import datetime, timedelta

    from contactmap_desktop.domain.errors import WorkspaceError, WorkspaceLockedError
    from contactmap_desktop.services.backup_service import BackupService
    from contactmap_desktop.services.diagnostics import collect_diagnostics
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.dialogs.about_dialog import AboutDialog, current_diagnostics
    from contactmap_desktop.ui.dialogs.damaged_file_dialog import DamagedFileDialog
    from contactmap_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog
    from contactmap_desktop.ui.dialogs.workspace_locked_dialog import WorkspaceLockedDialog

    moment = [datetime(2026, 3, 2, 8, 30)]
    root, path = folder / "backups", folder / "Account plans.cmap"
    for day in range(5):  # a week of work: one more account every day, a backup each time
        opened = open_workspace(path, clock=lambda: moment[0], backups_root=root,
                                with_sample=day == 0, create=True)
        opened.accounts.create_account(f"Prospect {day + 1}")
        opened.close()
        moment[0] += timedelta(days=1, hours=2, minutes=17)
    service = BackupService(path, root, lambda: moment[0])
    damaged = WorkspaceError(
        f"{path.name} is damaged: SQLite's integrity check reports “Page 7: btreeInitPage() "
        "returns error code 11”."
    )
    locked = WorkspaceLockedError(
        f"{path.name} is already open for editing by process 48213 on sales-laptop-07 "
        "(since 2026-03-06 09:12 UTC).", "sales-laptop-07", 48213,
    )
    # Show the folders a typical Linux user has, not this machine's temporary ones.
    saved = {key: os.environ.get(key) for key in ("XDG_DATA_HOME", "XDG_STATE_HOME")}
    os.environ["XDG_DATA_HOME"] = "/home/alex/.local/share"
    os.environ["XDG_STATE_HOME"] = "/home/alex/.local/state"
    live = current_diagnostics()
    diagnostics = collect_diagnostics(live.qt_version, live.pyside_version)
    for key, value in saved.items():
        if value is not None:
            os.environ[key] = value
    return [
        save(RestoreBackupDialog(service), "restore-from-backup"),
        save(DamagedFileDialog(damaged, service), "damaged-file"),
        save(WorkspaceLockedDialog(locked), "workspace-in-use"),
        save(AboutDialog(diagnostics), "about"),
    ]


def shoot_coverage(folder: Path) -> list[Path]:
    """Findings, grade history with the timeline, cell details, Preferences ▸ Coverage."""
    from datetime import datetime, timedelta

    from contactmap_desktop.domain.cell_details import cell_details
    from contactmap_desktop.services.blueprint_service import BlueprintService
    from contactmap_desktop.services.findings_service import FindingsService
    from contactmap_desktop.services.settings_service import SettingsService
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.dialogs.preferences_dialog import CoveragePage, PreferencesDialog
    from contactmap_desktop.ui.panels.cell_details_panel import CellDetailsPanel
    from contactmap_desktop.ui.panels.findings_panel import FindingsPanel
    from contactmap_desktop.ui.panels.history_panel import HistoryPanel

    # Each write of the sample happens four days after the one before, so the history spans
    # months, some reviews go stale, and the timeline has something to show.
    moment = [datetime(2026, 1, 5, 9, 30)]

    def clock() -> datetime:
        moment[0] += timedelta(days=4)
        return moment[0]

    opened = open_workspace(folder / "Sample.cmap", clock=clock, with_sample=True,
                            backups_root=folder / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        service = FindingsService(opened.contact_map, SettingsService(opened.workspace),
                                  BlueprintService(opened.workspace).cells_with_blueprint,
                                  clock=lambda: moment[0] + timedelta(days=40))
        result = service.findings_for_account(account.id)
        contact_map = result.contact_map
        findings = FindingsPanel()
        findings.show_findings(result.findings)
        findings.resize(460, 560)
        cell = next(r.cell for r in contact_map.relationships.values() if r.is_key
                    and len(contact_map.history_of(r.cell)) > 1)
        history = HistoryPanel()
        history.show_cell(contact_map, cell)
        history.show_timeline(contact_map)
        history.resize(460, 420)
        details = CellDetailsPanel()
        details.show_details(cell_details(contact_map, cell, service.today()))
        details.resize(460, 300)
        preferences = PreferencesDialog([CoveragePage(SettingsService(opened.workspace))])
        return [
            save(findings, "findings-panel"),
            save(history, "grade-history-panel"),
            save(details, "cell-details-panel"),
            save(preferences, "preferences-coverage"),
        ]
    finally:
        opened.close()
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
    from contactmap_desktop.ui.dialogs.account_exchange_dialogs import ImportSummaryDialog
    from contactmap_desktop.ui.dialogs.import_dialog import ImportDialog
    from tests.helpers import contact_exports

    app = QApplication.instance()
    assert app is not None
    moment = [datetime(2026, 11, 20, 9, 30)]
    opened = open_workspace(folder / "sample.cmap", clock=lambda: moment[0])
    account_id = create_sample_account(opened.accounts, opened.contact_map)
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
    _wait(lambda: dialog.plan is not None and not dialog.busy, dialog.error_label.text)
    dialog.company_box.setCurrentText("Northwind")
    _wait(lambda: not dialog.busy and "add 3," in dialog.counts_label.text(),
          dialog.counts_label.text)
    shots = [save(dialog, "import-stakeholders")]

    # Two laptops grade the same relationship differently: the import reports it.
    service = AccountExchangeService(opened.workspace, lambda: moment[0])
    file = folder / "northwind.cmacct"
    service.export_account(account_id, file)
    other = open_workspace(folder / "other.cmap", clock=lambda: moment[0])
    other_service = AccountExchangeService(other.workspace, lambda: moment[0])
    other_service.import_account(file)
    contact_map = opened.contact_map.load_map(account_id)
    cell = CellRef(contact_map.team_members[0].id, contact_map.stakeholders[0].id)
    moment[0] += timedelta(hours=1)
    other.contact_map.set_grade(cell, Grade.OPEN)
    helena = other.contact_map.load_map(account_id).stakeholders[0]
    other.contact_map.update_stakeholder(dc_replace(helena, phone="+49 40 000 111"))
    moment[0] += timedelta(hours=1)
    opened.contact_map.set_grade(cell, Grade.DISSATISFIED)
    other_service.export_account(account_id, file)
    summary = service.import_account(file)
    shots.append(save(ImportSummaryDialog(summary), "import-account-summary"))
    other.close()
    opened.close()
    return shots


def shoot_power_map(folder: Path) -> list[Path]:
    """The window on the sample account's power map with a chain shown, a card being dragged
    onto its new manager, and a 200-person chart fitted."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from contactmap_desktop.app import build_window, create_qt_application
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab
    from contactmap_desktop.ui.settings import UiSettings
    from tests.helpers.org_charts import save_org, synthetic_org

    create_qt_application()
    opened = open_workspace(folder / "Sample.cmap", with_sample=True,
                            backups_root=folder / "backups")
    big = save_org(opened, synthetic_org(200))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(opened, UiSettings(settings))
    try:
        window.resize(1440, 860)
        tab = window.features["power_map"]
        assert isinstance(tab, PowerMapTab)
        window.show_tab(tab)
        contact_map = window.document.contact_map
        assert contact_map is not None
        by_name = {s.name: s.id for s in contact_map.stakeholders}
        window.document.select_stakeholder(by_name["Ana Ruiz"])
        shots = [save(window, "power-map", close=False)]
        tab.view.fit()
        start, end = (tab.view.mapFromScene(tab.scene.item(by_name[person])  # type: ignore
                                            .sceneBoundingRect().center())
                      for person in ("Ken Adeyemi", "Helena Vogt"))
        viewport = tab.view.viewport()
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(viewport, (start + end) / 2)
        QTest.mouseMove(viewport, end)
        shots.append(save(tab, "power-map-drag", close=False))
        QTest.keyClick(viewport, Qt.Key.Key_Escape)
        window.open_account(big)
        shots.append(save(window, "power-map-200"))
        return shots
    finally:
        window.close()
        opened.close()


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


def shoot_letters(folder: Path) -> list[Path]:
    """The Letters tab with its live preview, the milestones table with an undated step,
    Preferences ▸ Printing, and the printed letter's and Contact Map's PDF pages."""
    import subprocess

    from PySide6.QtCore import QSettings

    from contactmap_desktop.app import build_window, create_qt_application
    from contactmap_desktop.services.letter_report import export_letter
    from contactmap_desktop.services.map_report import export_contact_map
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.letters.letter_form import LetterForm
    from contactmap_desktop.ui.letters.printing_page import PrintingPage
    from contactmap_desktop.ui.settings import UiSettings

    create_qt_application()
    opened = open_workspace(folder / "Sample.cmap", with_sample=True,
                            backups_root=folder / "backups")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(opened, UiSettings(settings))
    feature = window.features["letters"]
    feature.settings.save(company_name="Meridian Routing Ltd")  # type: ignore[attr-defined]
    tab = feature.tab  # type: ignore[attr-defined]
    try:
        window.resize(1500, 900)
        window.show_tab(tab)
        window.show()
        QApplication.processEvents()
        drawn: list[int] = []
        tab.preview.updated.connect(drawn.append)
        tab.settings_changed()  # draw again at the laid-out width
        _wait(lambda: bool(drawn), lambda: tab.preview.status.text())
        for _ in range(20):  # the new pages' layout settles over a few rounds of events
            QApplication.processEvents()
        shots = [save(window, "letters-composer")]
        form = LetterForm()  # the same form, wider than beside the preview
        form.show_letter(tab.current_letter())
        form.resize(760, 900)
        form.show()
        form.milestone_editor.select(3, 0)
        form.milestone_editor.table.scrollToBottom()
        shots.append(save(form.milestone_editor.parentWidget(), "letters-milestones"))
        page = PrintingPage(feature.settings)  # type: ignore[attr-defined]
        page.resize(560, 520)
        shots.append(save(page, "preferences-printing"))
        pdfs = {"letter-pdf": folder / "letter.pdf", "map-pdf": folder / "map.pdf"}
        export_letter(tab.current_letter(), feature.settings, pdfs["letter-pdf"])  # type: ignore
        export_contact_map(opened, tab.current_letter().account_id, pdfs["map-pdf"])
        for name, pdf in pdfs.items():
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / name)],
                           check=True)
            shots += sorted(OUT.glob(f"{name}-*.png"))
        return shots
    finally:
        window.close()
        opened.close()


def _wait(done: Callable[[], bool], why: Callable[[], str], seconds: float = 20) -> None:
    """Let the dialog's worker thread finish, or stop with what the dialog says."""
    import time

    app = QApplication.instance()
    assert app is not None
    limit = time.monotonic() + seconds
    while not done():
        if time.monotonic() > limit:
            raise RuntimeError(f"the import dialog did not get ready: {why()}")
        app.processEvents()
        time.sleep(0.01)


SHOOTERS: dict[str, Callable[[Path], list[Path]]] = {
    "main-window": shoot_main_window,
    "safety": shoot_safety,
    "coverage": shoot_coverage,
    "data-io": shoot_data_io,
    "power-map": shoot_power_map,
    "blueprints": shoot_blueprints,
    "letters": shoot_letters,
}


def main(names: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for name in names or list(SHOOTERS):
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            # Keep the real user's data folder out of it.
            os.environ["XDG_DATA_HOME"] = str(folder / "data")
            os.environ["XDG_STATE_HOME"] = str(folder / "state")
            for path in SHOOTERS[name](folder):
                print(path.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
