"""Is a workspace on a network share or in a cloud-synced folder? SQLite's locking is not
reliable there, and a sync client may copy the file halfway through a write."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

# Folder names that sync clients create (compared without case).
_CLOUD_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "box": "Box",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
    "megasync": "MEGA",
    "sync": "Sync.com",
    "cloudstorage": "a cloud storage provider",  # macOS ~/Library/CloudStorage/…
}
_CLOUD_PREFIXES = {"onedrive - ": "OneDrive", "dropbox (": "Dropbox"}

_NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.glusterfs", "fuse.cephfs", "sshfs", "webdav", "afpfs",
}


@dataclass(frozen=True)
class LocationWarning:
    """Why a workspace's folder is risky, in one sentence for the user."""

    kind: str  # "network" or "cloud"
    message: str


def _cloud_provider(path: PurePath) -> str | None:
    for part in path.parts[:-1]:
        name = part.casefold()
        if name in _CLOUD_FOLDERS:
            return _CLOUD_FOLDERS[name]
        for prefix, provider in _CLOUD_PREFIXES.items():
            if name.startswith(prefix):
                return provider
    return None


def _unescape_mount_field(field: str) -> str:
    # /proc/self/mountinfo escapes space, tab, newline and backslash as octal.
    return (field.replace("\\040", " ").replace("\\011", "\t")
            .replace("\\012", "\n").replace("\\134", "\\"))


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The type of the filesystem holding ``path`` on Linux (from /proc/self/mountinfo)."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return None
    best_point, best_type = "", None
    target = str(path)
    for line in mountinfo.splitlines():
        left, _, right = line.partition(" - ")
        fields, right_fields = left.split(), right.split()
        if len(fields) < 5 or not right_fields:
            continue
        point = _unescape_mount_field(fields[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, right_fields[0]
    return best_type


def _is_windows_network_path(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive_remote = 4
    root = os.path.splitdrive(text)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote)  # type: ignore[attr-defined]


def location_warning(path: Path, mountinfo: str | None = None) -> LocationWarning | None:
    """A warning when ``path`` is on a network share or in a synced folder, else None."""
    resolved = Path(path).expanduser().resolve()
    provider = _cloud_provider(resolved)
    if provider is not None:
        return LocationWarning("cloud", (
            f"This workspace is in a folder synced by {provider}. Syncing can copy the file "
            "in the middle of a save or create conflicting copies; keep workspaces in a local "
            "folder. Backups are kept in the local data folder."
        ))
    network = False
    if sys.platform == "win32":  # pragma: no cover
        network = _is_windows_network_path(resolved)
    else:
        fs_type = filesystem_type(resolved, mountinfo)
        network = fs_type is not None and fs_type.casefold() in _NETWORK_FILESYSTEMS
    if network:
        return LocationWarning("network", (
            "This workspace is on a network share, where file locking is not reliable and "
            "two people could overwrite each other's changes; copy it to a local folder to "
            "work on it. Backups are kept in the local data folder."
        ))
    return None
