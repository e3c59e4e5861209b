"""Connecting to the team server (PostgreSQL through psycopg 3), and its errors in one line.

The address is a libpq URL or keyword string. A password never comes from the workspace:
libpq finds it in its own password or service file, or the caller passes it for one
connection (from the keyring or a prompt).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contactmap_desktop.domain.errors import TeamAccessError, TeamServerError

if TYPE_CHECKING:  # psycopg loads when a server is first used, not with the window
    import psycopg

CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerAddress:
    """Where the team server is and who logs in, without any password."""

    url: str
    host: str
    port: str
    database: str
    login: str

    @property
    def place(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"


def parse_address(url: str) -> tuple[ServerAddress, str | None]:
    """The address in ``url`` and the password written into it, if any (kept apart)."""
    import psycopg
    from psycopg import conninfo

    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise TeamServerError(f"“{url[:80]}” is not a PostgreSQL address: "
                              f"{_first_line(error)}") from None
    password = parts.pop("password", None)
    # What the address leaves out, libpq takes from the service it names; so does this, to
    # know who logs in and where (the service's password stays libpq's to read).
    named = {**_service_settings(str(parts["service"])), **parts} if "service" in parts \
        else parts
    login = str(named.get("user") or "")
    if not login:
        raise TeamServerError("The server address names no login: write it as "
                              "postgresql://LOGIN@HOST:PORT/DATABASE, or name a service "
                              "whose entry has a user.")
    host, port = str(named.get("host") or "localhost"), str(named.get("port") or "5432")
    database = str(named.get("dbname") or login)
    clean = conninfo.make_conninfo("", **parts)
    return ServerAddress(clean, host, port, database, login), \
        (str(password) if password is not None else None)


def _service_settings(name: str) -> dict[str, str]:
    """The entry ``name`` of libpq's connection service file, where libpq looks for it:
    PGSERVICEFILE, else ~/.pg_service.conf, else pg_service.conf in PGSYSCONFDIR."""
    import configparser

    places = [Path(os.environ["PGSERVICEFILE"])] if "PGSERVICEFILE" in os.environ else \
        [Path.home() / ".pg_service.conf"]
    if "PGSYSCONFDIR" in os.environ:
        places.append(Path(os.environ["PGSYSCONFDIR"]) / "pg_service.conf")
    for place in places:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(place, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as error:
            raise TeamServerError(f"The service file {place} cannot be read: "
                                  f"{_first_line(error)}.") from None
        if parser.has_section(name):
            return {key: value for key, value in parser[name].items() if key != "password"}
    raise TeamServerError(f"No service “{name}” in {' or '.join(map(str, places))}.")


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0].rstrip(".") if text else type(error).__name__


def describe(error: psycopg.Error, address: ServerAddress) -> TeamServerError:
    """A server error as one sentence that names the problem (never the password)."""
    import psycopg
    from psycopg import errors

    line = _first_line(error)
    if isinstance(error, errors.InsufficientPrivilege):
        return TeamAccessError(f"The team server refused {address.login}: {line}.")
    if isinstance(error, psycopg.OperationalError):
        if "password authentication failed" in line:
            return TeamAccessError(f"The team server refused the password of {address.login} "
                                   f"at {address.place}.")
        if "no password supplied" in line or "password is required" in line:
            return TeamAccessError(f"{address.login} needs a password at {address.place}: "
                                   "run `contactmap team connect` again to give it.")
        if "is not permitted to log in" in line:
            return TeamAccessError(f"The team server at {address.place} no longer lets "
                                   f"{address.login} log in: ask an administrator.")
        if "does not exist" in line:
            return TeamServerError(f"The team server at {address.place} says: {line}.")
        return TeamServerError(f"Cannot reach the team server at {address.place} ({line}); "
                               "local work is untouched.")
    return TeamServerError(f"The team server at {address.place} failed: {line}.")


def clock_offset(connection: psycopg.Connection[Any],
                 local: Callable[[], datetime]) -> timedelta:
    """How far the server's clock is ahead of ``local`` (naive UTC), read across one round
    trip: the server's time against the middle of it."""
    before = local()
    row = connection.execute("SELECT clock_timestamp()").fetchone()
    after = local()
    assert row is not None
    server: datetime = row[0].astimezone(UTC).replace(tzinfo=None)
    return server - (before + (after - before) / 2)


@contextlib.contextmanager
def server_connection(address: ServerAddress, password: str | None = None,
                      *, autocommit: bool = False) -> Iterator[psycopg.Connection[Any]]:
    """A connection, closed afterwards; any server failure becomes a TeamServerError.

    Without ``autocommit`` the block is one transaction: committed when it ends, rolled back
    (nothing kept on the server) on any error or when the connection is lost.
    """
    import psycopg

    extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S,
                             "application_name": "contactmap"}
    if password is not None:
        extra["password"] = password
    try:
        connection = psycopg.connect(address.url, autocommit=autocommit, **extra)
    except psycopg.Error as error:
        raise describe(error, address) from None
    try:
        with connection:
            yield connection
    except psycopg.Error as error:
        raise describe(error, address) from None
    finally:
        connection.close()
