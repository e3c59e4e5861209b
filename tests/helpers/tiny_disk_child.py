"""Runs edits, a backup, a copy and an export under a file-size limit, as on a full disk.

``python -m tests.helpers.tiny_disk_child FILE BACKUPS LIMIT``: sets RLIMIT_FSIZE to LIMIT
bytes (writes past it fail with EFBIG, as on a tiny filesystem, with no root needed), then
prints one JSON line saying what succeeded and what error each failure raised.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.atomic_file import write_text_atomically


def main(path: Path, backups_root: Path, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    report: dict[str, object] = {}
    opened = open_workspace(path, create=False, backups_root=backups_root)
    report["open_warnings"] = opened.warnings
    account = opened.accounts.find_by_name("Big")

    committed: list[str] = []
    for index in range(200):
        name = f"Filler {index}"
        try:
            opened.contact_maps.add_stakeholder(Stakeholder(
                id=new_id(), account_id=account.id, name=name, notes="n" * 19_000, position=-1,
            ))
        except ContactMapError as error:
            report["commit_error"] = str(error)
            report["failed_name"] = name
            break
        committed.append(name)
    report["committed"] = committed
    # The session goes on after the failure: a small edit still works.
    try:
        opened.accounts.create_account("Small after failure")
        report["small_edit_after_failure"] = "ok"
    except ContactMapError as error:
        report["small_edit_after_failure"] = str(error)

    for key, action in [
        ("backup_error", lambda: opened.backups.back_up(path)),
        ("copy_error", lambda: opened.workspace.save_copy(path.with_name("copy.cmap"))),
        ("export_error", lambda: write_text_atomically(
            path.with_name("export.pdf"), lambda handle: handle.write("%PDF" * limit))),
    ]:
        try:
            action()
            report[key] = None
        except ContactMapError as error:
            report[key] = str(error)
    report["close_problem"] = opened.close()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
