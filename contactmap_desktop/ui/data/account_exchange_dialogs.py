"""File ▸ Export Account and File ▸ Import Account, with the summary of what an import changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.plain_text import as_typed, escape

if TYPE_CHECKING:  # the service's modules load where the import or export runs
    from contactmap_desktop.services.account_exchange import (
        AccountExchangeService,
        ExchangeSummary,
    )

FILE_FILTER = "ContactMap account files (*.cmacct);;All files (*)"
# Given a suggested file, return the one chosen (None to cancel): a file dialog, or a test's.
ChooseFile = Callable[[QWidget, Path | None], Path | None]


def choose_file_to_open(parent: QWidget, _suggested: Path | None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Import Account", "", FILE_FILTER)
    return Path(chosen) if chosen else None


def choose_file_to_save(parent: QWidget, suggested: Path | None) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export Account", str(suggested or ""),
                                            FILE_FILTER)
    return Path(chosen) if chosen else None


class ImportSummaryDialog(QDialog):
    """What an import added, updated and kept, and every grade conflict, in plain lines."""

    def __init__(self, summary: ExchangeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Account Imported")
        self.resize(620, 360)
        conflicts = len(summary.conflicts)
        heading = QLabel(
            f"<b>{escape(summary.account_name)}</b> was imported."
            + (f" <b>{counted(conflicts, 'grade conflict')}</b>: both "
               "laptops changed the same relationship; the newer grade was kept and both "
               "changes are in its history." if conflicts else ""))
        heading.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(summary.lines()))
        self.details.setReadOnly(True)
        self.details.setFont(QFont(self.details.font().family(), self.details.font().pointSize()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details)
        layout.addWidget(buttons)


def account_file_target(parent: QWidget, account_name: str,
                        choose: ChooseFile = choose_file_to_save) -> Path | None:
    """Ask where to write the account file, suggesting a name made of the account's."""
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in account_name).strip()
    return choose(parent, Path.home() / f"{safe or 'account'}.cmacct")


def show_export_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "Export Account", as_typed(message))


def import_account(parent: QWidget, service: AccountExchangeService,
                   choose: ChooseFile = choose_file_to_open,
                   show: Callable[[ImportSummaryDialog], object] = ImportSummaryDialog.exec,
                   ) -> ExchangeSummary | None:
    """Ask for an account file, merge it, show the summary; errors are shown, not raised."""
    source = choose(parent, None)
    if source is None:
        return None
    try:
        summary = service.import_account(source)
    except ContactMapError as error:
        QMessageBox.warning(parent, "Import Account", as_typed(str(error)))
        return None
    show(ImportSummaryDialog(summary, parent))
    return summary
