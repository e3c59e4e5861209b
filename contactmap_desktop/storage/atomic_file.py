"""Writing an exported file (PDF, CSV, copy) so that it is either complete or not there.

The content goes to a private partial file beside the target, is flushed to the disk, and
only then renamed over the target; a full disk or an I/O error removes the partial file and
leaves any earlier file of that name as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.domain.export_targets import export_refusal
from contactmap_desktop.storage.io_errors import describe_os_error
from contactmap_desktop.storage.private_files import fsync_dir


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """``with atomic_output(path) as handle: handle.write(...)`` — all or nothing."""
    target = Path(target)
    refusal = export_refusal(target)
    if refusal is not None:
        raise StorageError(f"Cannot write {target}: {refusal}.")
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StorageError(f"Cannot write {target}: {describe_os_error(error)}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write(handle)`` inside :func:`atomic_output`."""
    with atomic_output(target) as handle:
        write(handle)
