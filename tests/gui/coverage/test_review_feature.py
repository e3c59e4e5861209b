"""Reviews in the window: the same letter typed again, Mark Reviewed for a cell, a row, a
column or the whole map (one undo step each), and the weekly review's walk."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import whole_account
from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import GradeChange
from contactmap_desktop.services.user import login_name
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.coverage.review_feature import ReviewFeature
from tests.helpers.builders import SmallMap


def _history(small_map: SmallMap) -> list[GradeChange]:
    return small_map.opened.contact_maps.load_map(small_map.account.id).history


def _feature(window: MainWindow) -> ReviewFeature:
    feature = window.features.review
    assert isinstance(feature, ReviewFeature)
    return feature


def test_typing_the_same_letter_again_is_a_review_with_who_and_when(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_S)
    qtbot.keyClick(grid, Qt.Key.Key_S)
    first, second = _history(small_map)
    assert not first.is_review
    assert second.is_review and second.new_grade is Grade.SATISFIED
    assert second.changed_by == login_name()
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()  # the review leaves; the grade stays
    assert _history(small_map) == [first]
    assert grid.model().index(0, 0).data() == "S"


def test_whole_map_reviewed_is_one_undo_step_and_clears_the_stale_finding(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    page = window.map_page
    page.set_grades({small_map.cell(r, c): Grade.OPEN for r in range(2) for c in range(2)})
    # Four months pass without a look at these grades.
    with UnitOfWork(small_map.opened.workspace) as repos:
        for r in range(2):
            for c in range(2):
                relationship = repos.relationships.get(small_map.cell(r, c))
                assert relationship.reviewed_at is not None
                old = relationship.reviewed_at - timedelta(days=120)
                repos.relationships.save(relationship.with_grade(Grade.OPEN, old), old)
    window.document.apply(whole_account(small_map.account.id))
    coverage = window.features.coverage
    coverage.recompute()
    stale = [f for f in coverage.findings if f.rule is Rule.NOT_REVIEWED]
    assert len(stale) == 4
    stack = window.document.undo_stack
    before = stack.count()
    review = _feature(window)
    review.actions[3].trigger()  # Mark Whole Map Reviewed
    assert stack.count() == before + 1
    assert stack.undoText() == "Mark 4 cells reviewed"
    assert sum(c.is_review for c in _history(small_map)) == 4
    coverage.recompute()
    assert not [f for f in coverage.findings
                if f.rule is Rule.NOT_REVIEWED]
    stack.undo()
    assert sum(c.is_review for c in _history(small_map)) == 0
    coverage.recompute()
    assert len([f for f in coverage.findings
                if f.rule is Rule.NOT_REVIEWED]) == 4


def test_row_and_column_reviews_confirm_only_their_graded_cells(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    page = window.map_page
    page.set_grades({small_map.cell(0, 0): Grade.TRUST, small_map.cell(0, 2): Grade.SATISFIED,
                     small_map.cell(1, 0): Grade.OPEN})
    page.grid.go_to(small_map.cell(0, 0))
    review = _feature(window)
    review.actions[1].trigger()  # row of Rep One: two graded cells
    assert window.document.undo_stack.undoText() == "Mark 2 cells reviewed"
    review.actions[2].trigger()  # column of Ada Power: two graded cells
    reviewed = sorted(str(c.cell) for c in _history(small_map) if c.is_review)
    assert reviewed == sorted(str(c) for c in (small_map.cell(0, 0), small_map.cell(0, 2),
                                               small_map.cell(0, 0), small_map.cell(1, 0)))
    page.grid.go_to(small_map.cell(1, 1))  # blank: nothing to confirm, no undo step
    count = window.document.undo_stack.count()
    review.actions[0].trigger()
    assert window.document.undo_stack.count() == count


def test_the_weekly_review_walks_the_key_cells_and_confirms_them(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    page = window.map_page
    page.set_grades({small_map.cell(0, 1): Grade.INDIFFERENT})
    with UnitOfWork(small_map.opened.workspace) as repos:
        relationship = repos.relationships.get(small_map.cell(0, 1))
        assert relationship.reviewed_at is not None
        old = relationship.reviewed_at - timedelta(days=8)
        repos.relationships.save(type(relationship)(relationship.cell, Grade.INDIFFERENT,
                                                    is_key=True, reviewed_at=old), old)
        key = repos.relationships.get(small_map.cell(1, 2))
        repos.relationships.save(type(key)(key.cell, is_key=True), old)
    window.document.apply(whole_account(small_map.account.id))
    review = _feature(window)
    review.start_walk()
    assert review.bar.isVisible()
    assert "1 of 2" in review.bar.text.text()
    assert page.grid.current_cell() == small_map.cell(0, 1)
    review.bar.reviewed_button.click()
    assert [c.cell for c in _history(small_map) if c.is_review] == [small_map.cell(0, 1)]
    assert "2 of 2" in review.bar.text.text() and "not graded yet" in review.bar.text.text()
    assert not review.bar.reviewed_button.isEnabled()  # a blank key cell: grade it first
    review.bar.skip_button.click()
    assert "all 2 cells looked at" in review.bar.text.text()
    review.bar.stop_button.click()
    assert not review.bar.isVisible()
