"""The printed Contact Map's contents, assembled from a real workspace file."""

from __future__ import annotations

from pathlib import Path

from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.map_report import LISTED_PER_RULE, contact_map_document
from contactmap_desktop.services.settings_service import SettingsService
from tests.helpers.builders import build_small_map


def test_a_long_list_of_findings_prints_a_dozen_of_each_kind_and_counts_the_rest(
        tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    opened = small.opened
    for number in range(30):  # nobody on the team knows any of them
        opened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=small.account.id, name=f"Person {number:02d}",
            position=10 + number))
    every = FindingsService(opened.contact_maps, SettingsService(opened.workspace),
                            BlueprintService(opened.workspace).cells_with_blueprint
                            ).findings_for_account(small.account.id).findings
    unknown = [f for f in every if f.rule is Rule.NO_RELATIONSHIP]
    assert len(unknown) == 30  # the small map's three are named by their uncovered roles

    document = contact_map_document(opened, small.account.id)

    printed = [f.message for f in document.findings]
    assert printed == [f.message for f in every
                       if f.rule is not Rule.NO_RELATIONSHIP or f in unknown[:LISTED_PER_RULE]]
    assert list(document.findings_not_listed) == [
        ("stakeholders nobody on our team knows", 30 - LISTED_PER_RULE)]
    opened.close()


def test_a_short_list_is_printed_whole(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")

    document = contact_map_document(small.opened, small.account.id)

    every = FindingsService(small.opened.contact_maps, SettingsService(small.opened.workspace),
                            BlueprintService(small.opened.workspace).cells_with_blueprint
                            ).findings_for_account(small.account.id).findings
    assert [f.message for f in document.findings] == [f.message for f in every]
    assert list(document.findings_not_listed) == []
    small.opened.close()
