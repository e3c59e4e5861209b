"""Merging grade histories: fast-forward either way, forks reported, newest wins."""

from __future__ import annotations

from datetime import datetime

from contactmap_desktop.domain.grade_merge import merge_histories
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, GradeChange

CELL = CellRef("t", "s")
T0 = datetime(2026, 1, 1, 9)


def change(id_: str, old: Grade | None, new: Grade | None, hour: int) -> GradeChange:
    return GradeChange(id_, CELL, old, new, T0.replace(hour=hour))


BASE = change("a", None, Grade.SATISFIED, 9)
THEIRS = change("b", Grade.SATISFIED, Grade.OPEN, 10)
OURS = change("c", Grade.SATISFIED, Grade.INDIFFERENT, 11)


def test_nothing_new_settles_nothing() -> None:
    assert merge_histories([BASE, OURS], [BASE]) == ([], [])


def test_file_ahead_is_a_fast_forward() -> None:
    settled, conflicts = merge_histories([BASE], [BASE, THEIRS])
    assert [s.grade for s in settled] == [Grade.OPEN] and conflicts == []


def test_cell_new_to_this_workspace() -> None:
    settled, conflicts = merge_histories([], [BASE])
    assert [s.grade for s in settled] == [Grade.SATISFIED] and conflicts == []


def test_fork_to_different_grades_is_a_conflict_and_newest_wins() -> None:
    settled, [conflict] = merge_histories([BASE, OURS], [BASE, THEIRS])
    assert [s.grade for s in settled] == [Grade.INDIFFERENT]
    assert (conflict.local_grade, conflict.incoming_grade, conflict.kept) == (
        Grade.INDIFFERENT, Grade.OPEN, Grade.INDIFFERENT)
    assert not conflict.incoming_won
    later_theirs = change("d", Grade.SATISFIED, Grade.OPEN, 12)
    settled, [conflict] = merge_histories([BASE, OURS], [BASE, later_theirs])
    assert settled[0].grade is Grade.OPEN and conflict.incoming_won


def test_fork_to_the_same_grade_is_no_conflict() -> None:
    same = change("e", Grade.SATISFIED, Grade.INDIFFERENT, 10)
    settled, conflicts = merge_histories([BASE, OURS], [BASE, same])
    assert [s.grade for s in settled] == [Grade.INDIFFERENT] and conflicts == []


def test_an_old_change_never_replaces_a_newer_grade() -> None:
    old = change("d", None, Grade.TRUST, 8)
    settled, [conflict] = merge_histories([BASE, OURS], [old])
    assert [s.grade for s in settled] == [Grade.INDIFFERENT]
    assert conflict.kept is Grade.INDIFFERENT and not conflict.incoming_won


def test_of_a_change_both_sides_hold_this_sides_copy_counts() -> None:
    # The file's copy of change "a" claims a later time and another grade: ids are never
    # rewritten, so it is the copy kept here (and shown in the history) that decides.
    tampered = change("a", None, Grade.TRUST, 23)
    assert merge_histories([BASE, OURS], [tampered]) == ([], [])
    settled, _ = merge_histories([BASE, OURS], [tampered, THEIRS])
    assert [s.grade for s in settled] == [Grade.INDIFFERENT]


def test_a_cell_new_here_takes_the_grade_its_history_ends_on() -> None:
    settled, _ = merge_histories([BASE, OURS], [], new_cells={CELL})
    assert [s.grade for s in settled] == [Grade.INDIFFERENT]
    assert merge_histories([], [], new_cells={CELL}) == ([], [])
