"""Shared test setup: headless Qt, private user folders, and the gui marker."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.helpers.postgres_server import PrivateServer, fresh_database, start_server
from tests.helpers.server_workspaces import ServerWorkspaces

# Without a display Qt aborts; offscreen renders everything in memory.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "qtlog"}


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keep every test away from the real user's data, settings and logs."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    yield home


_GC_WAS_ENABLED = pytest.StashKey[bool]()
_FROZEN_BEFORE = pytest.StashKey[int]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """As in the app (ui/core/main_thread_gc.py): in a test with widgets, Python's cycle collector
    must not run in a worker thread, where freeing a Qt object crashes; collect afterwards."""
    if item.get_closest_marker("gui") is not None:
        item.stash[_GC_WAS_ENABLED] = gc.isenabled()
        item.stash[_FROZEN_BEFORE] = gc.get_freeze_count()
        gc.disable()
    return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """After a test with widgets, once its fixtures are torn down: collect what it left, then
    freeze what survives. A full collection walks every object alive, and after a few hundred
    tests (every module of Qt, SQLAlchemy and the app) that walk took 1.2 to 2.8 s per GUI
    test; frozen objects are never walked again, so each teardown walks only its own test's.

    What is frozen must be alive for good: a cycle frozen and dropped later is found only when
    something unfreezes (opening another workspace does), and windows left so piled up by the
    hundred thousand objects. So the test's fixture values (its windows, its workspaces) are let
    go of first, and the windows closed with deleteLater are deleted.

    A test that opened another workspace unfroze everything (application.py): a full
    collection would walk the whole worker's heap again (3 s per test late in a run). What the
    test made is all in the young generation (the collector was off, nothing was promoted), so
    collecting that one finds its cycles."""
    try:
        return (yield)
    finally:
        if _GC_WAS_ENABLED in item.stash:
            getattr(item, "funcargs", {}).clear()  # pytest drops them only after this hook
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            unfrozen = gc.get_freeze_count() < item.stash[_FROZEN_BEFORE]
            gc.collect(0 if unfrozen else 2)
            gc.freeze()
            if item.stash[_GC_WAS_ENABLED]:
                gc.enable()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PrivateServer]:
    """A private PostgreSQL server for the run, started when a test first needs it."""
    server = start_server()
    # A run ended with SIGTERM (a timeout, a CI cancel) still stops the server: as Ctrl+C,
    # pytest then tears the session down.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        yield server
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()


def _interrupted(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


@pytest.fixture
def team_database(postgres_server: PrivateServer) -> Iterator[str]:
    """An empty database of the private server, as its superuser's URL."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="session")
def server_workspaces(postgres_server: PrivateServer) -> ServerWorkspaces:
    """The storage and service tests' workspaces on the private server (both_engines.py)."""
    return ServerWorkspaces(postgres_server)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
    # Files with a slow test first, each file kept whole and in order: with one worker per core
    # (scripts/run-tests.sh) a slow file begun last keeps one worker busy after the others end.
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)
