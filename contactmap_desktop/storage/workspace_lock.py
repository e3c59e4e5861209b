"""One editor per workspace: a lock file beside it, held with an OS lock while the app runs.

The lock file records who holds it (host, process id, since when) so that a second copy of
the app can say so. The OS lock on the open file, not the file's existence, decides: the
kernel drops it when the holder exits or is killed, so a lock file left by a crashed process
is stale and is taken over (and reported) by the next one to open the workspace.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from contactmap_desktop.domain.errors import StorageError, ValidationError, WorkspaceLockedError
from contactmap_desktop.storage.inbound_files import ordinary_file_problem, read_bounded
from contactmap_desktop.storage.io_errors import describe_os_error

# O_NOFOLLOW refuses a symbolic link at the lock's name; O_NONBLOCK, a named pipe there.
_LOCK_FLAGS = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        # Lock a byte far past the record, so readers can still read who holds the lock.
        os.lseek(descriptor, 1 << 20, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a workspace lock."""

    host: str
    pid: int
    since: str  # ISO time, UTC

    def describe(self) -> str:
        return f"process {self.pid} on {self.host} (since {self.since[:16].replace('T', ' ')} UTC)"


def lock_path_for(workspace_path: Path) -> Path:
    return workspace_path.with_name(workspace_path.name + ".lock")


def _read_holder(path: Path) -> LockHolder | None:
    try:
        record = json.loads(read_bounded(path, 4096, "a lock file").decode("utf-8"))
        return LockHolder(str(record["host"]), int(record["pid"]), str(record["since"]))
    except (ValidationError, ValueError, KeyError, TypeError):
        return None


# flock() conflicts even between two opens in one process, and one process (the app and its
# command line, a test) may open the same workspace more than once: count holds per process.
_HELD: dict[Path, tuple[int, int]] = {}  # lock path -> (descriptor, hold count)
_HELD_GUARD = threading.Lock()


class WorkspaceLock:
    """``acquire()`` or raise WorkspaceLockedError naming the holder; ``release()`` when done."""

    def __init__(self, workspace_path: Path) -> None:
        self.path = lock_path_for(Path(workspace_path).expanduser().resolve())
        self.stale_holder: LockHolder | None = None  # set when a dead holder's lock was taken
        self._held = False

    def acquire(self) -> None:
        with _HELD_GUARD:
            if self.path in _HELD:
                descriptor, count = _HELD[self.path]
                _HELD[self.path] = (descriptor, count + 1)
                self._held = True
                return
            descriptor = self._lock_current_file()
            _HELD[self.path] = (descriptor, 1)
            self._held = True

    def _lock_current_file(self) -> int:
        for _ in range(10):
            try:
                # Never through a link: a symbolic link planted at the lock's name would have
                # the record written over (and truncate) whatever file it points to.
                descriptor = os.open(self.path, _LOCK_FLAGS, 0o600)
            except OSError as error:
                if error.errno == errno.ELOOP:
                    raise StorageError(
                        f"The lock file {self.path} is a symbolic link, which the app never "
                        "makes; remove it and open the workspace again."
                    ) from None
                raise StorageError(
                    f"Cannot create the lock file {self.path}: {describe_os_error(error)}."
                ) from None
            problem = ordinary_file_problem(os.fstat(descriptor), single_name=True)
            if problem is not None:
                os.close(descriptor)
                raise StorageError(f"The lock file {self.path} cannot be used: {problem}; "
                                   "remove it and open the workspace again.")
            if not _try_lock(descriptor):
                os.close(descriptor)
                holder = _read_holder(self.path)
                who = holder.describe() if holder else "another program"
                raise WorkspaceLockedError(
                    f"{self.path.with_suffix('').name} is already open for editing by {who}.",
                    holder.host if holder else "", holder.pid if holder else 0,
                )
            # The previous holder may have deleted the file between our open and our lock:
            # then we hold a lock on a file nobody else sees, so start again.
            try:
                same_file = os.path.samestat(os.fstat(descriptor), os.stat(self.path))
            except FileNotFoundError:
                same_file = False
            if not same_file:
                os.close(descriptor)
                continue
            self.stale_holder = _read_holder(self.path)
            try:
                self._write_record(descriptor)
            except OSError as error:  # a full disk: say so, and leave no empty lock behind
                with contextlib.suppress(OSError):
                    self.path.unlink()
                os.close(descriptor)
                raise StorageError(f"Cannot write the lock file {self.path}: "
                                   f"{describe_os_error(error)}.") from None
            return descriptor
        raise StorageError(f"Cannot take the lock {self.path}: it keeps changing.")

    @staticmethod
    def _write_record(descriptor: int) -> None:
        record = json.dumps({
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
        }).encode("utf-8")
        os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, record)
        os.fsync(descriptor)

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        with _HELD_GUARD:
            descriptor, count = _HELD[self.path]
            if count > 1:
                _HELD[self.path] = (descriptor, count - 1)
                return
            del _HELD[self.path]
            # Delete while still holding the lock, so nobody locks the file we are removing.
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(descriptor)


def current_holder(workspace_path: Path) -> LockHolder | None:
    """Who the lock file names, live or stale; None if there is no lock file."""
    return _read_holder(lock_path_for(Path(workspace_path).expanduser().resolve()))
