"""``export-pdf letter|map|blueprints --account NAME --out FILE [--letter ID]``.

Each kind of PDF is one entry of :data:`EXPORTERS`: a function that writes the file for the
account and returns a one-line description of what it wrote. Adding a kind is one entry.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.model import Account
from contactmap_desktop.services.blueprint_report import export_blueprints
from contactmap_desktop.services.letter_report import export_letter, pick_letter
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.map_report import export_contact_map
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace

Exporter = Callable[[argparse.Namespace, OpenWorkspace, Account, Path], str]


def _map(args: argparse.Namespace, opened: OpenWorkspace, account: Account, out: Path) -> str:
    export_contact_map(opened, account.id, out)
    return f"Contact Map of {account.name}"


def _letter(args: argparse.Namespace, opened: OpenWorkspace, account: Account,
            out: Path) -> str:
    letters = LetterService(opened.workspace).list_for_account(account.id)
    letter = pick_letter(letters, args.letter, account.name)
    export_letter(letter, ReportSettings(SettingsService(opened.workspace)), out)
    return f"sponsor letter {letter.id[:8]} ({letter.title})"


def _blueprints(args: argparse.Namespace, opened: OpenWorkspace, account: Account,
                out: Path) -> str:
    export_blueprints(opened, account.id, out)
    return f"Contact Blueprints of {account.name}"


EXPORTERS: dict[str, Exporter] = {
    "blueprints": _blueprints,
    "letter": _letter,
    "map": _map,
}


def add_commands(commands: Any, workspace: argparse.ArgumentParser,
                 run: Callable[[argparse.Namespace], int]) -> None:
    export = commands.add_parser("export-pdf", parents=[workspace],
                                 help="write a PDF of an account without opening the window")
    export.add_argument("kind", choices=["letter", "map", "blueprints"])
    export.add_argument("--account", required=True, metavar="NAME")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--letter", metavar="ID",
                        help="which letter (default: the account's most recent)")
    export.set_defaults(run=run, data_command=_export)


def _export(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    from contactmap_desktop.domain.errors import ContactMapError

    exporter = EXPORTERS.get(args.kind)
    if exporter is None:
        raise ContactMapError(f"Exporting {args.kind} as PDF is not available in this version.")
    account = opened.accounts.find_by_name(args.account)
    what = exporter(args, opened, account, args.out)
    print(f"Wrote {what} to {args.out}")
    return 0
