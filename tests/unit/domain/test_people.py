"""Buying roles read from their badges."""

from __future__ import annotations

from contactmap_desktop.domain.people import BuyingRole, roles_from_badges, roles_to_badges


def test_badges_read_back_as_one_shared_set_per_combination() -> None:
    roles = roles_from_badges("PE")
    assert roles == {BuyingRole.POWER, BuyingRole.EVANGELIST}
    assert roles_to_badges(roles) == "PE"
    assert roles_from_badges("PE") is roles  # a thousand stakeholders, a dozen sets
    assert roles_from_badges("") == frozenset()
