"""Preferences: one tab per area (Coverage here; other features add theirs).

A tab is a ``PreferencesPage``: a widget that knows its title and how to save what it shows.
Saving happens only when the user presses OK, and every page is checked before any is saved;
the dialog gives back the change set its pages' services returned, for the window to apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.changes import NO_CHANGES, Changes
from contactmap_desktop.domain.coverage_settings import (
    BOUNDS,
    LABELS,
    MEANINGS,
    CoverageThresholds,
)
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.core.plain_text import as_typed

if TYPE_CHECKING:  # imported by the services, which load after the window's first paint
    from contactmap_desktop.services.settings_service import SettingsService

ROOMY = QSize(780, 580)


class PreferencesPage(QWidget):
    """Base of a preferences tab; subclasses fill the widget and implement ``save``."""

    title = "General"

    def check(self) -> None:
        """Raise ContactMapError naming the problem if what is shown cannot be saved."""

    def save(self) -> Changes:
        """Write what is shown; the change set of what the workspace's services wrote (a
        choice of this machine's, kept in QSettings, is no change to the workspace)."""
        raise NotImplementedError

    def spin_form(self, bounds: dict[str, tuple[int, int]], labels: dict[str, str],
                  suffixes: dict[str, str] | None = None) -> QFormLayout:
        """A labelled spin box per setting, within its bounds, kept in ``self.spins``."""
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for name, (low, high) in bounds.items():
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setSuffix((suffixes or {}).get(name, ""))
            spin.setAccessibleName(labels[name])
            form.addRow(labels[name] + ":", spin)
            self.spins[name] = spin
        return form


_SUFFIXES = {"trust_share_limit": " %", "open_share_floor": " %", "stale_after_days": " days",
             "most_relationships": "", "fewest_graded_for_shares": " graded",
             "most_key_relationships": ""}


class CoveragePage(PreferencesPage):
    """The thresholds of the coverage rules."""

    title = "Coverage"

    def __init__(self, settings: SettingsService) -> None:
        super().__init__()
        self.setObjectName("coveragePreferences")
        self._settings = settings
        intro = QLabel("When the findings speak up. Of these numbers only “more than three "
                       "relationships” is the method's own; the others are the app's reading "
                       "of its words — change them if your accounts call for it.")
        intro.setWordWrap(True)
        form = self.spin_form(BOUNDS, LABELS, _SUFFIXES)
        # What each number means, and where the method stands on it: a block that scrolls, so
        # the page keeps its size on a small screen.
        meanings = QTextBrowser()
        meanings.setObjectName("thresholdMeanings")
        meanings.setHtml("".join(f"<p><b>{escape(LABELS[name])}</b>: {escape(text)}</p>"
                                 for name, text in MEANINGS.items()))
        meanings.setMinimumHeight(130)
        for name, text in MEANINGS.items():
            self.spins[name].setToolTip(text)
        defaults = QPushButton("Restore &Defaults")
        defaults.clicked.connect(lambda: self.show_thresholds(CoverageThresholds()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(meanings, 1)
        layout.addWidget(defaults)
        self.show_thresholds(settings.coverage_thresholds())

    def show_thresholds(self, thresholds: CoverageThresholds) -> None:
        for name, value in thresholds.to_json().items():
            self.spins[name].setValue(value)

    def thresholds(self) -> CoverageThresholds:
        return CoverageThresholds(**{name: spin.value() for name, spin in self.spins.items()})

    def check(self) -> None:
        self.thresholds()

    def save(self) -> Changes:
        return self._settings.set_coverage_thresholds(self.thresholds())


class PreferencesDialog(QDialog):
    def __init__(self, pages: Sequence[PreferencesPage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.pages = list(pages)
        self.saved = NO_CHANGES  # what OK wrote
        self.tabs = QTabWidget()
        for page in self.pages:
            self.tabs.addTab(page, page.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        # Room for the longest labels beside their fields, for the letter template's texts
        # and the review tiers' columns; never more than the screen has.
        room = (parent.screen() if parent else self.screen()).availableGeometry().size() * 0.9
        self.resize(self.sizeHint().expandedTo(ROOMY).boundedTo(room))

    def accept(self) -> None:
        try:
            for page in self.pages:
                page.check()
            saved = NO_CHANGES
            for page in self.pages:
                saved |= page.save()
            self.saved = saved
        except ContactMapError as error:
            QMessageBox.warning(self, "Preferences", as_typed(str(error)))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, pages: Sequence[PreferencesPage]) -> Changes | None:
        """Show the dialog; what the user saved, or None if they cancelled. Tests replace
        ``exec``."""
        dialog = cls(pages, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
