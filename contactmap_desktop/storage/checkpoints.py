"""Keeping the main workspace file complete: the WAL is copied into it when writes pause.

In WAL mode a commit lands in the ``-wal`` file beside the workspace; SQLite copies it into
the main file only now and then. Users copy, mail and sync the ``.cmap`` file alone, so a
short while after the last commit, and at close, every committed edit is copied in. The
copy is SQLite's own checkpoint: a kill at any moment still loses nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# After this long without a commit, writing is taken to have paused.
PAUSE_SECONDS = 1.0
# After this long without a commit, the waiting thread ends.
IDLE_SECONDS = 60.0


class WalCheckpointer:
    """``committed()`` after each commit; ``close()`` before the engine is disposed.

    One waiting thread per workspace: a commit only moves its deadline. (A timer thread
    started at every commit made the committing thread, often the window's, wait until the
    new thread was scheduled: tens of milliseconds on a busy machine.)"""

    def __init__(self, engine: Engine, pause: float | None = None) -> None:
        self._engine = engine
        self._pause = PAUSE_SECONDS if pause is None else pause
        self._wake = threading.Condition()
        self._due: float | None = None  # when commits will have paused (monotonic)
        self._thread: threading.Thread | None = None
        self._closed = False

    def committed(self) -> None:
        """Restart the wait: the checkpoint runs once commits stop for ``pause`` seconds."""
        with self._wake:
            if self._closed:
                return
            idle, self._due = self._due is None, time.monotonic() + self._pause
            if self._thread is None:
                self._thread = threading.Thread(target=self._wait_for_pauses, daemon=True,
                                                name="wal-checkpoint")
                self._thread.start()
            elif idle:
                self._wake.notify()

    def _wait_for_pauses(self) -> None:
        with self._wake:
            while not self._closed:
                if self._due is None:
                    # Idle for long: the thread ends (the next commit starts another), so a
                    # workspace left open without writes holds no thread.
                    if not self._wake.wait(IDLE_SECONDS) and self._due is None:
                        self._thread = None
                        return
                    continue
                left = self._due - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                self._due = None
                self._wake.release()
                try:
                    # PASSIVE never waits for readers or writers; frames a reader still
                    # needs are copied at the next pause.
                    copied = self.checkpoint("PASSIVE")
                finally:
                    self._wake.acquire()
                if not copied and self._due is None and not self._closed:
                    self._due = time.monotonic() + self._pause

    def checkpoint(self, mode: str) -> bool:
        """Copy the WAL into the main file; True when all of it was copied."""
        try:
            raw = self._engine.raw_connection()
            try:
                busy, frames, copied = raw.cursor().execute(
                    f"PRAGMA wal_checkpoint({mode})").fetchone()
            finally:
                raw.close()
        except (DBAPIError, sqlite3.Error, OSError) as error:
            # The edits are safe in the WAL either way; the next pause or close tries again.
            log.warning("Checkpoint failed (%s)", type(error).__name__)
            return False
        return not busy and frames == copied

    def close(self) -> None:
        """Stop waiting and copy everything in, leaving an empty WAL behind."""
        with self._wake:
            self._closed = True
            thread, self._thread = self._thread, None
            self._wake.notify()
        if thread is not None:
            thread.join()
        self.checkpoint("TRUNCATE")
