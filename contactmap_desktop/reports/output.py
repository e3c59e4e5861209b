"""Writing a finished PDF so that it is either complete or not there at all.

The bytes go to a temporary file in the target's folder (same file system, so the rename is
atomic), are flushed to disk, and only then replace the target. A failed export removes the
temporary file and leaves any earlier file of that name untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.export_targets import export_refusal

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an input/output error",
}


class ExportError(ContactMapError):
    """An export that could not be written; any earlier file of that name is unchanged."""


def describe(error: OSError) -> str:
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).rstrip(".").lower() or "the disk refused the write"


def write_bytes_atomically(target: Path, content: bytes) -> None:
    """Put ``content`` at ``target`` in one step, or raise :class:`ExportError`."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"Cannot write {target}: it is a folder.")
    refusal = export_refusal(target)
    if refusal is not None:
        raise ExportError(f"Cannot write {target}: {refusal}.")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                             dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600), as every other export: it holds client notes.
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise ExportError(f"Cannot write {target}: {describe(error)}.") from None
