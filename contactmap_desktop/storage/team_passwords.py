"""Where a team login's password is kept: the platform keyring when there is one, else
libpq's own password file (.pgpass), which libpq reads by itself. Never the workspace."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.storage.private_files import make_private_file
from contactmap_desktop.storage.team_server import ServerAddress

log = logging.getLogger(__name__)

_SERVICE = "ContactMap team server"


def _keyring() -> Any | None:
    """The keyring module with a usable backend, or None: not installed, or no keyring on this
    machine (keyring then answers with its ``fail`` backend, or ``null`` when configured so,
    which forgets what it is given)."""
    try:
        import keyring  # loads with the first server call, never with the window
        from keyring.backends import fail, null
    except ImportError:
        return None
    if isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring):
        return None
    return keyring


def _account(address: ServerAddress) -> str:
    return f"{address.login}@{address.place}"


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
        try:
            keyring.set_password(_SERVICE, _account(address), password)
            return "the system keyring"
        except keyring.errors.KeyringError as error:  # locked, refused: libpq's file instead
            log.warning("The keyring did not keep the password (%s)", type(error).__name__)
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
    try:
        value = keyring.get_password(_SERVICE, _account(address))
    except keyring.errors.KeyringError as error:  # locked: libpq may still find its files
        log.warning("The keyring did not give the password (%s)", type(error).__name__)
        return None
    return str(value) if value is not None else None
