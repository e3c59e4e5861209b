"""Files that come from outside (workspaces, CSV and vCard files, account files, logos):
only ordinary files, read with a size limit, never a pipe or a device that reads forever.

A named pipe blocks whoever opens it, ``/dev/zero`` never ends, and a workspace with a second
name (a hard link) can be opened by two copies of the app at once, each under its own lock.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from contactmap_desktop.domain.errors import ValidationError

# O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)

_MB = 1024 * 1024


def special_kind(mode: int) -> str | None:
    """What a file that is not an ordinary file is, in words; None for an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def ordinary_file_problem(info: os.stat_result, *, single_name: bool = False) -> str | None:
    """Why a file of this ``stat`` must not be used, or None. ``single_name`` refuses a file
    with a second name (a hard link), as a workspace must be."""
    kind = special_kind(info.st_mode)
    if kind is not None:
        return f"it is {kind}, not a file"
    if single_name and info.st_nlink > 1:
        return (f"it has {info.st_nlink} names (hard links), so two copies of the app could "
                "edit it at once; copy it to a file of its own and open the copy")
    return None


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The content of the ordinary file ``path``, at most ``limit`` bytes, or a
    ValidationError naming the problem (``what`` says what the file was to be)."""
    path = Path(path)
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {(error.strerror or str(error)).lower()}.") \
            from None
    try:
        info = os.fstat(descriptor)
        problem = ordinary_file_problem(info)
        if problem is not None:
            raise ValidationError(f"Cannot read {path} as {what}: {problem}.")
        too_large = ValidationError(
            f"{path.name} is larger than {limit // _MB or 1} MB, the limit for {what}.")
        if info.st_size > limit:
            raise too_large
        os.set_blocking(descriptor, True)
        chunks = []
        remaining = limit + 1  # one byte more tells a file that grew past the limit
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, _MB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise too_large
        return b"".join(chunks)
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {(error.strerror or str(error)).lower()}.") \
            from None
    finally:
        os.close(descriptor)


def check_ordinary_file(path: Path, limit: int, what: str) -> None:
    """Raise ValidationError unless ``path`` is an ordinary file of at most ``limit`` bytes
    (for files another library opens by name, such as a logo image)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {(error.strerror or str(error)).lower()}.") \
            from None
    problem = ordinary_file_problem(info)
    if problem is not None:
        raise ValidationError(f"Cannot use {path} as {what}: {problem}.")
    if info.st_size > limit:
        raise ValidationError(f"{path.name} is larger than {limit // _MB or 1} MB, the limit "
                              f"for {what}.")
