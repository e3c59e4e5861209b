"""Keyring backends for tests: keyring's own API over a dictionary, and one that refuses.

A test sets one with ``keyring.set_keyring`` (``keyrings_in_use`` does it and puts the
machine's back afterwards), so the code under test goes through keyring exactly as it does
with the platform's keyring (macOS Keychain, Windows Credential Locker, Secret Service).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dictionary, by (service, user name)."""

    @properties.classproperty
    def priority(cls) -> float:
        # Never chosen by keyring on its own (it would then be every later test's keyring):
        # a test sets it with keyring.set_keyring.
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
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)
