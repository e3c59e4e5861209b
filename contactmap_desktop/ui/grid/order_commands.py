"""Undoable changes of the map's order: stakeholder columns and team-member rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.core.map_document import MapDocument


class ReorderCommand(EditCommand):
    """One new order of ids saved in the workspace; undo saves the earlier order back."""

    def __init__(self, before: Sequence[str], after: Sequence[str], text: str,
                 save: Callable[[list[str]], Changes]) -> None:
        super().__init__(text)
        self._before = list(before)
        self._after = list(after)
        self._save = save

    @property
    def changes_anything(self) -> bool:
        return self._before != self._after

    def apply(self) -> Changes:
        return self._save(self._after)

    def revert(self) -> Changes:
        return self._save(self._before)


def reorder_stakeholders(document: MapDocument, after: Sequence[str],
                         text: str = "Reorder stakeholders") -> ReorderCommand:
    contact_map, account_id = document.contact_map, document.account_id
    assert contact_map is not None and account_id is not None
    return ReorderCommand(
        [s.id for s in contact_map.stakeholders], after, text,
        lambda order: document.opened.contact_maps.reorder_stakeholders(account_id, order))


def reorder_team(document: MapDocument, after: Sequence[str]) -> ReorderCommand:
    contact_map, account_id = document.contact_map, document.account_id
    assert contact_map is not None and account_id is not None
    return ReorderCommand(
        [m.id for m in contact_map.team_members], after, "Reorder team members",
        lambda order: document.opened.contact_maps.reorder_team(account_id, order))
