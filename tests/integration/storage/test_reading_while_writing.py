"""A unit of work that only reads never waits for a writer (a sync, an import): it reads the
last committed state; and a commit starts no thread of its own."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.clock import utc_now
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import build_small_map


def test_a_read_does_not_wait_for_a_long_write(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    workspace, cell = small.opened.workspace, small.cell(0, 0)
    small.opened.contact_maps.set_grade(cell, Grade.OPEN)
    writing, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with UnitOfWork(workspace) as repos:  # holds the write lock, as a sync's apply does
            current = repos.relationships.get(cell)
            repos.relationships.save(replace(current, grade=Grade.TRUST), utc_now())
            writing.set()
            release.wait(10)

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert writing.wait(10)
        started = time.monotonic()
        [state] = small.opened.contact_maps.read_cells([cell])
        assert time.monotonic() - started < 1.0  # not the 5 s busy timeout
        assert state.relationship.grade == Grade.OPEN  # the last committed state
    finally:
        release.set()
        writer.join()
    [state] = small.opened.contact_maps.read_cells([cell])
    assert state.relationship.grade == Grade.TRUST
    small.opened.close()


@pytest.mark.sqlite_only("the SQLite file's WAL checkpoint thread")
def test_commits_share_one_checkpoint_thread(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting a thread waits until it runs: on a busy machine, a wait of the window."""
    small = build_small_map(tmp_path / "w.cmap")
    started: list[threading.Thread] = []
    start = threading.Thread.start

    def counted(thread: threading.Thread) -> None:
        started.append(thread)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", counted)
    for letter in "TOSIDM" * 3:
        small.opened.contact_maps.set_grade(small.cell(0, 0), Grade(letter))
    assert len(started) <= 1, started
    small.opened.close()
    assert not any(thread.is_alive() for thread in started)
