"""The workspace's tables: the only place they are defined, one module per area."""

from __future__ import annotations

from contactmap_desktop.storage.file_header import APPLICATION_ID, SCHEMA_VERSION
from contactmap_desktop.storage.schema.account_map import (
    AccountRow,
    AccountTeamRow,
    GradeChangeRow,
    LeverageLinkRow,
    RelationshipRow,
    SettingRow,
    StakeholderRow,
    TeamMemberRow,
)
from contactmap_desktop.storage.schema.base import EPOCH, Base
from contactmap_desktop.storage.schema.blueprints import (
    BlueprintCellRow,
    BlueprintRow,
    BlueprintStrategyRow,
    SponsorLetterRow,
)
from contactmap_desktop.storage.schema.lifecycle import (
    CommitmentRow,
    CompetitorRow,
    DeliveryReviewRow,
    EngagementRow,
    MetricRow,
    ReviewMeetingRow,
    StageChangeRow,
    SuccessCriterionRow,
)
from contactmap_desktop.storage.schema.team_sync import (
    TeamAccountRow,
    TeamConflictRow,
    TeamDirtyRow,
    TeamLinkRow,
    TeamOutboxRow,
    TeamShadowRow,
)

__all__ = [
    "APPLICATION_ID",
    "EPOCH",
    "SCHEMA_VERSION",
    "AccountRow",
    "AccountTeamRow",
    "Base",
    "BlueprintCellRow",
    "BlueprintRow",
    "BlueprintStrategyRow",
    "CommitmentRow",
    "CompetitorRow",
    "DeliveryReviewRow",
    "EngagementRow",
    "GradeChangeRow",
    "LeverageLinkRow",
    "MetricRow",
    "RelationshipRow",
    "ReviewMeetingRow",
    "SettingRow",
    "SponsorLetterRow",
    "StageChangeRow",
    "StakeholderRow",
    "SuccessCriterionRow",
    "TeamAccountRow",
    "TeamConflictRow",
    "TeamDirtyRow",
    "TeamLinkRow",
    "TeamMemberRow",
    "TeamOutboxRow",
    "TeamShadowRow",
]

# Imports take rows in any order and check references at commit (defer_foreign_keys):
# PostgreSQL defers only constraints declared deferrable, SQLite every one. "DEFERRABLE"
# alone is checked at each statement, as before, until a transaction defers it.
for _table in Base.metadata.tables.values():
    for _constraint in _table.foreign_key_constraints:
        _constraint.deferrable = True
