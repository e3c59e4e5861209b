"""``export-pdf letter|map|blueprints|power-map --account NAME --out FILE [--letter ID]``.

Each kind of PDF is one entry of :data:`EXPORTERS`: a function that writes the file for the
account and returns a one-line description of what it wrote. Adding a kind is one entry.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from contactmap_desktop.cli_workspace import with_workspace
from contactmap_desktop.domain.model import Account
from contactmap_desktop.services.blueprint_report import export_blueprints
from contactmap_desktop.services.letter_report import export_letter, pick_letter
from contactmap_desktop.services.map_report import export_contact_map, export_power_map
from contactmap_desktop.services.workspace_service import OpenWorkspace

Exporter = Callable[[argparse.Namespace, OpenWorkspace, Account, Path], str]


def _map(args: argparse.Namespace, opened: OpenWorkspace, account: Account, out: Path) -> str:
    export_contact_map(opened, account.id, out)
    return f"Contact Map of {account.name}"


def _letter(args: argparse.Namespace, opened: OpenWorkspace, account: Account,
            out: Path) -> str:
    letters = opened.services.letters.list_for_account(account.id)
    letter = pick_letter(letters, args.letter, account.name)
    gaps = letter.gaps()
    if gaps:  # written all the same: a draft may be printed on purpose
        print(f"contactmap: warning: the letter is not finished: {'; '.join(gaps)}.",
              file=sys.stderr)
    export_letter(letter, opened.services.report_settings, out)
    return f"sponsor letter {letter.id[:8]} ({letter.title})"


def _blueprints(args: argparse.Namespace, opened: OpenWorkspace, account: Account,
                out: Path) -> str:
    export_blueprints(opened, account.id, out)
    return f"Contact Blueprints of {account.name}"


def _power_map(args: argparse.Namespace, opened: OpenWorkspace, account: Account,
               out: Path) -> str:
    contact_map = opened.contact_maps.load_map(account.id)
    pages = export_power_map(opened, contact_map, out)
    return f"power map of {account.name} ({pages} page{'' if pages == 1 else 's'})"


EXPORTERS: dict[str, Exporter] = {
    "blueprints": _blueprints,
    "letter": _letter,
    "map": _map,
    "power-map": _power_map,
}


@with_workspace
def export_pdf(args: argparse.Namespace, opened: OpenWorkspace) -> int:
    from contactmap_desktop.domain.errors import ContactMapError

    exporter = EXPORTERS.get(args.kind)
    if exporter is None:
        raise ContactMapError(f"Exporting {args.kind} as PDF is not available in this version.")
    account = opened.accounts.find_by_name(args.account)
    what = exporter(args, opened, account, args.out)
    print(f"Wrote {what} to {args.out}")
    return 0
