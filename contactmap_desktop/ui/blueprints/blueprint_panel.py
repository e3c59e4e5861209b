"""The Blueprint dock: the plan for the selected relationship, or an offer to start one."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.blueprints import (
    Blueprint,
    BlueprintStatus,
    Strategy,
    default_goal,
)
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.reference import Reference
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.blueprints.blueprint_form import BlueprintForm
from contactmap_desktop.ui.blueprints.commands import (
    CreateBlueprintCommand,
    DeleteBlueprintCommand,
    UpdateBlueprintCommand,
)
from contactmap_desktop.ui.blueprints.grade_chip import grade_chip_html
from contactmap_desktop.ui.core.edit_runner import EditRunner

NOTHING, OFFER, PLAN = range(3)


class BlueprintPanel(QWidget):
    """Follows the selected cell (:meth:`show_cell`); every edit is an undo step."""

    current_blueprint_changed = Signal(object)  # Blueprint | None

    def __init__(self, service: BlueprintService, runner: EditRunner, reference: Reference,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blueprintPanel")
        self._service = service
        self._runner = runner
        self._map: ContactMap | None = None
        self._cell: CellRef | None = None
        self._blueprint: Blueprint | None = None
        self.heading = QLabel()
        self.heading.setObjectName("blueprintHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        # Earlier plans of the relationship, and the next step once the shown plan is closed.
        self.history = QLabel()
        self.history.setObjectName("blueprintHistory")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.next_button = QPushButton("Plan the next step")
        self.next_button.setObjectName("blueprintNext")
        self.next_button.clicked.connect(self.create_blueprint)
        self.pages = QStackedWidget()
        nothing = QLabel("Select a relationship in the Contact Map to see its blueprint, or to "
                         "plan how to move it one level up.")
        nothing.setWordWrap(True)
        nothing.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.addWidget(nothing)
        self.pages.addWidget(self._offer_page())
        self.form = BlueprintForm(reference, service.today)
        self.form.change_requested.connect(self._change)
        self.form.delete_requested.connect(self.delete_blueprint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.pages.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.history)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pages, 1)
        self._show()

    def _offer_page(self) -> QWidget:
        page = QWidget()
        self.offer = QLabel()
        self.offer.setObjectName("blueprintOffer")
        self.offer.setWordWrap(True)
        self.create_button = QPushButton("Create blueprint")
        self.create_button.setObjectName("blueprintCreate")
        self.create_button.clicked.connect(self.create_blueprint)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.offer)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # --- following the map ---------------------------------------------------------------

    @property
    def blueprint(self) -> Blueprint | None:
        return self._blueprint

    def show_cell(self, contact_map: ContactMap | None, cell: CellRef | None) -> None:
        if cell != self._cell:
            self.form.commit_pending()
        self._map, self._cell = contact_map, cell
        self.refresh()

    def refresh(self) -> None:
        """Read the blueprint of the shown cell again (after an edit, undo or redo)."""
        found = None
        if self._map is not None and self._cell is not None and self._map.has_cell(self._cell):
            found = self._service.for_cell(self._cell)
        if found != self._blueprint:
            self._blueprint = found
            self.current_blueprint_changed.emit(found)
        self._show()

    def _show(self) -> None:
        self.history.hide()
        self.next_button.hide()
        if self._map is None or self._cell is None or not self._map.has_cell(self._cell):
            self.heading.setText("<b>Blueprint</b>")
            self.pages.setCurrentIndex(NOTHING)
            return
        stakeholder = self._map.stakeholder(self._cell.stakeholder_id)
        member = self._map.team_member(self._cell.team_member_id)
        current = self._map.grade(self._cell)
        self.heading.setText(f"<b>{escape(stakeholder.name)}</b> ↔ {escape(member.name)}"
                             f"<br/>Now: {grade_chip_html(current)}")
        if self._blueprint is None:
            goal = default_goal(current)
            self.offer.setText(
                f"No blueprint for this relationship yet. A new one starts with "
                f"{escape(stakeholder.name)}, owned by {escape(member.name)}, aiming for "
                f"<b>{goal.label}</b> — one level up.")
            self.pages.setCurrentIndex(OFFER)
            return
        self.form.show_blueprint(self._blueprint, self._map)
        self.pages.setCurrentIndex(PLAN)
        self._show_history(current)

    def _show_history(self, current: Grade | None) -> None:
        """The earlier plans in a line each; a closed plan offers the next one-level step."""
        assert self._cell is not None and self._blueprint is not None
        shown = self._blueprint
        lines = [_plan_line(plan) for plan in self._service.history_of(self._cell)
                 if plan.id != shown.id]
        if not shown.status.is_open:
            goal = default_goal(current)
            lines.append(f"This plan is closed. The next plan would aim for <b>{goal.label}"
                         "</b>, one level up.")
            self.next_button.show()
        if lines:
            self.history.setText("<br/>".join(lines))
            self.history.show()

    # --- edits ---------------------------------------------------------------------------

    def _stakeholder_name(self) -> str:
        assert self._map is not None and self._cell is not None
        return self._map.stakeholder(self._cell.stakeholder_id).name

    def create_blueprint(self) -> bool:
        """A new plan for the shown cell: its first, or the next once the last is closed."""
        if self._map is None or self._cell is None or \
                (self._blueprint is not None and self._blueprint.status.is_open):
            return False
        draft = self._service.draft(self._cell)
        return self._runner.run(CreateBlueprintCommand(self._service, draft,
                                                       self._stakeholder_name()))

    def delete_blueprint(self) -> bool:
        if self._blueprint is None:
            return False
        return self._runner.run(DeleteBlueprintCommand(self._service, self._blueprint,
                                                       self._stakeholder_name()))

    def add_strategy(self, strategy: Strategy) -> bool:
        """Add a strategy to the shown blueprint (from the strategies panel)."""
        if self._blueprint is None or strategy in self._blueprint.strategies:
            return False
        after = replace(self._blueprint, strategies=(*self._blueprint.strategies, strategy))
        return self._change(after, f"Add strategy “{strategy.label}”")

    def _change(self, after: Blueprint, text: str) -> bool:
        before = self._blueprint
        if before is None:
            return False
        done = self._runner.run(UpdateBlueprintCommand(self._service, before, after, text))
        if not done:
            self._show()  # put the refused value back in its field
        return done


def _plan_line(plan: Blueprint) -> str:
    """“Earlier plan: Open — Done” / “… — Dropped: budget frozen”."""
    closed = f": {escape(plan.closed_reason)}" if plan.status is BlueprintStatus.DROPPED \
        and plan.closed_reason else ""
    return f"Earlier plan: aim {plan.goal.label} — {plan.status.label}{closed}"
