"""The letter's row tables (quotes, milestones) and the letter list, under the model tester."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester

from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter
from contactmap_desktop.ui.core.roles import LetterRole
from contactmap_desktop.ui.letters.letter_list_model import LetterListModel
from contactmap_desktop.ui.letters.row_models import UNDATED_TEXT, MilestoneModel, PainModel

STEPS = (Milestone("Review", "Priya", date(2026, 2, 1), "Signed off"),
         Milestone("PO", "Daniel", None, "PO issued"),
         Milestone("Kick-off", "Jordan", date(2026, 3, 1), "Team named"))


def test_milestones_survive_the_model_tester_through_every_edit(
        qtmodeltester: ModelTester) -> None:
    model = MilestoneModel()
    edits: list[tuple[Milestone, ...]] = []
    model.rows_edited.connect(edits.append)
    qtmodeltester.check(model)
    model.set_rows(STEPS)
    assert edits == []  # showing a letter is not an edit
    assert model.move_row(0, +1) == 1
    assert [m.step for m in model.rows()] == ["PO", "Review", "Kick-off"]
    assert model.move_row(2, -1) == 1
    assert [m.step for m in model.rows()] == ["PO", "Kick-off", "Review"]
    assert model.move_row(0, -1) == 0  # the first row cannot go higher
    assert model.add_row(1) == 1
    assert model.rows()[1] == Milestone()
    model.remove_row(1)
    assert model.setData(model.index(0, MilestoneModel.DATE_COLUMN), QDate(2026, 4, 30))
    assert model.rows()[0].due == date(2026, 4, 30)
    assert model.setData(model.index(0, 0), "Purchase order")
    assert model.rows()[0].step == "Purchase order"
    assert len(edits) == 6
    assert edits[-1] == model.rows()


def test_an_undated_milestone_is_flagged_and_delete_clears_a_date(
        qtmodeltester: ModelTester) -> None:
    model = MilestoneModel(today=lambda: date(2026, 1, 15))  # before the first step's date
    model.set_rows(STEPS)
    qtmodeltester.check(model)
    undated = model.index(1, MilestoneModel.DATE_COLUMN)
    assert undated.data() == UNDATED_TEXT
    assert undated.data(Qt.ItemDataRole.EditRole) is None
    assert "no date" in undated.data(Qt.ItemDataRole.ToolTipRole)
    assert undated.data(Qt.ItemDataRole.ForegroundRole) is not None
    dated = model.index(0, MilestoneModel.DATE_COLUMN)
    assert dated.data() == "2026-02-01"  # the window's style: ISO in the C locale
    assert dated.data(Qt.ItemDataRole.EditRole) == QDate(2026, 2, 1)
    assert dated.data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.undated_count() == 1
    model.setData(dated, None)  # what Delete does
    assert model.undated_count() == 2


def test_quotes_are_plain_text_rows(qtmodeltester: ModelTester) -> None:
    model = PainModel()
    qtmodeltester.check(model)
    model.set_rows((PainStatement("It takes <b>days</b>", "李伟"),))
    assert model.index(0, 0).data() == "It takes <b>days</b>"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Said by"
    model.add_row()
    model.setData(model.index(1, 1), "Zoë Müller")
    assert model.rows()[1] == PainStatement("", "Zoë Müller")


def test_the_letter_list_repaints_a_changed_title_without_a_reset(
        qtmodeltester: ModelTester) -> None:
    model = LetterListModel()
    qtmodeltester.check(model)
    first = SponsorLetter("a", "acc", date(2026, 3, 2), subject="Rollout", addressee_name="Priya")
    second = SponsorLetter("b", "acc", date(2026, 2, 1), based_on_id=None)
    model.set_letters([first, second])
    assert model.index(0).data() == "2026-03-02 — Rollout"
    assert model.index(1).data() == "2026-02-01 — untitled letter"
    assert model.index(0).data(LetterRole.LETTER_ID) == "a"
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_letters([replace(first, subject="Rollout v2", based_on_id="b"), second])
    assert resets == []
    assert model.index(0).data() == "2026-03-02 — Rollout v2"
    assert "revision of the letter of 2026-02-01" in model.index(0).data(
        Qt.ItemDataRole.ToolTipRole)
    model.set_letters([second])
    assert resets == [True] and model.row_of("b") == 0 and model.row_of("a") == -1


def test_a_letter_and_its_revisions_are_listed_with_revision_numbers(
        qtmodeltester: ModelTester) -> None:
    model = LetterListModel()
    qtmodeltester.check(model)
    day = date(2026, 3, 2)
    first = SponsorLetter("a", "acc", day, subject="Rollout", created_at=datetime(2026, 3, 2, 9))
    second = replace(first, id="b", based_on_id="a", created_at=datetime(2026, 3, 2, 11))
    third = replace(first, id="c", based_on_id="b", created_at=datetime(2026, 3, 3, 8))
    other = SponsorLetter("d", "acc", day, subject="Pilot", created_at=datetime(2026, 3, 1))
    model.set_letters([third, second, first, other])  # newest first, as listed
    titles = [model.index(row).data() for row in range(4)]
    assert titles == ["2026-03-02 — Rollout · revision 3", "2026-03-02 — Rollout · revision 2",
                      "2026-03-02 — Rollout · revision 1", "2026-03-02 — Pilot"]
    assert len(set(titles)) == 4
    assert "\nWritten " in model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    # A revision given its own subject is no longer numbered, nor is the one left alone.
    model.set_letters([replace(third, subject="Rollout, final"), second, first, other])
    assert model.index(0).data() == "2026-03-02 — Rollout, final"
    assert model.index(1).data() == "2026-03-02 — Rollout · revision 2"


def test_a_step_ticked_done_records_the_day_and_an_undone_past_step_is_overdue(
        qtmodeltester: ModelTester) -> None:
    """Article 002: "Use hard step dates" — a step past its date and not done is overdue
    until it is ticked done."""
    model = MilestoneModel(today=lambda: date(2026, 2, 10))
    model.set_rows(STEPS)
    qtmodeltester.check(model)
    dated = model.index(0, MilestoneModel.DATE_COLUMN)
    assert "overdue" in dated.data(Qt.ItemDataRole.ToolTipRole)
    done = model.index(0, MilestoneModel.DONE_COLUMN)
    assert done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows()[0].done_on == date(2026, 2, 10)
    assert done.data() == "2026-02-10"
    assert dated.data(Qt.ItemDataRole.ToolTipRole) is None  # done: no longer overdue
    model.setData(done, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows()[0].done_on is None
