"""Pausing Python's cycle collector while a large account is read into memory, and letting go
of large lists in pieces.

Reading an account creates tens of thousands of small values at once; every few hundred
allocations the collector would walk all the objects alive, which costs a third of the load
of a large map. The values hold no cycles, so nothing is missed by collecting after the load.

The window turns automatic collection off for its whole life (ui/core/main_thread_gc.py), so there
this changes nothing; it matters for the command line and the services used on their own.

Freeing is the other side: the last reference to 100,000 rows dropped in a worker frees them
all in one call that holds the interpreter's lock (80 ms on a busy machine), and the window's
thread waits for it. ``let_go`` frees them a piece at a time, with a chance to switch between.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PIECE = 1000  # items freed at a time: well under a millisecond


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block; back to what it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def let_go(items: list[Any]) -> None:
    """Empty ``items`` from the end, ``PIECE`` at a time; whatever held only there is freed."""
    while items:
        del items[-PIECE:]
