"""Telling network shares and synced folders from local disks."""

from pathlib import Path

import pytest

from contactmap_desktop.storage.location import filesystem_type, location_warning

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/team rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/office\\040share rw,relatime shared:21 - cifs //srv/office rw
42 22 0:37 / /home/ann/remote rw,nosuid - fuse.sshfs ann@box: rw
43 40 0:38 / /mnt/team/local-cache rw - tmpfs tmpfs rw
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/ann/plan.cmap", "ext4"),
    ("/mnt/team/plans/plan.cmap", "nfs4"),
    ("/mnt/office share/plan.cmap", "cifs"),
    ("/home/ann/remote/plan.cmap", "fuse.sshfs"),
    ("/mnt/team/local-cache/plan.cmap", "tmpfs"),
    ("/mnt/teamwork/plan.cmap", "ext4"),
])
def test_the_deepest_mount_holding_the_path_decides(path: str, expected: str) -> None:
    assert filesystem_type(Path(path), MOUNTINFO) == expected


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/ann/plan.cmap", None),
    ("/mnt/team/plans/plan.cmap", "network"),
    ("/mnt/office share/plan.cmap", "network"),
    ("/home/ann/remote/plan.cmap", "network"),
    ("/home/ann/Dropbox/plan.cmap", "cloud"),
    ("/home/ann/OneDrive - Contoso/Sales/plan.cmap", "cloud"),
    ("/Users/ann/Library/CloudStorage/GoogleDrive-ann/My Drive/plan.cmap", "cloud"),
    ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/plan.cmap", "cloud"),
    ("/home/ann/dropbox-notes.cmap", None),
])
def test_warnings(path: str, kind: str | None) -> None:
    warning = location_warning(Path(path), MOUNTINFO)
    assert (warning.kind if warning else None) == kind
