"""Logins on the private team server for tests: unique names, known passwords, plain SQL."""

from __future__ import annotations

import itertools
import os
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg

from contactmap_desktop.services.team_admin import add_team_member, init_team_server

_numbers = itertools.count(1)


def login_url(admin_url: str, login: str, password: str | None = None) -> str:
    """``admin_url`` with another login (and its password, if given)."""
    parts = urlsplit(admin_url)
    where = f"{parts.hostname}:{parts.port}"
    who = f"{quote(login)}:{quote(password, safe='')}" if password else quote(login)
    return urlunsplit((parts.scheme, f"{who}@{where}", parts.path, "", ""))


def new_login(admin_url: str, role: str, password: str | None = None) -> tuple[str, str]:
    """A fresh login in ``role`` (role names are cluster-wide); (login, its password URL)."""
    login = f"{role}{os.getpid()}x{next(_numbers)}"
    secret = password or f"pw-{login}"
    add_team_member(admin_url, login, role, secret)
    return login, login_url(admin_url, login, secret)


def prepared(admin_url: str) -> str:
    init_team_server(admin_url)
    return admin_url


def query(url: str, statement: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as connection:
        return connection.execute(statement.encode(), params or None).fetchall()
