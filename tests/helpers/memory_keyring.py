"""Keyring backends for tests: keyring's own API over a dictionary, and one that refuses.

A test puts one in place of the keyring the app chose (``keyring_in_use``), so the code under
test goes through keyring's backend API exactly as it does with the platform's keyring (macOS
Keychain, Windows Credential Locker, Secret Service).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from contactmap_desktop.storage import team_passwords


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dictionary, by (service, user name)."""

    @properties.classproperty
    def priority(cls) -> float:
        # Never chosen by keyring on its own (it would then be every later test's keyring):
        # a test puts it in place with keyring_in_use.
        raise RuntimeError("a test's keyring")

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    """A keyring the user did not unlock: every call is refused."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


@contextmanager
def keyring_in_use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    with mock.patch.object(team_passwords, "chosen_keyring", lambda: backend):
        yield backend
