"""The power map scene: cards where the layout puts them, the chain and uncovered highlights."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QGraphicsView

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.ui.power_map.card_item import PowerCardItem
from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene
from tests.helpers.org_charts import synthetic_org


def _map() -> ContactMap:
    # ceo <- vp <- dir (Power) <- ana (key); cfo alone at the top
    people = [
        Stakeholder("ceo", "a", "Cleo", position=0),
        Stakeholder("vp", "a", "Vic", reports_to_id="ceo", position=1),
        Stakeholder("dir", "a", "Dora", reports_to_id="vp", position=2,
                    roles=frozenset({BuyingRole.POWER})),
        Stakeholder("ana", "a", "Ana", reports_to_id="dir", position=3),
        Stakeholder("cfo", "a", "Carl", position=4),
    ]
    contact_map = ContactMap(Account("a", "Acme"), people, [TeamMember("t1", "Rep")])
    contact_map.put(Relationship(CellRef("t1", "ceo"), Grade.OPEN))
    contact_map.put(Relationship(CellRef("t1", "ana"), Grade.DISSATISFIED, is_key=True))
    return contact_map


def _item(scene: PowerMapScene, person_id: str) -> PowerCardItem:
    item = scene.item(person_id)
    assert item is not None
    return item


def test_every_stakeholder_is_a_card_at_its_layout_box(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(_map())
    assert {item.stakeholder_id for item in scene.card_items()} == {"ceo", "vp", "dir", "ana",
                                                                    "cfo"}
    for person_id, box in scene.org_layout.boxes.items():
        rect = _item(scene, person_id).sceneBoundingRect().adjusted(3, 3, -3, -3)
        assert (rect.x(), rect.y(), rect.width(), rect.height()) == (box.x, box.y, box.width,
                                                                     box.height)
        assert scene.card_at(QPointF(box.center_x, box.y + 5)) is _item(scene, person_id)
    assert scene.sceneRect().contains(scene.itemsBoundingRect())


def test_the_chain_to_the_top_follows_the_chosen_person(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(_map())
    scene.show_chain_from("ana")
    assert scene.chain == ["ana", "dir", "vp", "ceo"]
    assert [i.stakeholder_id for i in scene.card_items() if i.in_chain] == ["ceo", "vp", "dir",
                                                                             "ana"]
    scene.show_chain_from("cfo")
    assert [i.stakeholder_id for i in scene.card_items() if i.in_chain] == ["cfo"]
    scene.show_chain_from(None)
    assert not any(i.in_chain for i in scene.card_items())


def test_people_above_a_key_person_that_nobody_knows_are_outlined(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(_map())
    assert scene.uncovered == {"vp", "dir"}
    assert {i.stakeholder_id for i in scene.card_items() if i.uncovered} == {"vp", "dir"}
    scene.show_uncovered(False)
    assert not any(i.uncovered for i in scene.card_items())
    scene.set_map(_map())  # a reload keeps the choice
    assert not any(i.uncovered for i in scene.card_items())


def test_a_reload_keeps_the_chain_while_its_person_is_still_there(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(_map())
    scene.show_chain_from("dir")
    scene.set_map(_map())
    assert scene.chain == ["dir", "vp", "ceo"]
    smaller = _map()
    smaller.stakeholders = [s for s in smaller.stakeholders if s.id != "dir"]
    scene.set_map(smaller)
    assert scene.chain == []


def test_a_loop_is_recognised_before_the_drop(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(_map())
    assert scene.manages_indirectly("vp", "ana")
    assert scene.manages_indirectly("vp", "vp")
    assert not scene.manages_indirectly("ana", "vp")
    assert not scene.manages_indirectly("vp", "cfo")


def test_an_empty_account_and_no_account_say_so(qapp: QApplication) -> None:
    scene = PowerMapScene()
    empty = ContactMap(Account("a", "Acme"), [], [])
    scene.set_map(empty)
    assert not scene.card_items()
    assert any("no stakeholders" in getattr(i, "text", lambda: "")() for i in scene.items())
    scene.set_map(None)
    assert any("No account" in getattr(i, "text", lambda: "")() for i in scene.items())


def test_a_200_person_chart_paints_close_up_and_far_away(qapp: QApplication) -> None:
    scene = PowerMapScene()
    scene.set_map(synthetic_org(200))
    assert len(scene.card_items()) == 200
    view = QGraphicsView(scene)
    view.resize(800, 600)
    for zoom in (1.0, 0.1):  # full cards, then outlines and grade chips only
        view.resetTransform()
        view.scale(zoom, zoom)
        assert not view.grab().isNull()
