"""One editor per workspace: a second process is told who holds it; a dead holder's lock is
taken over."""

import os
import socket
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import StorageError, WorkspaceLockedError
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.workspace_lock import WorkspaceLock, current_holder
from tests.helpers.processes import kill_hard, start_child, wait_ready

pytestmark = pytest.mark.sqlite_only("the SQLite file's lock, held across processes")


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.cmap"
    open_workspace(path).close()
    return path


def test_the_lock_records_host_and_process_and_goes_away_on_release(
    workspace_file: Path,
) -> None:
    lock = WorkspaceLock(workspace_file)
    lock.acquire()
    holder = current_holder(workspace_file)
    assert holder is not None
    assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())
    assert lock.path.stat().st_mode & 0o777 == 0o600
    lock.release()
    assert not lock.path.exists()


def test_one_process_may_open_the_same_workspace_twice(workspace_file: Path) -> None:
    first = open_workspace(workspace_file)
    second = open_workspace(workspace_file)
    second.close()
    assert current_holder(workspace_file) is not None  # still held by ``first``
    first.close()
    assert current_holder(workspace_file) is None


def test_a_second_process_is_told_who_holds_the_workspace_then_recovers_it_after_a_kill(
    workspace_file: Path,
) -> None:
    child = start_child("hold", str(workspace_file))
    try:
        wait_ready(child)
        with pytest.raises(WorkspaceLockedError, match=f"process {child.pid} on ") as raised:
            open_workspace(workspace_file)
        assert raised.value.pid == child.pid
        assert raised.value.host == socket.gethostname()
        # Viewing is still possible, and refuses writes.
        viewer = open_workspace(workspace_file, read_only=True)
        assert viewer.read_only
        with pytest.raises(StorageError, match="read-only"):
            viewer.accounts.create_account("Not allowed")
        viewer.close()
    finally:
        kill_hard(child)
    # The killed holder left its lock file behind; the next opener takes it over.
    assert current_holder(workspace_file) is not None
    opened = open_workspace(workspace_file)
    assert opened.recovered_from is not None and opened.recovered_from.pid == child.pid
    assert current_holder(workspace_file).pid == os.getpid()  # type: ignore[union-attr]
    opened.close()


def test_a_clean_close_in_another_process_frees_the_lock(workspace_file: Path) -> None:
    child = start_child("hold", str(workspace_file))
    wait_ready(child)
    child.communicate(input="")  # closing stdin lets the child close the workspace
    assert child.returncode == 0
    opened = open_workspace(workspace_file)
    assert opened.recovered_from is None
    opened.close()
