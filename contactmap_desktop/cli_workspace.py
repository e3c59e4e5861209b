"""Opening the workspace for a command, and the ``check`` and ``accounts`` commands."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from contactmap_desktop.cli import one_line, workspace_path
from contactmap_desktop.domain.errors import ContactMapError, StorageError, WorkspaceLockedError
from contactmap_desktop.services.stored_values import unreadable_value
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.file_check import check_workspace_file

WorkspaceCommand = Callable[[argparse.Namespace, OpenWorkspace], int]


def _open(args: argparse.Namespace) -> OpenWorkspace:
    """Open the workspace named on the command line; the default one is created if needed.

    A workspace open in the app is opened read-only, so that reading commands still work.
    """
    path = workspace_path(args)
    is_default = getattr(args, "workspace", None) is None
    try:
        return open_workspace(path, create=is_default, with_sample=is_default)
    except WorkspaceLockedError as locked:
        args.locked_by = locked
        return open_workspace(path, read_only=True)


@contextmanager
def opened_workspace(args: argparse.Namespace) -> Iterator[OpenWorkspace]:
    opened = _open(args)
    try:
        yield opened
    except StorageError:
        locked: WorkspaceLockedError | None = getattr(args, "locked_by", None)
        if opened.read_only and locked is not None:
            # A write refused because the app holds the file: say who, not "read-only".
            raise ContactMapError(f"{locked} Close it there to change it from the command "
                                  "line; nothing was changed.") from None
        raise
    finally:
        opened.close()


def with_workspace(command: WorkspaceCommand) -> Callable[[argparse.Namespace], int]:
    """``command`` run on the opened workspace, which is closed afterwards."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        with opened_workspace(args) as opened:
            return command(args, opened)

    return run


def check(args: argparse.Namespace) -> int:
    path = workspace_path(args)
    if not path.exists():
        raise ContactMapError(f"{path} does not exist.")
    # Thorough: SQLite's full integrity check and the links between rows, all read-only.
    version = check_workspace_file(path, thorough=True)
    problem = unreadable_value(path)
    if problem is not None:
        raise ContactMapError(f"{path} holds a value the app cannot read: {problem}.")
    print(f"{path}: ok (schema version {version})")
    return 0


@with_workspace
def accounts(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    for account in opened.accounts.list_accounts():
        print(one_line(account.name))
    return 0
