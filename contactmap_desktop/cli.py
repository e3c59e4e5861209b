"""The headless front door: ``contactmap [--workspace FILE] [--smoke] [COMMAND …]``.

Exit 0 on success; exit 1 with one line on stderr for bad input or a damaged file.
Without a command the window opens.

Every command and option is declared here, in one place; each command's handler lives in a
``cli_*`` module that is imported only when that command runs, so that opening the window
does not load the services, storage and reports first.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.paths import default_workspace_path

# Characters a terminal obeys rather than shows: C0 and C1 controls (escape sequences can
# retitle the window, move the cursor, rewrite earlier lines) and bidirectional overrides.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\n\x0b-\x0d\x85\u2028\u2029]")


def _shown(match: re.Match[str]) -> str:
    # \uXXXX: visible in text, and still valid inside the strings of ``--json`` output.
    return f"\\u{ord(match.group()):04x}"


def terminal_text(text: str) -> str:
    """``text`` with every control character shown as ``\\uXXXX``; line breaks kept."""
    return _CONTROLS.sub(_shown, text)


def one_line(text: str) -> str:
    """A name for a one-per-line listing: line breaks shown as ``\\uXXXX`` too."""
    return terminal_text(_LINE_BREAKS.sub(_shown, text))


class _TerminalStream:
    """A text stream whose writes show user text's control characters instead of obeying
    them: names come from account files and CSV rows that anyone may have written."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_text(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _shown_controls() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = _TerminalStream(sys.stdout)
    sys.stderr = _TerminalStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


class _VersionAction(argparse.Action):
    """``--version``: the version is read only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from contactmap_desktop import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


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
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the version and exit")
    parser.add_argument("--smoke", action="store_true",
                        help="start the window, paint the first frame and exit 0")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def command(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        """A command run by ``handler`` ("module:function" of a cli_* module)."""
        sub = commands.add_parser(name, parents=[workspace], help=help_text)
        sub.set_defaults(handler=handler)
        return sub

    command("check", "cli_workspace:check", "integrity and schema check of the workspace")
    command("accounts", "cli_workspace:accounts", "list accounts, one per line")

    imp = command("import-csv", "cli_data:import_csv",
                  "import stakeholders from a CSV or vCard file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--account", required=True, metavar="NAME")
    imp.add_argument("--mapping", type=Path, metavar="FILE",
                     help='JSON: {"columns": {"Header": "field"}, "company": "filter"}')

    exp = command("export-csv", "cli_data:export_csv",
                  "stakeholders and grades as CSV, formula-safe")
    exp.add_argument("--account", required=True, metavar="NAME")
    exp.add_argument("--out", required=True, type=Path, metavar="FILE")
    exp.add_argument("--findings", action="store_true",
                     help="write the coverage findings instead of the map")

    out = command("export-account", "cli_data:export_account",
                  "write one account to a file for another workspace")
    out.add_argument("--account", required=True, metavar="NAME")
    out.add_argument("--out", required=True, type=Path, metavar="FILE")

    into = command("import-account", "cli_data:import_account",
                   "merge an account file into the workspace by stable ids")
    into.add_argument("file", type=Path, metavar="FILE")

    findings = command("findings", "cli_findings:findings", "the coverage findings of an account")
    findings.add_argument("--account", required=True, metavar="NAME")
    findings.add_argument("--json", action="store_true", help="print JSON instead of text")

    _team_commands(commands, workspace)

    pdf = command("export-pdf", "cli_pdf:export_pdf",
                  "write a PDF of an account without opening the window")
    pdf.add_argument("kind", choices=["letter", "map", "blueprints", "power-map"])
    pdf.add_argument("--account", required=True, metavar="NAME")
    pdf.add_argument("--out", required=True, type=Path, metavar="FILE")
    pdf.add_argument("--letter", metavar="ID",
                     help="which letter (default: the account's most recent)")
    return parser


def _team_commands(commands: Any, workspace: argparse.ArgumentParser) -> None:
    """``team init|add-member|connect|share|sync|status``."""
    team = commands.add_parser("team", parents=[workspace],
                               help="share accounts through the team's PostgreSQL server")
    subcommands = team.add_subparsers(dest="team_command", parser_class=_Parser,
                                      metavar="TEAM_COMMAND", required=True)

    def command(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = subcommands.add_parser(name, parents=[workspace],
                                                               help=help_text)
        sub.set_defaults(handler=f"cli_team:{handler}")
        return sub

    init = command("init", "init", "prepare a PostgreSQL database for a team (idempotent)")
    init.add_argument("url", metavar="URL")
    member = command("add-member", "add_member", "a login for one person on the team")
    member.add_argument("url", metavar="URL")
    member.add_argument("login", metavar="LOGIN")
    member.add_argument("--role", required=True, choices=["leader", "rep", "viewer"])
    member.add_argument("--password-file", type=Path, metavar="F",
                        help="read the password from the first line of F")
    connect = command("connect", "connect",
                      "attach this workspace to the team server (no password stored in it)")
    connect.add_argument("url", metavar="URL", help="postgresql://LOGIN@HOST:PORT/DATABASE")
    connect.add_argument("--password-file", type=Path, metavar="F",
                         help="read the password from the first line of F")
    share = command("share", "share", "share an account with team members")
    share.add_argument("--account", required=True, metavar="NAME")
    share.add_argument("--with", dest="with_logins", required=True, nargs="+",
                       metavar="LOGIN")
    command("sync", "sync", "send local changes and fetch the others'")
    command("status", "status", "what waits to go up and to come down")


def workspace_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "workspace", None) or default_workspace_path())


def _run_command(args: argparse.Namespace) -> int:
    module, function = args.handler.split(":")
    handler = getattr(importlib.import_module(f"contactmap_desktop.{module}"), function)
    result: int = handler(args)
    return result


def window_start(argv: Sequence[str]) -> tuple[Path | None, bool] | None:
    """``[--smoke] [--workspace FILE]``, the way the desktop starts the window, as
    (workspace, smoke); None for anything else, which the full parser reads.

    Building every command's parser costs the window's first frame a few milliseconds, and
    these forms mean the same to it (tests/unit/test_cli_window_start.py compares them)."""
    workspace: Path | None = None
    smoke = False
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--smoke" and not smoke:
            smoke = True
        elif token.startswith("--workspace=") and workspace is None and token[12:]:
            workspace = Path(token[12:])
        elif token == "--workspace" and workspace is None and rest and rest[0] \
                and not rest[0].startswith("-"):
            workspace = Path(rest.pop(0))
        else:
            return None
    return workspace, smoke


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = window_start(arguments)
    try:
        if window is None:
            with _shown_controls():
                args = _build_parser().parse_args(arguments)
                if getattr(args, "handler", None) is not None:
                    try:
                        return _run_command(args)
                    except ContactMapError as error:
                        sys.stderr.write(f"contactmap: {error}\n")
                        return 1
            window = getattr(args, "workspace", None), bool(args.smoke)
        # The window collects cycles on its own thread, with automatic collection off
        # (ui/core/main_thread_gc.py): off from here already, so that loading Qt is not interrupted.
        gc.disable()
        # Qt is only loaded for the window, and first of all: without its source scan.
        from contactmap_desktop.ui.core.pyside_source_scan import skip_source_scan

        skip_source_scan()
        from contactmap_desktop.startup import run_gui

        workspace, smoke = window
        return run_gui(workspace, smoke=smoke)
    except ContactMapError as error:
        sys.stderr.write(f"contactmap: {error}\n")
        return 1
    except BrokenPipeError:  # e.g. `contactmap accounts | head -1`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
