"""Where a team login's password is kept: the platform keyring when there is one, else
libpq's own password file (.pgpass), which libpq reads by itself. Never the workspace."""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.storage.private_files import make_private_file
from contactmap_desktop.storage.team_server import ServerAddress

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

_SERVICE = "ContactMap team server"


def _keyring() -> KeyringBackend | None:
    """The keyring to keep passwords in, or None: keyring not installed, or no usable keyring
    on this machine (the ``fail`` backend, or ``null``, which forgets what it is given)."""
    try:
        from keyring.backends import fail, null  # loads with the first server call, not the window
    except ImportError:
        return None
    backend = chosen_keyring()
    return None if isinstance(backend, fail.Keyring | null.Keyring) else backend


@functools.cache
def chosen_keyring() -> KeyringBackend:
    """The keyring the user configured for keyring (PYTHON_KEYRING_BACKEND, keyringrc.cfg), else
    this platform's own. keyring's own search imports every backend it knows, and its macOS
    backend, imported on Linux, runs ldconfig and gcc: 70 ms, and child processes that shared
    the open workspace's lock and could keep it locked a moment after the app was killed."""
    import keyring.core

    return keyring.core.load_env() or keyring.core.load_config() or _platform_keyring()


def _platform_keyring() -> KeyringBackend:
    from keyring.backend import by_priority
    from keyring.backends import fail

    candidates: list[type[KeyringBackend]]
    if sys.platform == "darwin":
        from keyring.backends import macOS
        candidates = [macOS.Keyring]
    elif sys.platform == "win32":
        from keyring.backends import Windows
        candidates = [Windows.WinVaultKeyring]
    else:  # Secret Service (GNOME, KeePassXC) or KDE's wallet, as keyring would choose
        from keyring.backends import SecretService, kwallet
        candidates = [SecretService.Keyring, kwallet.DBusKeyring]
    usable = [candidate for candidate in candidates if candidate.viable]
    if not usable:
        return fail.Keyring()  # type: ignore[no-untyped-call]  # keyring's own "none here"
    return max(usable, key=by_priority)()


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
    backend = _keyring()
    if backend is not None:
        from keyring.errors import KeyringError
        try:
            backend.set_password(_SERVICE, _account(address), password)
            return "the system keyring"
        except KeyringError as error:  # locked, refused: libpq's file instead
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
    backend = _keyring()
    if backend is None:
        return None
    from keyring.errors import KeyringError
    try:
        value = backend.get_password(_SERVICE, _account(address))
    except KeyringError as error:  # locked: libpq may still find its files
        log.warning("The keyring did not give the password (%s)", type(error).__name__)
        return None
    return str(value) if value is not None else None
