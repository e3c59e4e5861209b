"""Every field of a sponsor letter, as a form that reports each edit as a new letter value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.model import Stakeholder, TeamMember
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.letters.date_delegate import DateDelegate
from contactmap_desktop.ui.letters.row_models import MilestoneModel, PainModel
from contactmap_desktop.ui.letters.rows_editor import RowsEditor

LABELS_ABOVE_BELOW = 420  # px of form width
_LINES = {"subject": "Subject", "addressee_name": "Name", "addressee_title": "Title",
          "addressee_company": "Company", "salutation": "Greet as", "sender_name": "Name",
          "sender_title": "Title", "agreed_by": "Agreed by"}
_TEXTS = {"signature": ("Signature block", "Phone, e-mail, company: the lines under the name"),
          "current_method": ("Current method", "How the work is done today"),
          "results": ("Its results", "What the current method produces, in figures"),
          "impact": ("If nothing changes", "The impact if the problem is left alone"),
          "solution": ("Solution", "What we propose"),
          "value": ("Impact and value", "What the solution is worth to them"),
          "closing_note": ("Closing", "A last paragraph before the signature")}


class LetterForm(QScrollArea):
    """``edited(letter, what)`` after each user edit; ``show_letter`` announces nothing."""

    edited = Signal(object, str)
    field_left = Signal()  # focus left a text field (to another widget, a menu, a dialog)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("letterForm")
        self.setWidgetResizable(True)
        self._letter: SponsorLetter | None = None
        self._loading = False
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        for name in _LINES:
            line = QLineEdit()
            line.setObjectName(name)
            if name == "salutation":
                line.setPlaceholderText("Ms Sato, 佐藤様… (empty: first name)")
            line.textEdited.connect(lambda text, name=name: self._set(name, text))
            line.installEventFilter(self)
            self.lines[name] = line
        for name, (_label, hint) in _TEXTS.items():
            text = QPlainTextEdit()
            text.setObjectName(name)
            text.setPlaceholderText(hint)
            text.setTabChangesFocus(True)
            text.setFixedHeight(64 if name == "signature" else 84)
            text.textChanged.connect(lambda name=name: self._text_changed(name))
            text.installEventFilter(self)
            self.texts[name] = text
        self.addressee_picker = QComboBox()
        self.addressee_picker.setObjectName("addresseePicker")
        self.addressee_picker.activated.connect(
            lambda row: self._person_picked("addressee", self.addressee_picker, row))
        self.sender_picker = QComboBox()
        self.sender_picker.setObjectName("senderPicker")
        self.sender_picker.activated.connect(
            lambda row: self._person_picked("sender", self.sender_picker, row))
        for picker in (self.addressee_picker, self.sender_picker):
            # Long names and titles must not widen the whole form.
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            picker.setMinimumContentsLength(14)
        self.letter_date = DateField()
        self.letter_date.setObjectName("letterDate")
        self.letter_date.date_edited.connect(self._date_changed)
        self.pains = PainModel()
        self.pains.rows_edited.connect(lambda rows: self._set("pains", rows))
        self.milestones = MilestoneModel()
        self.milestones.rows_edited.connect(lambda rows: self._set("milestones", rows))
        self.pain_editor = RowsEditor(self.pains, "quote", "painEditor")
        self.milestone_editor = RowsEditor(
            self.milestones, "step", "milestoneEditor",
            {MilestoneModel.DATE_COLUMN: DateDelegate()},
            fit_columns=(MilestoneModel.DATE_COLUMN,))
        self.milestone_editor.table.setMinimumHeight(240)
        # The sponsor's agreement to the steps and dates (article 002: dates agreed to).
        self.lines["agreed_by"].setPlaceholderText("Who at the client agreed the steps")
        self.agreed = QCheckBox("Agreed on")
        self.agreed.setObjectName("letterAgreed")
        self.agreed.toggled.connect(self._agreed_toggled)
        self.agreed_on = DateField()
        self.agreed_on.setObjectName("letterAgreedOn")
        self.agreed_on.date_edited.connect(self._agreed_on_changed)
        self.undated = QLabel()
        self.undated.setObjectName("undatedMilestones")
        self.undated.setStyleSheet("color: #b8401f;")
        self.undated.setWordWrap(True)
        sections = self._sections()
        self.setWidget(sections)
        # The form scrolls up and down only: it never gets narrower than its fields need,
        # so nothing is cut off at the right beside the preview.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(sections.minimumSizeHint().width()
                             + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())
        self.setEnabled(False)

    def _sections(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        head = QFormLayout()
        head.addRow("Date", self.letter_date)
        head.addRow("Subject", self.lines["subject"])
        layout.addLayout(head)
        layout.addWidget(self._group("To", [("Stakeholder", self.addressee_picker)] + [
            (_LINES[name], self.lines[name])
            for name in ("addressee_name", "addressee_title", "addressee_company",
                         "salutation")]))
        layout.addWidget(self._group("From", [
            ("Team member", self.sender_picker), ("Name", self.lines["sender_name"]),
            ("Title", self.lines["sender_title"]),
            (_TEXTS["signature"][0], self.texts["signature"])]))
        recap = self._group("Recap", [(_TEXTS[name][0], self.texts[name])
                                      for name in ("current_method", "results", "impact")])
        recap_layout = recap.layout()
        assert isinstance(recap_layout, QFormLayout)
        pain = QLabel("The pain, in the customer's own words")
        pain.setWordWrap(True)
        recap_layout.insertRow(0, pain)
        recap_layout.insertRow(1, self.pain_editor)
        layout.addWidget(recap)
        layout.addWidget(self._group("Proposal", [(_TEXTS[name][0], self.texts[name])
                                                  for name in ("solution", "value")]))
        steps = self._group("Next steps", [])
        steps_layout = steps.layout()
        assert isinstance(steps_layout, QFormLayout)
        steps_layout.addRow(self.milestone_editor)
        steps_layout.addRow(self.undated)
        steps_layout.addRow("Agreed by", self.lines["agreed_by"])
        steps_layout.addRow(self.agreed, self.agreed_on)
        layout.addWidget(steps)
        layout.addWidget(self._group("Closing", [("Closing", self.texts["closing_note"])]))
        layout.addStretch(1)
        return page

    @staticmethod
    def _group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above when narrow
        for label, widget in rows:
            form.addRow(label, widget)
        return group

    # -- showing ----------------------------------------------------------------------------
    def letter(self) -> SponsorLetter | None:
        return self._letter

    def set_people(self, stakeholders: Sequence[Stakeholder],
                   team: Sequence[TeamMember]) -> None:
        """The account's people the addressee and the sender are picked from."""
        self._loading = True
        for combo, people in ((self.addressee_picker, stakeholders), (self.sender_picker, team)):
            combo.clear()
            combo.addItem("(not on the map)", None)
            for person in people:
                label = f"{person.name} — {person.title}" if person.title else person.name
                combo.addItem(label, (person.id, person.name, person.title))
        self._loading = False
        if self._letter is not None:
            self._show_people(self._letter)

    def show_letter(self, letter: SponsorLetter | None) -> None:
        """Fill the form from ``letter`` (another letter, or an undone edit)."""
        self._loading = True
        try:
            self._letter = letter
            self.setEnabled(letter is not None)
            shown = letter or SponsorLetter("", "", date.today())
            for name, line in self.lines.items():
                if line.text() != getattr(shown, name):
                    line.setText(getattr(shown, name))
            for name, text in self.texts.items():
                if text.toPlainText() != getattr(shown, name):
                    text.setPlainText(getattr(shown, name))
            self.letter_date.setDate(shown.letter_date)
            self.pains.set_rows(shown.pains)
            self.milestones.set_rows(shown.milestones)
            self.agreed.setChecked(shown.agreed_on is not None)
            self.agreed_on.setEnabled(shown.agreed_on is not None)
            self.agreed_on.setDate(shown.agreed_on or date.today())
            self._show_people(shown)
            self._show_undated()
        finally:
            self._loading = False

    def show_milestone(self, row: int) -> None:
        """Select a next step of the letter shown and bring it into view, ready to edit."""
        if not 0 <= row < self.milestones.rowCount():
            return
        table = self.milestone_editor.table
        self.milestone_editor.select(row)
        table.setFocus()
        # Once the form is laid out (it may have just been shown), scroll to the whole list.
        QTimer.singleShot(0, self, self._scroll_to_steps)

    def _scroll_to_steps(self) -> None:
        across = self.horizontalScrollBar().value()
        self.ensureWidgetVisible(self.milestone_editor)
        self.horizontalScrollBar().setValue(across)  # up or down only: labels stay in view

    def _show_people(self, letter: SponsorLetter) -> None:
        for combo, person_id in ((self.addressee_picker, letter.addressee_id),
                                 (self.sender_picker, letter.sender_id)):
            found = next((row for row in range(combo.count())
                          if (combo.itemData(row) or (None,))[0] == person_id), 0)
            combo.setCurrentIndex(found)

    def _show_undated(self) -> None:
        count = self.milestones.undated_count()
        self.undated.setText("" if not count else
                             f"{count} step{'s have' if count > 1 else ' has'} no date yet. The "
                             "letter asks for firm dates: agree one with each owner.")
        self.undated.setVisible(bool(count))

    # -- editing ----------------------------------------------------------------------------
    def _set(self, what: str, value: Any) -> None:
        if self._loading or self._letter is None:
            return
        if what == "milestones":
            self._show_undated()
        self._edit(replace(self._letter, **{what: value}), what)

    def _edit(self, letter: SponsorLetter, what: str) -> None:
        if letter != self._letter:
            self._letter = letter
            self.edited.emit(letter, what)

    def _text_changed(self, name: str) -> None:
        self._set(name, self.texts[name].toPlainText())

    def _date_changed(self, day: date) -> None:
        self._set("letter_date", day)

    def _agreed_toggled(self, on: bool) -> None:
        self.agreed_on.setEnabled(on)
        self._set("agreed_on", self.agreed_on.date() if on else None)

    def _agreed_on_changed(self, day: date) -> None:
        if self.agreed.isChecked():
            self._set("agreed_on", day)

    def _person_picked(self, side: str, combo: QComboBox, row: int) -> None:
        """A stakeholder (side "addressee") or team member ("sender") picked from the map."""
        person = combo.itemData(row)
        if self._loading or self._letter is None:
            return
        if person is None:
            cleared: dict[str, Any] = {f"{side}_id": None}
            self._edit(replace(self._letter, **cleared), side)
            return
        person_id, name, title = person
        self.lines[f"{side}_name"].setText(name)
        self.lines[f"{side}_title"].setText(title)
        picked: dict[str, Any] = {f"{side}_id": person_id, f"{side}_name": name,
                                  f"{side}_title": title}
        self._edit(replace(self._letter, **picked), side)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Narrow (a laptop, panels open): each label above its field, which then has the
        # whole width instead of a third of it.
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if self.width() < LABELS_ABOVE_BELOW \
            else QFormLayout.RowWrapPolicy.WrapLongRows
        page = self.widget()
        for form in page.findChildren(QFormLayout) if page is not None else ():
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.field_left.emit()
        return super().eventFilter(watched, event)

    def set_read_only(self, read_only: bool) -> None:
        for line in self.lines.values():
            line.setReadOnly(read_only)
        for text in self.texts.values():
            text.setReadOnly(read_only)
        for other in (self.addressee_picker, self.sender_picker, self.letter_date, self.pain_editor,
                      self.milestone_editor, self.agreed, self.agreed_on):
            other.setEnabled(not read_only)
