"""The headless front door: ``contactmap [--workspace FILE] [--smoke] [COMMAND …]``.

Exit 0 on success; exit 1 with one line on stderr for bad input or a damaged file.
Without a command the window opens.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from contactmap_desktop import __version__, cli_data, cli_findings, cli_pdf
from contactmap_desktop.domain.errors import ContactMapError, StorageError, WorkspaceLockedError
from contactmap_desktop.paths import default_workspace_path
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.file_check import check_workspace_file

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 1, per the contract."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"contactmap: {message}\n")
        raise SystemExit(1)


def _build_parser() -> argparse.ArgumentParser:
    workspace = _Parser(add_help=False)
    # SUPPRESS lets --workspace be given before or after the command name.
    workspace.add_argument("--workspace", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                           help="workspace file (default: the user's default workspace)")
    parser = _Parser(prog="contactmap", parents=[workspace],
                     description="ContactMap Desktop: map and plan client relationships.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="start the window, paint the first frame and exit 0")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    check = commands.add_parser("check", parents=[workspace],
                                help="integrity and schema check of the workspace")
    check.set_defaults(run=_check)

    accounts = commands.add_parser("accounts", parents=[workspace],
                                   help="list accounts, one per line")
    accounts.set_defaults(run=_accounts)
    cli_data.add_commands(commands, workspace, _with_workspace)
    cli_findings.add_commands(commands, workspace, _with_workspace)
    cli_pdf.add_commands(commands, workspace, _with_workspace)
    return parser


def _workspace_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "workspace", None) or default_workspace_path())


def _open(args: argparse.Namespace, *, create: bool = False) -> OpenWorkspace:
    """Open the workspace named on the command line; the default one is created if needed.

    A workspace open in the app is opened read-only, so that reading commands still work.
    """
    path = _workspace_path(args)
    is_default = getattr(args, "workspace", None) is None
    try:
        return open_workspace(path, create=create or is_default, with_sample=is_default)
    except WorkspaceLockedError as locked:
        args.locked_by = locked
        return open_workspace(path, read_only=True)


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[OpenWorkspace]:
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


def _check(args: argparse.Namespace) -> int:
    path = _workspace_path(args)
    if not path.exists():
        raise ContactMapError(f"{path} does not exist.")
    # Thorough: SQLite's full integrity check and the links between rows, all read-only.
    version = check_workspace_file(path, thorough=True)
    print(f"{path}: ok (schema version {version})")
    return 0


def _accounts(args: argparse.Namespace) -> int:
    with _opened(args) as opened:
        for account in opened.accounts.list_accounts():
            print(account.name)
    return 0


def _with_workspace(args: argparse.Namespace) -> int:
    with _opened(args) as opened:
        result: int = args.data_command(args, opened)
        return result


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    run: Command | None = getattr(args, "run", None)
    try:
        if run is not None:
            return run(args)
        from contactmap_desktop.app import run_gui  # Qt is only loaded for the window

        return run_gui(_workspace_path(args), smoke=args.smoke,
                       is_default=getattr(args, "workspace", None) is None)
    except ContactMapError as error:
        sys.stderr.write(f"contactmap: {error}\n")
        return 1
    except BrokenPipeError:  # e.g. `contactmap accounts | head -1`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
