"""Storage and service tests run on both engines: the laptop's SQLite file and PostgreSQL.

A test directory's conftest takes ``pytest_generate_tests`` and the fixtures from here. Each
test then runs as ``[sqlite]`` and ``[postgresql]``; on PostgreSQL every workspace the test
opens by path is a fresh schema on the private server (tests/helpers/server_workspaces.py).
A test of the SQLite file itself (PRAGMAs, WAL, backups, locks, crashes, old files) says so
with ``@pytest.mark.sqlite_only("why")`` and runs once, on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from contactmap_desktop.storage.backups import BackupInfo, BackupStore
from contactmap_desktop.storage.database import Workspace
from tests.helpers.sample_workspace import sample_template
from tests.helpers.server_workspaces import ServerWorkspaces

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    if marker is not None:
        if not marker.args or not str(marker.args[0]).strip():
            raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
        return  # not parametrized: the fixture's default engine is SQLite
    # Module scope: a module's shared workspace (a fixture) is made once per engine.
    metafunc.parametrize("workspace_engine", ENGINES, indirect=True, scope="module")


def _server_keeps_backups(_store: BackupStore, _source: Path,
                          min_interval: timedelta | None = None) -> BackupInfo | None:
    # A server database is backed up by the server (docs/team-server.md), never as a file.
    del min_interval
    return None


@pytest.fixture(scope="module", autouse=True)
def workspace_engine(request: pytest.FixtureRequest) -> Iterator[str]:
    """The engine this module's workspaces are opened on: "sqlite" or "postgresql"."""
    engine: str = getattr(request, "param", "sqlite")
    if engine == "sqlite":
        yield engine
        return
    workspaces: ServerWorkspaces = request.getfixturevalue("server_workspaces")
    sample_template()  # a file, as every copy of the sample is made from a file
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Workspace, "open", staticmethod(workspaces.open))
        patch.setattr(BackupStore, "back_up", _server_keeps_backups)
        yield engine
    workspaces.release(keep=set())


@pytest.fixture(autouse=True)
def fresh_server_workspaces(workspace_engine: str,
                            request: pytest.FixtureRequest) -> Iterator[None]:
    """On PostgreSQL, the workspaces a test opened are let go of after it (a module's stay)."""
    if workspace_engine != "postgresql":
        yield
        return
    workspaces: ServerWorkspaces = request.getfixturevalue("server_workspaces")
    before = workspaces.paths()
    yield
    workspaces.release(keep=before)
