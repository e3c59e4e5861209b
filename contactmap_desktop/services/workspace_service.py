"""Opening a workspace for use: the default one with its sample account, or any file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contactmap_desktop.services.account_service import AccountService
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.sample_account import create_sample_account
from contactmap_desktop.storage.database import Workspace


@dataclass
class OpenWorkspace:
    """An open workspace and the services that work on it."""

    workspace: Workspace
    accounts: AccountService
    contact_map: ContactMapService

    @property
    def path(self) -> Path:
        return self.workspace.path

    def close(self) -> None:
        self.workspace.close()


def open_workspace(
    path: Path, *, create: bool = True, with_sample: bool = False, clock: Clock = utc_now
) -> OpenWorkspace:
    """Open (or create) ``path``; a newly created file gets the sample account if asked."""
    is_new = not Path(path).exists()
    workspace = Workspace.open(path, create=create)
    opened = OpenWorkspace(
        workspace=workspace,
        accounts=AccountService(workspace, clock),
        contact_map=ContactMapService(workspace, clock),
    )
    if is_new and with_sample:
        create_sample_account(opened.accounts, opened.contact_map)
    else:
        # The undo history of an earlier session is gone, so its soft deletions are final.
        opened.accounts.purge_deleted()
    return opened
