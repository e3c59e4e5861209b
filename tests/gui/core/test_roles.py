"""Item roles: every custom one is named in ui/core/roles.py, and no two share a number."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.roles import ALL_ROLES
from contactmap_desktop.ui.lifecycle.form_widgets import ChecklistView

UI = Path(__file__).resolve().parents[3] / "contactmap_desktop" / "ui"


def test_no_two_item_roles_share_a_number() -> None:
    numbers = [int(role) for roles in ALL_ROLES for role in roles]
    assert len(numbers) == len(set(numbers))


def test_no_module_but_roles_reads_or_writes_a_user_role_of_its_own() -> None:
    """A role made up in another module (UserRole, UserRole + n) could collide unseen."""
    own = re.compile(r"\bUserRole\b")
    found = [str(path.relative_to(UI)) for path in sorted(UI.rglob("*.py"))
             if path.name != "roles.py" and own.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_a_checklist_gives_back_the_keys_ticked(qtbot: QtBot) -> None:
    view = ChecklistView({"a1": "Ada", "b2": "Bo", "c3": "Cy"}, checked=["b2"])
    qtbot.addWidget(view)
    view.set_checked("c3")
    view.set_checked("b2", on=False)
    assert view.checked() == ("c3",)
