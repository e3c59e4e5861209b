"""Pausing Python's cycle collector while a large account is read into memory.

Reading an account creates tens of thousands of small values at once; every few hundred
allocations the collector would walk all the objects alive, which costs a third of the load
of a large map. The values hold no cycles, so nothing is missed by collecting after the load.

The window turns automatic collection off for its whole life (ui/core/main_thread_gc.py), so there
this changes nothing; it matters for the command line and the services used on their own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
