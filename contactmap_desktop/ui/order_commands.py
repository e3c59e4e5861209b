"""Undoable changes of the map's order: stakeholder columns and team-member rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from contactmap_desktop.ui.edit_runner import EditCommand
from contactmap_desktop.ui.map_document import MapDocument


class ReorderCommand(EditCommand):
    """One new order of ids saved in the workspace; undo saves the earlier order back."""

    def __init__(self, document: MapDocument, before: Sequence[str], after: Sequence[str],
                 text: str, save: Callable[[list[str]], None]) -> None:
        super().__init__(text)
        self._document = document
        self._before = list(before)
        self._after = list(after)
        self._save = save

    @property
    def changes_anything(self) -> bool:
        return self._before != self._after

    def apply(self) -> None:
        self._write(self._after)

    def revert(self) -> None:
        self._write(self._before)

    def _write(self, order: list[str]) -> None:
        self._save(order)
        self._document.refresh_people()


def reorder_stakeholders(document: MapDocument, after: Sequence[str],
                         text: str = "Reorder stakeholders") -> ReorderCommand:
    contact_map, account_id = document.contact_map, document.account_id
    assert contact_map is not None and account_id is not None
    service = document.opened.contact_map
    return ReorderCommand(document, [s.id for s in contact_map.stakeholders], after, text,
                          lambda order: service.reorder_stakeholders(account_id, order))


def reorder_team(document: MapDocument, after: Sequence[str]) -> ReorderCommand:
    contact_map, account_id = document.contact_map, document.account_id
    assert contact_map is not None and account_id is not None
    service = document.opened.contact_map
    return ReorderCommand(document, [m.id for m in contact_map.team_members], after,
                          "Reorder team members",
                          lambda order: service.reorder_team(account_id, order))
