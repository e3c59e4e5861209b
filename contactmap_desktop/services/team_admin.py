"""What an administrator does to the team server: prepare it, and give each person a login."""

from __future__ import annotations

from pathlib import Path

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.storage.team_server import parse_address, server_connection
from contactmap_desktop.storage.team_setup import add_member, init_team_schema


def init_team_server(url: str) -> tuple[int, int]:
    """Create or upgrade the team schema, roles and policies in one transaction."""
    address, password = parse_address(url)
    with server_connection(address, password) as connection:
        return init_team_schema(connection, address.place)


def add_team_member(url: str, login: str, role: str, password: str | None) -> bool:
    """A login for one person in one team role; True if the login is new."""
    if not login or len(login) > 63 or not login.isprintable():
        raise ValidationError(f"“{login[:70]}” cannot be a login: 1 to 63 printable characters.")
    address, admin_password = parse_address(url)
    with server_connection(address, admin_password) as connection:
        return add_member(connection, login, role, password)


def read_password_file(path: Path) -> str:
    """The first line of a password file (a trailing newline is not part of the password)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise ValidationError(f"Cannot read the password file {path}: {reason}.") from None
    if not lines or not lines[0]:
        raise ValidationError(f"The password file {path} is empty.")
    return lines[0]
