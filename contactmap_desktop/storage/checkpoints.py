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

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# After this long without a commit, writing is taken to have paused.
PAUSE_SECONDS = 1.0


class WalCheckpointer:
    """``committed()`` after each commit; ``close()`` before the engine is disposed."""

    def __init__(self, engine: Engine, pause: float | None = None) -> None:
        self._engine = engine
        self._pause = PAUSE_SECONDS if pause is None else pause
        self._guard = threading.Lock()
        self._timer: threading.Timer | None = None
        self._closed = False

    def committed(self) -> None:
        """Restart the wait: the checkpoint runs once commits stop for ``pause`` seconds."""
        with self._guard:
            if self._closed:
                return
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self._pause, self._after_pause)
            self._timer.daemon = True
            self._timer.start()

    def _after_pause(self) -> None:
        # PASSIVE never waits for readers or writers; frames a reader still needs are
        # copied at the next pause.
        if not self.checkpoint("PASSIVE"):
            self.committed()

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
        with self._guard:
            self._closed = True
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            timer.join()
        self.checkpoint("TRUNCATE")
