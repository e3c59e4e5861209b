"""File ▸ Import Stakeholders: the column mapping, a preview of the first rows, then import.

Reading, previewing and importing run in a worker thread, so a file of 100,000 rows keeps
the window responsive; a progress bar shows how far it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.import_plan import PlanPreview
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.csv_import import (
    CsvImportService,
    ImportOptions,
    ImportResult,
    ImportSource,
    read_source_file,
)
from contactmap_desktop.ui.core.background_task import BackgroundTask, Job
from contactmap_desktop.ui.core.choice_delegate import ChoiceDelegate
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.data.import_models import PREVIEW_ROWS, MappingModel, PreviewModel

ALL_COMPANIES = "All companies"
FILE_FILTER = "Contacts (*.csv *.txt *.tsv *.vcf);;All files (*)"


class ImportDialog(QDialog):
    """Built on a file's bytes; ``result`` holds what was imported once it is accepted."""

    def __init__(self, service: CsvImportService, account_id: str, account_name: str,
                 data: bytes, file_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import Stakeholders into {account_name}")
        self.resize(900, 640)
        self._service = service
        self._account_id = account_id
        self._source: ImportSource | None = None
        self._overrides: dict[int, Seniority] = {}
        self._task: BackgroundTask | None = None
        self._pending_preview = False
        self.plan: PlanPreview | None = None  # the last preview's counts and first rows
        self.imported: ImportResult | None = None

        self.found_label = plain_label(QLabel(f"Reading {file_name or 'the file'}…"))
        self.found_label.setWordWrap(True)
        self.mapping_view = QTableView()
        self.mapping_view.setItemDelegateForColumn(
            MappingModel.FIELD, ChoiceDelegate([(f.label, f.value) for f in ImportField], self))
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping_view.verticalHeader().hide()
        self.company_box = QComboBox()
        self.company_box.setEditable(True)
        self.company_box.addItem(ALL_COMPANIES)
        self.company_box.setToolTip("Only rows whose company contains this text are imported.")
        self.company_box.currentTextChanged.connect(lambda _t: self._schedule_preview())
        self.preview_model = PreviewModel()
        self.preview_model.seniority_edited.connect(self._on_seniority_edited)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setItemDelegateForColumn(
            PreviewModel.SENIORITY,
            ChoiceDelegate([(s.label, s.value) for s in Seniority], self))
        self.preview_view.verticalHeader().hide()
        self.preview_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.counts_label = plain_label(QLabel(""))
        self.counts_label.setWordWrap(True)
        self.error_label = plain_label(QLabel(""))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self._start_import)
        self.buttons.rejected.connect(self.reject)

        company_row = QHBoxLayout()
        company_row.addWidget(QLabel("Company:"))
        company_row.addWidget(self.company_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found_label)
        layout.addWidget(QLabel("<b>Columns</b> — choose what each column becomes:"))
        layout.addWidget(self.mapping_view, 2)
        layout.addLayout(company_row)
        layout.addWidget(QLabel("<b>Preview</b> — the seniority can be changed before importing:"))
        layout.addWidget(self.preview_view, 3)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._start_preview)
        self._run(lambda report: service.read(data), self._on_read)

    # --- steps ---------------------------------------------------------------------------

    def _on_read(self, source: ImportSource) -> None:
        self._source = source
        table = source.table
        found = (f"Recognised: {source.format_name}." if source.format_name
                 else "Not a known export: check the columns below.")
        if source.remembered:
            found += " Using the mapping you chose last time for these columns."
        self.found_label.setText(
            f"{found} {counted(len(table.records), 'row')}; header on line {table.header_line}; "
            f"text read as {table.encoding}.")
        self.mapping_model = MappingModel(source, source.fields)
        self.mapping_model.mapping_changed.connect(self._schedule_preview)
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self._start_preview()

    def _options(self) -> ImportOptions:
        company = self.company_box.currentText().strip()
        return ImportOptions(self.mapping_model.fields,
                             "" if company == ALL_COMPANIES else company,
                             dict(self._overrides))

    def _schedule_preview(self) -> None:
        if self._source is not None:
            self._debounce.start()

    def _start_preview(self) -> None:
        if self._source is None:
            return
        if self._task is not None:
            self._pending_preview = True  # run again when the current one ends
            return
        source, options = self._source, self._options()
        self.import_button.setEnabled(False)
        # Only the counts and the rows shown reach the window: the rest is let go in the worker.
        self._run(lambda report: self._service.preview_shown(
            source, self._account_id, options, PREVIEW_ROWS, report), self._on_preview)

    def _on_preview(self, plan: PlanPreview) -> None:
        self.plan = plan
        self.error_label.clear()
        self.preview_model.set_plan(plan)
        self.preview_view.resizeColumnsToContents()
        links = [counted(n, noun) for n, noun in ((plan.grades_given, "grade"),
                                                   (plan.managers_given, "reporting line")) if n]
        team = (f" Grades with {', '.join(plan.grade_members)}; people not yet on the team "
                "join it." if plan.grade_members else "")
        self.counts_label.setText(
            f"Will add {plan.added:,}, update {plan.updated:,} and skip {plan.skipped:,} rows"
            + (f", and set {' and '.join(links)}." if links else ".") + team)
        current = self.company_box.currentText()
        self.company_box.blockSignals(True)
        self.company_box.clear()
        self.company_box.addItems([ALL_COMPANIES, *plan.companies])
        self.company_box.setCurrentText(current)
        self.company_box.blockSignals(False)
        self.import_button.setEnabled(
            plan.added + plan.updated + plan.grades_given + plan.managers_given > 0)

    def _on_seniority_edited(self, line: int, seniority: Seniority) -> None:
        self._overrides[line] = seniority
        self._schedule_preview()

    def _start_import(self) -> None:
        if self._source is None or self._task is not None:
            return
        source, options = self._source, self._options()
        self.import_button.setEnabled(False)
        self.mapping_view.setEnabled(False)
        self.preview_view.setEnabled(False)
        # Only what undo needs reaches the window: the rest is let go in the worker.
        self._run(lambda report: self._service.apply_for_undo(source, self._account_id, options,
                                                              report), self._on_imported)

    def _on_imported(self, result: ImportResult) -> None:
        self.imported = result
        self.accept()

    # --- the worker ----------------------------------------------------------------------

    def _run(self, job: Job, done: object) -> None:
        task = BackgroundTask(job, self)
        self._task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(done)
        task.failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        task.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.counts_label.setText("Nothing will be imported until this is fixed.")
        self.preview_model.set_plan(None)
        self.import_button.setEnabled(False)
        self.mapping_view.setEnabled(True)
        self.preview_view.setEnabled(True)

    def _on_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self.progress.hide()
        if self._pending_preview:
            self._pending_preview = False
            self._start_preview()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def done(self, code: int) -> None:
        # Never leave a thread running behind a closed dialog.
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
        super().done(code)


def import_stakeholders(parent: QWidget, service: CsvImportService, account_id: str,
                        account_name: str, path: Path | None = None) -> ImportResult | None:
    """Ask for a file (unless given), show the dialog, return what was imported."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, "Import Stakeholders", "", FILE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    data = read_source_file(path)
    dialog = ImportDialog(service, account_id, account_name, data, path.name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.imported
