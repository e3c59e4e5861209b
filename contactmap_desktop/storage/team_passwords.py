"""Where a team login's password is kept: the platform keyring when there is one, else
libpq's own password file (.pgpass), which libpq reads by itself. Never the workspace."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.storage.private_files import make_private_file
from contactmap_desktop.storage.team_server import ServerAddress

_SERVICE = "ContactMap team server"


def _keyring() -> Any | None:
    """The keyring module with a real backend, or None (not installed, or no keyring here)."""
    try:
        import keyring  # optional: absent in the bundle unless packaged with it
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or "null" in type(backend).__name__.lower():
        return None
    return keyring


def password_file() -> Path:
    """libpq's password file: PGPASSFILE, else its platform default."""
    configured = os.environ.get("PGPASSFILE")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _entry(address: ServerAddress) -> str:
    return ":".join(_escape(v) for v in (address.host, address.port, address.database,
                                         address.login))


def store_password(address: ServerAddress, password: str) -> str:
    """Keep the password; says where, for the user."""
    keyring = _keyring()
    if keyring is not None:
        keyring.set_password(_SERVICE, f"{address.login}@{address.place}", password)
        return "the system keyring"
    path = password_file()
    entry = _entry(address)
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        kept = [line for line in lines if not line.startswith(entry + ":")]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=True)
        make_private_file(path)  # libpq ignores a password file others can read
        path.write_text("\n".join([*kept, f"{entry}:{_escape(password)}"]) + "\n",
                        encoding="utf-8")
    except OSError as error:
        raise StorageError(f"Cannot keep the password in {path}: {error.strerror}.") from None
    return str(path)


def stored_password(address: ServerAddress) -> str | None:
    """The keyring's password for this login; None lets libpq use its own files."""
    keyring = _keyring()
    if keyring is None:
        return None
    value = keyring.get_password(_SERVICE, f"{address.login}@{address.place}")
    return str(value) if value is not None else None
