"""Pausing the cycle collector for a bulk read restores whatever was set before."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from contactmap_desktop.gc_pause import gc_paused


@pytest.fixture(autouse=True)
def collector_back_on() -> Iterator[None]:
    yield
    gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_is_paused_inside_and_restored_after(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("read failed")
    assert gc.isenabled()


def test_let_go_empties_a_list_piece_by_piece() -> None:
    from contactmap_desktop.gc_pause import PIECE, let_go

    items = [object() for _ in range(PIECE * 2 + 3)]
    let_go(items)
    assert items == []
