"""The use cases on one open workspace, each built once: the composition root of the services.

The window's features and the command line take the services they need from here, so a rule
that depends on several of them (the findings need the blueprints) is wired in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from contactmap_desktop.services.account_service import AccountService
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.clock import Clock, ServerTime, utc_now
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.grade_batch import GradeBatchService
from contactmap_desktop.services.grade_note_service import GradeNoteService
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.storage.backups import BackupStore
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.team_clock import stored_clock_offset

if TYPE_CHECKING:  # the sync engine's modules load with the first team operation, …
    from contactmap_desktop.services.account_exchange import AccountExchangeService
    from contactmap_desktop.services.csv_import import CsvImportService
    from contactmap_desktop.services.team_service import TeamService


@dataclass(frozen=True)
class WorkspaceServices:
    workspace: Workspace
    clock: Clock
    accounts: AccountService
    contact_maps: ContactMapService
    grade_batch: GradeBatchService
    grade_notes: GradeNoteService
    blueprints: BlueprintService
    settings: SettingsService
    report_settings: ReportSettings
    findings: FindingsService
    letters: LetterService
    lifecycle: LifecycleService
    agenda: AgendaService
    backups: BackupService  # the workspace file's dated backups (File ▸ Restore from Backup)

    # … and the import's and the account files' with their first use: the window's memory
    # does not carry them (with their dialogs, about 3,000 lines) for a menu entry.

    @cached_property
    def imports(self) -> CsvImportService:
        from contactmap_desktop.services.csv_import import CsvImportService

        return CsvImportService(self.workspace, self.clock)

    @cached_property
    def exchange(self) -> AccountExchangeService:
        from contactmap_desktop.services.account_exchange import AccountExchangeService

        return AccountExchangeService(self.workspace, self.clock)

    @cached_property
    def team(self) -> TeamService:
        """Built on first use: a command that never talks to a team server does not load the
        sync engine (about 60 ms of imports)."""
        from contactmap_desktop.services.team_service import TeamService

        return TeamService(self.workspace, self.clock)


def build_services(workspace: Workspace, backups: BackupStore,
                   clock: Clock = utc_now) -> WorkspaceServices:
    """``backups``: the workspace's backup folder, as its opening backs up into it."""
    if not isinstance(clock, ServerTime):
        # Edits are dated by the team server's time once a sync has measured this laptop's
        # offset from it (services/team_sync.py).
        clock = ServerTime(clock, lambda: stored_clock_offset(workspace))
    contact_maps = ContactMapService(workspace, clock)
    blueprints = BlueprintService(workspace, clock)
    settings = SettingsService(workspace)
    return WorkspaceServices(
        workspace=workspace,
        clock=clock,
        accounts=AccountService(workspace, clock),
        contact_maps=contact_maps,
        grade_batch=GradeBatchService(workspace, clock),
        grade_notes=GradeNoteService(workspace),
        blueprints=blueprints,
        settings=settings,
        report_settings=ReportSettings(settings),
        # The key-without-blueprint rule needs the plans: the window and every command
        # count the same findings.
        findings=FindingsService(contact_maps, settings, blueprints.cells_with_blueprint, clock),
        letters=LetterService(workspace, clock),
        lifecycle=LifecycleService(workspace, clock),
        agenda=AgendaService(workspace, clock),
        backups=BackupService(workspace.path, backups),
    )

