"""A workspace file's header: which files this version writes and reads, known without
SQLAlchemy, so that the light read of the window's first paint (storage/quick_read.py) and the
full file check (storage/file_check.py) read it the same way."""

from __future__ import annotations

import os
import struct
from pathlib import Path

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.inbound_files import ordinary_file_problem

# PRAGMA application_id: "CMAP" in ASCII, so other tools can tell our files from any SQLite file.
APPLICATION_ID = 0x434D4150
SCHEMA_VERSION = 12
HEADER_SIZE = 100
# O_NONBLOCK: a named pipe is refused at once instead of waiting for a writer.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_header(path: Path) -> bytes:
    """The first bytes of an ordinary file with one name; anything else is refused."""
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except PermissionError:
        raise WorkspaceError(f"{path} cannot be read: permission denied.") from None
    except OSError as error:
        raise WorkspaceError(f"{path} cannot be read: {error.strerror}.") from None
    try:
        problem = ordinary_file_problem(os.fstat(descriptor), single_name=True)
        if problem is not None:
            raise WorkspaceError(f"{path} cannot be opened as a workspace: {problem}.")
        return os.read(descriptor, HEADER_SIZE)
    except OSError as error:
        raise WorkspaceError(f"{path} cannot be read: {error.strerror}.") from None
    finally:
        os.close(descriptor)


def versions(header: bytes) -> tuple[int, int]:
    """The file's schema version (PRAGMA user_version) and application id."""
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return int(user_version), int(application_id)
