"""A note added to a recorded grade change is stored, survives reopening, and settles a jump."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import NotFoundError, ValidationError
from contactmap_desktop.domain.finding import Rule, Severity
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.history_rules import big_jumps
from contactmap_desktop.services.grade_note_service import GradeNoteService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock


def test_note_on_a_jump_is_kept_and_turns_the_warning_into_a_note(tmp_path: Path) -> None:
    path = tmp_path / "w.cmap"
    small = build_small_map(path)
    clock = FakeClock()
    small.opened.contact_maps._clock = clock
    small.opened.contact_maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
    clock.advance(minutes=5)
    jump = small.opened.contact_maps.set_grade(small.cell(0, 0), Grade.TRUST).change
    assert jump is not None
    before = big_jumps(small.opened.contact_maps.load_map(small.account.id))
    assert [f.severity for f in before] == [Severity.WARNING]

    saved = GradeNoteService(small.opened.workspace).set_note(jump.id, "  Ran the pilot  ").value
    assert saved.note == "Ran the pilot" and saved.new_grade is Grade.TRUST
    small.opened.close()

    reopened = open_workspace(path)
    try:
        contact_map = reopened.contact_maps.load_map(small.account.id)
        assert [c.note for c in contact_map.history_of(small.cell(0, 0))] == ["", "Ran the pilot"]
        [finding] = big_jumps(contact_map)
        assert (finding.rule, finding.severity) == (Rule.BIG_JUMP, Severity.INFO)
        assert "Ran the pilot" in finding.message
        with pytest.raises(NotFoundError):
            GradeNoteService(reopened.workspace).set_note("no-such-id", "x")
        with pytest.raises(ValidationError):
            GradeNoteService(reopened.workspace).set_note(jump.id, "x" * 100_000)
    finally:
        reopened.close()
