"""An edit, its undo and its redo each reach the window with the change set the service
returned for that write: the same ids all three times, never one the command made up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import (
    Changes,
    account_changed,
    grades_of,
    letters_of,
    lifecycle_of,
    marks_of,
    people_of,
    plans_of,
    team_of,
)
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementStatus,
    StageChange,
    Verdict,
)
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import AccountStage, Stakeholder, TeamMember, new_id
from contactmap_desktop.services.csv_import import ImportOptions
from contactmap_desktop.services.workspace_services import WorkspaceServices
from contactmap_desktop.ui.blueprints.commands import (
    CreateBlueprintCommand,
    DeleteBlueprintCommand,
    UpdateBlueprintCommand,
)
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.coverage.feature import ChangeNoteCommand
from contactmap_desktop.ui.data.import_commands import ImportStakeholdersCommand
from contactmap_desktop.ui.grid.commands import (
    AddAccountCommand,
    AddStakeholderCommand,
    AddTeamMemberCommand,
    DeleteAccountCommand,
    EditAccountCommand,
    EditStakeholderCommand,
    EditTeamMemberCommand,
    RemoveStakeholderCommand,
    RemoveTeamMemberCommand,
    UpdateMarksCommand,
    set_grades,
)
from contactmap_desktop.ui.grid.order_commands import reorder_stakeholders, reorder_team
from contactmap_desktop.ui.letters.letter_commands import (
    AddLetterCommand,
    DeleteLetterCommand,
    EditLetterCommand,
)
from contactmap_desktop.ui.lifecycle.commands import (
    DeleteCommand,
    RecordStageCommand,
    SaveCommand,
    StartEngagementCommand,
)
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from tests.helpers.builders import SmallMap

# Each case makes one command on the small map (after writing what it needs first) and names
# the change set expected of it; a command whose added record has a new id finds it by
# ``expected`` after it ran.
Case = Callable[[MainWindow, SmallMap], tuple[EditCommand, Callable[[], Changes]]]


def services(window: MainWindow) -> WorkspaceServices:
    return window.document.opened.services


def _grade(window: MainWindow, small: SmallMap) -> tuple[EditCommand, Callable[[], Changes]]:
    cells = {small.cell(0, 0): Grade.OPEN, small.cell(1, 2): Grade.TRUST}
    return set_grades(window.document, cells), lambda: grades_of(cells)


def _mark(window: MainWindow, small: SmallMap) -> tuple[EditCommand, Callable[[], Changes]]:
    contact_map = window.document.contact_map
    assert contact_map is not None
    before = contact_map.relationship(small.cell(0, 1))
    return (UpdateMarksCommand(window.document, before, replace(before, is_key=True), "Key"),
            lambda: marks_of([small.cell(0, 1)]))


def _note(window: MainWindow, small: SmallMap) -> tuple[EditCommand, Callable[[], Changes]]:
    change = services(window).contact_maps.set_grade(small.cell(1, 0), Grade.OPEN).change
    assert change is not None
    return (ChangeNoteCommand(services(window).grade_notes, change, "After the pilot"),
            lambda: grades_of([small.cell(1, 0)]))


def _people(small: SmallMap) -> Callable[[], Changes]:
    return lambda: people_of(small.account.id)


def _team(small: SmallMap) -> Callable[[], Changes]:
    return lambda: team_of(small.account.id)


def _add_stakeholder(window: MainWindow, small: SmallMap
                     ) -> tuple[EditCommand, Callable[[], Changes]]:
    person = Stakeholder(new_id(), small.account.id, "Nia New", position=-1)
    return AddStakeholderCommand(window.document, person), _people(small)


def _edit_stakeholder(window: MainWindow, small: SmallMap
                      ) -> tuple[EditCommand, Callable[[], Changes]]:
    before = small.stakeholders[0]
    return (EditStakeholderCommand(window.document, before, replace(before, title="Chair")),
            _people(small))


def _remove_stakeholder(window: MainWindow, small: SmallMap
                        ) -> tuple[EditCommand, Callable[[], Changes]]:
    return RemoveStakeholderCommand(window.document, small.stakeholders[1]), _people(small)


def _add_team_member(window: MainWindow, small: SmallMap
                     ) -> tuple[EditCommand, Callable[[], Changes]]:
    member = TeamMember(new_id(), "Tia New")
    return AddTeamMemberCommand(window.document, small.account.id, member), _team(small)


def _edit_team_member(window: MainWindow, small: SmallMap
                      ) -> tuple[EditCommand, Callable[[], Changes]]:
    before = small.team_members[0]
    return (EditTeamMemberCommand(window.document, small.account.id, before,
                                  replace(before, title="Director")), _team(small))


def _remove_team_member(window: MainWindow, small: SmallMap
                        ) -> tuple[EditCommand, Callable[[], Changes]]:
    return (RemoveTeamMemberCommand(window.document, small.account.id, small.team_members[1]),
            _team(small))


def _reorder_team(window: MainWindow, small: SmallMap
                  ) -> tuple[EditCommand, Callable[[], Changes]]:
    order = [m.id for m in reversed(small.team_members)]
    return reorder_team(window.document, order), _team(small)


def _reorder_stakeholders(window: MainWindow, small: SmallMap
                          ) -> tuple[EditCommand, Callable[[], Changes]]:
    order = [s.id for s in reversed(small.stakeholders)]
    return reorder_stakeholders(window.document, order), _people(small)


def _import_stakeholders(window: MainWindow, small: SmallMap
                         ) -> tuple[EditCommand, Callable[[], Changes]]:
    """As the import dialog's worker leaves it: committed, kept for undo, then pushed."""
    imports = services(window).imports
    source = imports.read(b"Name,Title\nNia New,CFO\nOla Other,CTO\n")
    result = imports.apply_for_undo(source, small.account.id, ImportOptions(source.fields))
    return ImportStakeholdersCommand(imports, result), _people(small)


def _add_account(window: MainWindow, small: SmallMap
                 ) -> tuple[EditCommand, Callable[[], Changes]]:
    command = AddAccountCommand(window.document, "Globex", "Retail")

    def expected() -> Changes:
        assert command.account is not None
        return account_changed(command.account.id)
    return command, expected


def _edit_account(window: MainWindow, small: SmallMap
                  ) -> tuple[EditCommand, Callable[[], Changes]]:
    before = services(window).accounts.get(small.account.id)
    return (EditAccountCommand(window.document, before, replace(before, notes="Busy")),
            lambda: account_changed(small.account.id))


def _delete_account(window: MainWindow, _small: SmallMap
                    ) -> tuple[EditCommand, Callable[[], Changes]]:
    other = services(window).accounts.create_account("Globex", "Retail").value
    return DeleteAccountCommand(window.document, other), lambda: account_changed(other.id)


def _create_blueprint(window: MainWindow, small: SmallMap
                      ) -> tuple[EditCommand, Callable[[], Changes]]:
    plans = services(window).blueprints
    return (CreateBlueprintCommand(plans, plans.draft(small.cell(0, 0)), "Ada Power"),
            lambda: plans_of([small.cell(0, 0)]))


def _move_blueprint(window: MainWindow, small: SmallMap
                    ) -> tuple[EditCommand, Callable[[], Changes]]:
    plans = services(window).blueprints
    plan = plans.create(plans.draft(small.cell(0, 0))).value
    moved = replace(plan, cells=(small.cell(1, 0),))
    return (UpdateBlueprintCommand(plans, plan, moved, "Move the plan"),
            lambda: plans_of([small.cell(0, 0), small.cell(1, 0)]))


def _delete_blueprint(window: MainWindow, small: SmallMap
                      ) -> tuple[EditCommand, Callable[[], Changes]]:
    plans = services(window).blueprints
    plan = plans.create(plans.draft(small.cell(0, 0))).value
    return (DeleteBlueprintCommand(plans, plan, "Ada Power"),
            lambda: plans_of([small.cell(0, 0)]))


def _letter_draft(window: MainWindow) -> tuple[EditCommand, Callable[[], Changes]]:
    contact_map = window.document.contact_map
    assert contact_map is not None
    letters = services(window).letters
    draft = letters.draft(contact_map)
    return AddLetterCommand(letters, draft, "New letter"), lambda: letters_of([draft.id])


def _add_letter(window: MainWindow, _small: SmallMap
                ) -> tuple[EditCommand, Callable[[], Changes]]:
    return _letter_draft(window)


def _edit_letter(window: MainWindow, _small: SmallMap
                 ) -> tuple[EditCommand, Callable[[], Changes]]:
    contact_map = window.document.contact_map
    assert contact_map is not None
    letters = services(window).letters
    saved = letters.save(letters.draft(contact_map)).value
    return (EditLetterCommand(letters, saved, replace(saved, subject="Next steps"), "subject"),
            lambda: letters_of([saved.id]))


def _delete_letter(window: MainWindow, _small: SmallMap
                   ) -> tuple[EditCommand, Callable[[], Changes]]:
    contact_map = window.document.contact_map
    assert contact_map is not None
    letters = services(window).letters
    saved = letters.save(letters.draft(contact_map)).value
    return DeleteLetterCommand(letters, saved), lambda: letters_of([saved.id])


def _lifecycle(window: MainWindow, small: SmallMap) -> LifecycleContext:
    found = services(window)
    context = LifecycleContext(found.lifecycle, found.agenda, found.contact_maps,
                               window.document.runner, window)
    context.account_id = small.account.id
    return context


def _save_engagement(window: MainWindow, small: SmallMap
                     ) -> tuple[EditCommand, Callable[[], Changes]]:
    engagement = Engagement(new_id(), small.account.id, "Route pilot")
    return (SaveCommand(_lifecycle(window, small), "Engagement", engagement),
            lambda: lifecycle_of(small.account.id))


def _delete_engagement(window: MainWindow, small: SmallMap
                       ) -> tuple[EditCommand, Callable[[], Changes]]:
    engagement = services(window).lifecycle.save(
        Engagement(new_id(), small.account.id, "Route pilot")).value
    return (DeleteCommand(_lifecycle(window, small), "Delete", Engagement, engagement.id),
            lambda: lifecycle_of(small.account.id))


def _record_stage(window: MainWindow, small: SmallMap
                  ) -> tuple[EditCommand, Callable[[], Changes]]:
    stage = StageChange(new_id(), small.account.id, AccountStage.PILOT,
                        date.today() - timedelta(days=3))
    return (RecordStageCommand(_lifecycle(window, small), stage),
            lambda: lifecycle_of(small.account.id) | account_changed(small.account.id))


def _start_engagement(window: MainWindow, small: SmallMap
                      ) -> tuple[EditCommand, Callable[[], Changes]]:
    lifecycle = services(window).lifecycle
    delivered = lifecycle.save(Engagement(new_id(), small.account.id, "Route pilot",
                                          status=EngagementStatus.DELIVERED)).value
    review = lifecycle.save(DeliveryReview(new_id(), delivered.id, small.stakeholders[0].id,
                                           date.today(), Verdict.MET, "",
                                           ("Invoices by hand", ""))).value
    return (StartEngagementCommand(_lifecycle(window, small), review.id, 0),
            lambda: lifecycle_of(small.account.id))


CASES: list[Case] = [
    _grade, _mark, _note,
    _add_stakeholder, _edit_stakeholder, _remove_stakeholder,
    _add_team_member, _edit_team_member, _remove_team_member, _reorder_team,
    _reorder_stakeholders, _import_stakeholders,
    _add_account, _edit_account, _delete_account,
    _create_blueprint, _move_blueprint, _delete_blueprint,
    _add_letter, _edit_letter, _delete_letter,
    _save_engagement, _delete_engagement, _record_stage, _start_engagement,
]


@pytest.mark.parametrize("case", CASES, ids=[case.__name__.lstrip("_") for case in CASES])
def test_an_edit_its_undo_and_its_redo_deliver_the_same_change_set(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, case: Case) -> None:
    document = window.document
    command, expected = case(window, small_map)
    delivered: list[Changes] = []
    document.changed.connect(delivered.append)
    assert document.runner.run(command)
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert delivered == [expected()] * 3
