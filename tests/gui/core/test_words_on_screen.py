"""Words that agree with what is on screen: counts in the status bar, an account with people on
one side only, an empty account's findings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.model import TeamMember, new_id
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.coverage.feature import CoverageFeature
from contactmap_desktop.ui.coverage.findings_panel import NOTHING_TO_CHECK, NOTHING_TO_REPORT
from tests.helpers.builders import SmallMap


def _counts(window: MainWindow) -> str:
    return next(label.text() for label in window.statusBar().findChildren(QLabel)
                if "stakeholder" in label.text())


def test_one_team_member_is_one_team_member(window: MainWindow, small_map: SmallMap) -> None:
    opened = small_map.opened
    removal = opened.contact_maps.remove_team_member(small_map.account.id,
                                                    small_map.team_members[1].id)
    window.document.apply(removal.changes)
    assert _counts(window) == ("3 stakeholders · 1 team member · 0 relationships · "
                               "0 open concerns")


def test_an_account_with_people_on_one_side_says_which(window: MainWindow,
                                                        small_map: SmallMap) -> None:
    opened = small_map.opened
    for member in small_map.team_members:
        window.document.apply(
            opened.contact_maps.remove_team_member(small_map.account.id, member.id).changes)
    text = window.map_page.empty.text()
    assert window.map_page.stack.currentWidget() is window.map_page.empty
    assert "Acme Corp has 3 stakeholders and no one from our team yet" in text
    assert "no one on the map" not in text

    other = opened.accounts.create_account("Globex", "Retail").value
    opened.contact_maps.add_team_member(
        other.id, TeamMember(new_id(), "Solo Rep", "AE", Seniority.MANAGER))
    window.open_account(other.id)
    assert "Globex has 1 team member and none of the client's people yet" in (
        window.map_page.empty.text())


def test_an_empty_account_has_nothing_to_check(qtbot: QtBot, window: MainWindow,
                                               small_map: SmallMap) -> None:
    coverage = window.features.coverage
    assert isinstance(coverage, CoverageFeature)
    empty = small_map.opened.accounts.create_account("Globex", "Retail").value
    window.open_account(empty.id)
    coverage.recompute()
    assert coverage.findings_panel.empty.isVisibleTo(coverage.findings_panel)
    assert coverage.findings_panel.empty.text() == NOTHING_TO_CHECK
    coverage.findings_panel.show_findings([])
    assert coverage.findings_panel.empty.text() == NOTHING_TO_REPORT
