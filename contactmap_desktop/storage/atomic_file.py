"""Writing an exported file (PDF, CSV, copy) so that it is either complete or not there.

The content goes to a private partial file beside the target, is flushed to the disk, and
only then renamed over the target; a full disk or an I/O error removes the partial file and
leaves any earlier file of that name as it was.
"""

from __future__ import annotations

import codecs
import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

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


class TextSink(Protocol):
    """Where text is written: what ``csv.writer`` and ``json.dump`` need of a file."""

    def write(self, text: str, /) -> object: ...


def write_text_atomically(target: Path, write: Callable[[TextSink], object],
                          encoding: str = "utf-8") -> None:
    """Call ``write(text)`` inside :func:`atomic_output`; the text is encoded and written a
    piece of about a megabyte at a time."""
    with atomic_output(target) as handle:
        pieces = _Pieces(handle, encoding)
        write(pieces)
        pieces.flush(final=True)


# Text gathered before it is encoded and written. Exports run beside the window: a large
# text made whole, then encoded whole, held the interpreter's lock for tens of ms at each
# step; written 8 KB at a time, each write let go of the lock and the window, woken every
# time, lost the race to take it back (waits of 100-400 ms during an account's export).
PIECE_CHARACTERS = 1 << 20


class _Pieces:
    """The ``write`` of a text file over a binary handle, a piece at a time."""

    def __init__(self, handle: BinaryIO, encoding: str) -> None:
        self._handle = handle
        self._encoder = codecs.getincrementalencoder(encoding)()
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= PIECE_CHARACTERS:
            self.flush()
        return len(text)

    def flush(self, final: bool = False) -> None:
        text, self._parts, self._size = "".join(self._parts), [], 0
        self._handle.write(self._encoder.encode(text, final))
